/** The signed-in user's own API tokens: created with a scope and a name, the secret shown once, revoked when a program no longer needs it. */
import { useState, type FormEvent } from 'react';
import { api, type ApiError } from '../../lib/api';
import { canWrite, useAuth } from '../../lib/auth';
import { formatTimestamp } from '../../lib/format';
import { useApi } from '../../lib/hooks';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { CopyOnce } from '../../components/CopyOnce';
import { ACTIONS_COLUMN, Badge, ColumnHeads, Empty, ErrorNote, Field, Loading, SavedNote, Section, TextField } from '../../components/ui';

interface TokenRow {
  id: string;
  name: string | null;
  scope: 'read' | 'write' | string;
  createdAt: string;
  revokedAt: string | null;
}

function NewSecret({ name, token, onDone }: { name: string; token: string; onDone: () => void }) {
  return (
    <div className="secret" role="region" aria-label="The new token">
      <h3>Token “{name}” created</h3>
      <p>
        <strong>Copy it now: it is shown only once.</strong> filmrights keeps only a fingerprint of it, so it cannot show it again. Keep it
        where you keep passwords.
      </p>
      <CopyOnce id="new-token" label="API token" noun="token" value={token} />
      <p className="small">
        Send it in the <code>Authorization</code> header: <code>Authorization: Bearer {token.slice(0, 8)}…</code>
      </p>
      <button type="button" className="btn btn--small" onClick={onDone}>
        I have stored it
      </button>
    </div>
  );
}

export function Tokens() {
  const { user } = useAuth();
  const writer = canWrite(user);
  const tokens = useApi<TokenRow[]>('/api/tokens');
  const [name, setName] = useState('');
  const [scope, setScope] = useState<'read' | 'write'>('read');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [secret, setSecret] = useState<{ name: string; token: string }>();
  const [revoking, setRevoking] = useState<{ token: TokenRow; busy: boolean; error?: string }>();
  const [revoked, setRevoked] = useState<string>();

  async function create(e: FormEvent) {
    e.preventDefault();
    setError(undefined);
    setRevoked(undefined);
    const n = name.trim();
    if (!n) return setError('Name the token after the program that will use it, so you know which to revoke.');
    setBusy(true);
    try {
      const r = await api.post<{ id: string; token: string }>('/api/tokens', { scope, name: n });
      setSecret({ name: n, token: r.token });
      setName('');
      setScope('read');
      tokens.reload();
    } catch (x) {
      setError((x as ApiError).message);
    } finally {
      setBusy(false);
    }
  }

  async function revoke() {
    if (!revoking) return;
    setRevoking({ ...revoking, busy: true, error: undefined });
    try {
      await api.del(`/api/tokens/${encodeURIComponent(revoking.token.id)}`);
      setRevoked(`“${revoking.token.name ?? 'Unnamed token'}” was revoked: programs using it are refused from now on.`);
      setRevoking(undefined);
      tokens.reload();
    } catch (x) {
      setRevoking({ ...revoking, busy: false, error: (x as ApiError).message });
    }
  }

  const list = [...(tokens.data ?? [])].sort(
    (a, b) => Number(!!a.revokedAt) - Number(!!b.revokedAt) || b.createdAt.localeCompare(a.createdAt),
  );
  return (
    <Section title="Your API tokens" id="tokens">
      <p className="muted">
        Programs (a spreadsheet, a script, another system) sign in with a token instead of your password. A token acts as you,{' '}
        {user?.username}, with your role
        {user?.canSeeFinancials ? ' and your access to financial terms' : ''}. A read-only token cannot change anything.
      </p>
      {secret ? (
        <NewSecret name={secret.name} token={secret.token} onDone={() => setSecret(undefined)} />
      ) : (
        <>
          <h3 className="h3">Create a token</h3>
          <form className="token-form" onSubmit={(e) => void create(e)} noValidate aria-label="Create an API token">
            <TextField
              label="Name"
              error={error}
              hint="What will use it, e.g. “Finance avails sheet”"
              type="text"
              value={name}
              maxLength={80}
              onChange={(v) => setName(v)}
            />
            <Field label="Access">
              {(p) => (
                <select {...p} value={scope} onChange={(e) => setScope(e.target.value as 'read' | 'write')}>
                  <option value="read">Read only</option>
                  <option value="write" disabled={!writer}>
                    Read and write{writer ? '' : ' (needs the editor role)'}
                  </option>
                </select>
              )}
            </Field>
            <button type="submit" className="btn btn--primary" disabled={busy}>
              {busy ? 'Creating…' : 'Create token'}
            </button>
          </form>
        </>
      )}
      <SavedNote message={revoked} />
      <ErrorNote error={tokens.error} retry={tokens.reload} />
      {tokens.loading && !tokens.data && <Loading what="Loading your tokens" />}
      {tokens.data && list.length === 0 && <Empty title="You have no API token." />}
      {list.length > 0 && (
        <div className="table-wrap spaced">
          <table className="data" aria-label="Your API tokens">
            <ColumnHeads columns={['Name', 'Access', 'Created', 'Status', ACTIONS_COLUMN]} />
            <tbody>
              {list.map((t) => (
                <tr key={t.id} className={t.revokedAt ? 'is-muted' : undefined}>
                  <td>{t.name ?? <span className="muted">Unnamed</span>}</td>
                  <td>{t.scope === 'write' ? 'Read and write' : 'Read only'}</td>
                  <td className="nowrap">{formatTimestamp(t.createdAt)}</td>
                  <td>
                    {t.revokedAt ? (
                      <span className="muted">Revoked {formatTimestamp(t.revokedAt)}</span>
                    ) : (
                      <Badge value="signed" label="Active" />
                    )}
                  </td>
                  <td className="row-actions">
                    {!t.revokedAt && (
                      <button
                        type="button"
                        className="btn btn--small"
                        onClick={() => setRevoking({ token: t, busy: false })}
                        aria-label={`Revoke ${t.name ?? 'unnamed token'}`}
                      >
                        Revoke…
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <ConfirmDialog
        open={!!revoking}
        title={`Revoke “${revoking?.token.name ?? 'Unnamed token'}”?`}
        confirmLabel="Revoke token"
        busy={revoking?.busy}
        error={revoking?.error}
        onConfirm={() => void revoke()}
        onCancel={() => setRevoking(undefined)}
      >
        <p>
          Programs using this token are refused from the next request. This cannot be undone: if a program still needs access, create a new
          token for it.
        </p>
      </ConfirmDialog>
    </Section>
  );
}
