/**
 * Who can use filmrights and how: users with their role and the
 * financial-terms permission, disabled or enabled, their passwords reset
 * (admins only); the signed-in user's own password; and their own API
 * tokens: created with a scope and a name, the secret shown once, revoked
 * when a program no longer needs it.
 */
import { useRef, useState, type FormEvent } from 'react';
import { api, type ApiError, fieldMessage } from '../lib/api';
import { canWrite, useAuth } from '../lib/auth';
import { formatTimestamp } from '../lib/format';
import { useApi } from '../lib/hooks';
import { Link } from '../lib/router';
import type { Ref, Role } from '../../../src/contract/index.js';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { EntityPicker } from '../components/EntityPicker';
import { Badge, Empty, ErrorNote, Field, Loading, Section } from '../components/ui';
import { FetchSettingsPanel } from './AdminFetch';

interface UserRow {
  id: string;
  username: string;
  role: Role;
  canSeeFinancials: boolean;
  disabled: boolean;
}

interface TokenRow {
  id: string;
  name: string | null;
  scope: 'read' | 'write' | string;
  createdAt: string;
  revokedAt: string | null;
}

const ROLES: Array<{ value: Role; label: string; what: string }> = [
  { value: 'viewer', label: 'Viewer', what: 'reads the catalog, avails and deals' },
  { value: 'editor', label: 'Editor', what: 'also records and changes deals, imports' },
  { value: 'admin', label: 'Admin', what: 'also manages users' },
];
const roleLabel = (r: string) => ROLES.find((x) => x.value === r)?.label ?? r;

function AddUser({ onAdded, onCancel }: { onAdded: (username: string) => void; onCancel: () => void }) {
  const [form, setForm] = useState({ username: '', password: '', role: 'viewer' as Role, canSeeFinancials: false });
  const [touchedFinancials, setTouchedFinancials] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string>();
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const local: Record<string, string> = {};
    if (!form.username.trim()) local.username = 'Enter a user name.';
    if (form.password.length < 10) local.password = 'At least 10 characters.';
    setErrors(local);
    setFormError(undefined);
    if (Object.keys(local).length) return;
    setBusy(true);
    try {
      await api.post('/api/users', { ...form, username: form.username.trim() });
      onAdded(form.username.trim());
    } catch (x) {
      const a = x as ApiError;
      if (a.field) setErrors({ [a.field]: fieldMessage(a.message) });
      else setFormError(a.message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="add-user" onSubmit={(e) => void submit(e)} noValidate aria-label="Add a user">
      <div className="form-grid">
        <Field label="User name" error={errors.username} hint="Letters, digits, dots, dashes, @ or _">
          {(p) => (
            <input
              {...p}
              type="text"
              autoComplete="off"
              value={form.username}
              onChange={(e) => setForm({ ...form, username: e.target.value })}
            />
          )}
        </Field>
        <Field label="Password" error={errors.password} hint="At least 10 characters. Give it to them through a safe channel.">
          {(p) => (
            <input
              {...p}
              type="password"
              autoComplete="new-password"
              value={form.password}
              onChange={(e) => setForm({ ...form, password: e.target.value })}
            />
          )}
        </Field>
        <Field label="Role" error={errors.role} hint={ROLES.find((r) => r.value === form.role)?.what}>
          {(p) => (
            <select
              {...p}
              value={form.role}
              onChange={(e) => {
                const role = e.target.value as Role;
                setForm({ ...form, role, canSeeFinancials: touchedFinancials ? form.canSeeFinancials : role === 'admin' });
              }}
            >
              {ROLES.map((r) => (
                <option key={r.value} value={r.value}>
                  {r.label}
                </option>
              ))}
            </select>
          )}
        </Field>
        <div className="field field--check span-3">
          <label>
            <input
              type="checkbox"
              checked={form.canSeeFinancials}
              onChange={(e) => {
                setTouchedFinancials(true);
                setForm({ ...form, canSeeFinancials: e.target.checked });
              }}
            />{' '}
            Can see financial terms
          </label>
          <p className="field-hint">
            Minimum guarantees and deal prices. Without it they are left out everywhere (deal pages, history, press facts, exports, the API)
            and cannot be set. Box-office grosses are public and shown to everyone.
          </p>
        </div>
      </div>
      {formError && (
        <div className="error-note" role="alert">
          {formError}
        </div>
      )}
      <div className="form-actions">
        <button type="submit" className="btn btn--primary" disabled={busy}>
          {busy ? 'Adding…' : 'Add user'}
        </button>
        <button type="button" className="btn btn--ghost" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

type Change = Partial<Pick<UserRow, 'role' | 'disabled' | 'canSeeFinancials'>>;
/** An action that waits for a yes in a dialog. */
type Pending = { kind: 'disable' | 'enable' | 'reset'; user: UserRow } | { kind: 'role'; user: UserRow; role: Role };

function Users() {
  const { user } = useAuth();
  const users = useApi<UserRow[]>('/api/users');
  const [adding, setAdding] = useState(false);
  const [notice, setNotice] = useState<string>();
  const [saving, setSaving] = useState<string>();
  const [rowError, setRowError] = useState<{ id: string; field: string; message: string }>();
  const [pending, setPending] = useState<Pending>();
  const [dialog, setDialog] = useState<{ busy: boolean; error?: string; field?: string }>({ busy: false });
  const [reset, setReset] = useState<{ mode: 'generate' | 'type'; password: string }>({ mode: 'generate', password: '' });
  const [shown, setShown] = useState<{ username: string; password: string; generated: boolean }>();

  const ask = (p: Pending) => {
    setNotice(undefined);
    setRowError(undefined);
    setDialog({ busy: false });
    setReset({ mode: 'generate', password: '' });
    setPending(p);
  };

  /** Saves a change from the table itself: errors show next to the control. */
  async function saveInline(u: UserRow, change: Change, message: string) {
    setNotice(undefined);
    setRowError(undefined);
    setSaving(u.id);
    try {
      await api.patch(`/api/users/${encodeURIComponent(u.id)}`, change);
      setNotice(message);
      users.reload();
    } catch (x) {
      const a = x as ApiError;
      setRowError({ id: u.id, field: a.field ?? Object.keys(change)[0], message: a.field ? fieldMessage(a.message) : a.message });
    } finally {
      setSaving(undefined);
    }
  }

  async function confirm() {
    if (!pending) return;
    const u = pending.user;
    const path = `/api/users/${encodeURIComponent(u.id)}`;
    if (pending.kind === 'reset' && reset.mode === 'type' && reset.password.length < 10) {
      return setDialog({ busy: false, field: 'password', error: 'At least 10 characters.' });
    }
    setDialog({ busy: true });
    try {
      if (pending.kind === 'reset') {
        const r = await api.put<{ generated: boolean; password?: string }>(
          `${path}/password`,
          reset.mode === 'type' ? { password: reset.password } : {},
        );
        setShown({ username: u.username, password: r.password ?? reset.password, generated: r.generated });
      } else if (pending.kind === 'role') {
        await api.patch(path, { role: pending.role });
      } else {
        await api.patch(path, { disabled: pending.kind === 'disable' });
        setNotice(
          pending.kind === 'disable'
            ? `${u.username} is disabled: signed out, and refused from now on.`
            : `${u.username} is enabled and can sign in again.`,
        );
      }
      setPending(undefined);
      setDialog({ busy: false });
      users.reload();
    } catch (x) {
      const a = x as ApiError;
      setDialog({ busy: false, field: a.field, error: a.field ? fieldMessage(a.message) : a.message });
    }
  }

  const errorFor = (u: UserRow, field: string) => (rowError?.id === u.id && rowError.field === field ? rowError.message : undefined);
  const dialogTitle =
    pending?.kind === 'disable'
      ? `Disable ${pending.user.username}?`
      : pending?.kind === 'enable'
        ? `Enable ${pending.user.username}?`
        : pending?.kind === 'reset'
          ? `Reset the password of ${pending.user.username}?`
          : pending?.kind === 'role'
            ? `Make yourself ${/^[aeiou]/.test(pending.role) ? 'an' : 'a'} ${roleLabel(pending.role).toLowerCase()}?`
            : '';

  return (
    <Section
      title="Users"
      id="users"
      actions={
        !adding && (
          <button
            type="button"
            className="btn btn--small"
            onClick={() => {
              setNotice(undefined);
              setAdding(true);
            }}
          >
            + Add user
          </button>
        )
      }
    >
      {adding && (
        <AddUser
          onCancel={() => setAdding(false)}
          onAdded={(name) => {
            setAdding(false);
            setNotice(`${name} was added and can sign in now.`);
            users.reload();
          }}
        />
      )}
      {shown && <NewPassword {...shown} onDone={() => setShown(undefined)} />}
      {notice && (
        <p className="save-ok" role="status">
          {notice}
        </p>
      )}
      <ErrorNote error={users.error} retry={users.reload} />
      {users.loading && !users.data && <Loading what="Loading users" />}
      {users.data && (
        <div className="table-wrap">
          <table className="data users-table">
            <thead>
              <tr>
                <th scope="col">User</th>
                <th scope="col">Role</th>
                <th scope="col">Financial terms</th>
                <th scope="col">Status</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {users.data.map((u) => {
                const you = u.id === user?.id;
                const roleError = errorFor(u, 'role');
                const financialsError = errorFor(u, 'canSeeFinancials');
                return (
                  <tr key={u.id} className={u.disabled ? 'is-muted' : undefined}>
                    <td>
                      <strong>{u.username}</strong>
                      {you && <span className="muted small"> (you)</span>}
                    </td>
                    <td>
                      <div className={`field${roleError ? ' field--error' : ''}`}>
                        <label htmlFor={`role-${u.id}`} className="visually-hidden">
                          Role of {u.username}
                        </label>
                        <select
                          id={`role-${u.id}`}
                          value={u.role}
                          disabled={saving === u.id}
                          aria-invalid={roleError ? true : undefined}
                          aria-describedby={roleError ? `role-${u.id}-error` : undefined}
                          onChange={(e) => {
                            const role = e.target.value as Role;
                            if (you) ask({ kind: 'role', user: u, role });
                            else
                              void saveInline(
                                u,
                                { role },
                                `${u.username} is now ${/^[aeiou]/.test(role) ? 'an' : 'a'} ${roleLabel(role).toLowerCase()}; they sign in again to continue.`,
                              );
                          }}
                        >
                          {ROLES.map((r) => (
                            <option key={r.value} value={r.value}>
                              {r.label}
                            </option>
                          ))}
                        </select>
                        {roleError ? (
                          <p className="field-error" id={`role-${u.id}-error`} role="alert">
                            {roleError}
                          </p>
                        ) : (
                          <span className="muted small">{ROLES.find((r) => r.value === u.role)?.what}</span>
                        )}
                      </div>
                    </td>
                    <td>
                      <label className="inline-check">
                        <input
                          type="checkbox"
                          checked={u.canSeeFinancials}
                          disabled={saving === u.id}
                          onChange={(e) =>
                            void saveInline(
                              u,
                              { canSeeFinancials: e.target.checked },
                              e.target.checked
                                ? `${u.username} sees financial terms now.`
                                : `Financial terms are hidden from ${u.username} now.`,
                            )
                          }
                        />{' '}
                        {u.canSeeFinancials ? 'Sees MGs and deal prices' : <span className="muted">Hidden</span>}
                      </label>
                      {financialsError && (
                        <p className="field-error" role="alert">
                          {financialsError}
                        </p>
                      )}
                    </td>
                    <td>{u.disabled ? <Badge value="expired" label="Disabled" /> : <Badge value="signed" label="Active" />}</td>
                    <td className="row-actions">
                      {!you && (
                        <>
                          <button
                            type="button"
                            className="btn btn--small"
                            onClick={() => ask({ kind: 'reset', user: u })}
                            aria-label={`Reset the password of ${u.username}`}
                          >
                            Reset password…
                          </button>
                          {u.disabled ? (
                            <button
                              type="button"
                              className="btn btn--small"
                              onClick={() => ask({ kind: 'enable', user: u })}
                              aria-label={`Enable ${u.username}`}
                            >
                              Enable…
                            </button>
                          ) : (
                            <button
                              type="button"
                              className="btn btn--small btn--delete"
                              onClick={() => ask({ kind: 'disable', user: u })}
                              aria-label={`Disable ${u.username}`}
                            >
                              Disable…
                            </button>
                          )}
                        </>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <p className="muted small spaced">
        A new role, disabling someone or resetting their password signs them out everywhere. There is always at least one enabled admin. On
        the server: <code>filmrights users reset-password &lt;user name&gt;</code>.
      </p>
      <ConfirmDialog
        open={!!pending}
        title={dialogTitle}
        confirmLabel={
          pending?.kind === 'disable'
            ? 'Disable'
            : pending?.kind === 'enable'
              ? 'Enable'
              : pending?.kind === 'reset'
                ? 'Reset password'
                : 'Change my role'
        }
        tone={pending?.kind === 'enable' ? 'primary' : 'danger'}
        busy={dialog.busy}
        error={dialog.field === 'password' ? undefined : dialog.error}
        onConfirm={() => void confirm()}
        onCancel={() => setPending(undefined)}
      >
        {pending?.kind === 'disable' && (
          <p>
            {pending.user.username} is signed out at once and cannot sign in; their API tokens are refused. Nothing they recorded is lost,
            and enabling them again restores their access and their tokens.
          </p>
        )}
        {pending?.kind === 'enable' && (
          <p>{pending.user.username} can sign in again with their password, and their API tokens work again.</p>
        )}
        {pending?.kind === 'role' && (
          <p>
            You will be signed out at once{pending.role !== 'admin' ? ', and can no longer manage users' : ''}. Another admin can give the
            role back.
          </p>
        )}
        {pending?.kind === 'reset' && (
          <>
            <p>{pending.user.username} is signed out everywhere and needs the new password to sign in. Their API tokens keep working.</p>
            <fieldset className="reset-choice">
              <legend className="visually-hidden">New password</legend>
              <label>
                <input
                  type="radio"
                  name="reset-mode"
                  checked={reset.mode === 'generate'}
                  onChange={() => setReset({ ...reset, mode: 'generate' })}
                />{' '}
                Generate one
              </label>
              <label>
                <input
                  type="radio"
                  name="reset-mode"
                  checked={reset.mode === 'type'}
                  onChange={() => setReset({ ...reset, mode: 'type' })}
                />{' '}
                Type one
              </label>
            </fieldset>
            {reset.mode === 'type' && (
              <Field label="New password" error={dialog.field === 'password' ? dialog.error : undefined} hint="At least 10 characters.">
                {(p) => (
                  <input
                    {...p}
                    type="text"
                    autoComplete="off"
                    spellCheck={false}
                    value={reset.password}
                    onChange={(e) => setReset({ ...reset, password: e.target.value })}
                  />
                )}
              </Field>
            )}
          </>
        )}
      </ConfirmDialog>
    </Section>
  );
}

/** A password set by an admin, shown once to be passed on. */
function NewPassword({
  username,
  password,
  generated,
  onDone,
}: {
  username: string;
  password: string;
  generated: boolean;
  onDone: () => void;
}) {
  return (
    <div className="secret spaced-bottom" role="region" aria-label="The new password">
      <h3>New password of {username}</h3>
      <p>
        <strong>{generated ? 'Copy it now: it is shown only once.' : 'The password you typed is set.'}</strong> Give it to {username}{' '}
        through a safe channel; they can change it on their account page.
      </p>
      <CopyOnce id="new-password" label="New password" noun="password" value={password} />
      <button type="button" className="btn btn--small" onClick={onDone}>
        Done
      </button>
    </div>
  );
}

/** Any signed-in user: a new password, given the current one. */
function OwnPassword() {
  const [form, setForm] = useState({ currentPassword: '', newPassword: '', repeat: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const local: Record<string, string> = {};
    if (!form.currentPassword) local.currentPassword = 'Enter your current password.';
    if (form.newPassword.length < 10) local.newPassword = 'At least 10 characters.';
    else if (form.repeat !== form.newPassword) local.repeat = 'The two new passwords differ.';
    setErrors(local);
    setFormError(undefined);
    setDone(false);
    if (Object.keys(local).length) return;
    setBusy(true);
    try {
      await api.post('/api/auth/password', { currentPassword: form.currentPassword, newPassword: form.newPassword });
      setForm({ currentPassword: '', newPassword: '', repeat: '' });
      setDone(true);
    } catch (x) {
      const a = x as ApiError;
      if (a.field === 'currentPassword' || a.field === 'newPassword') setErrors({ [a.field]: fieldMessage(a.message) });
      else setFormError(a.message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Section title="Your password" id="password">
      <form className="password-form" onSubmit={(e) => void submit(e)} noValidate aria-label="Change your password">
        <div className="form-grid">
          <Field label="Current password" error={errors.currentPassword}>
            {(p) => (
              <input
                {...p}
                type="password"
                autoComplete="current-password"
                value={form.currentPassword}
                onChange={(e) => setForm({ ...form, currentPassword: e.target.value })}
              />
            )}
          </Field>
          <Field label="New password" error={errors.newPassword} hint="At least 10 characters.">
            {(p) => (
              <input
                {...p}
                type="password"
                autoComplete="new-password"
                value={form.newPassword}
                onChange={(e) => setForm({ ...form, newPassword: e.target.value })}
              />
            )}
          </Field>
          <Field label="New password again" error={errors.repeat}>
            {(p) => (
              <input
                {...p}
                type="password"
                autoComplete="new-password"
                value={form.repeat}
                onChange={(e) => setForm({ ...form, repeat: e.target.value })}
              />
            )}
          </Field>
        </div>
        {formError && (
          <div className="error-note" role="alert">
            {formError}
          </div>
        )}
        <div className="form-actions">
          <button type="submit" className="btn btn--primary" disabled={busy}>
            {busy ? 'Changing…' : 'Change password'}
          </button>
          {done && (
            <span className="save-ok" role="status">
              Your password was changed. Your other sessions were signed out.
            </span>
          )}
        </div>
      </form>
    </Section>
  );
}

/** Copies to the clipboard; on a plain-HTTP address (no Clipboard API) it selects the text and copies that. */
/** A secret shown once: selected on focus, a Copy button, and what happened to the copy. */
function CopyOnce({ id, label, noun, value }: { id: string; label: string; noun: string; value: string }) {
  const ref = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<boolean>();
  return (
    <>
      <div className="secret-row">
        <label htmlFor={id} className="visually-hidden">
          {label}
        </label>
        <input
          ref={ref}
          id={id}
          className="secret-value"
          type="text"
          readOnly
          value={value}
          onFocus={(e) => e.currentTarget.select()}
          spellCheck={false}
        />
        <button type="button" className="btn btn--primary" onClick={() => void copyText(value, ref.current).then(setCopied)}>
          {copied ? 'Copied' : 'Copy'}
        </button>
      </div>
      <p className="muted small" role="status">
        {copied === false
          ? `Copying was not allowed by the browser: the ${noun} is selected, press Ctrl+C (⌘C on a Mac).`
          : copied
            ? `The ${noun} is on your clipboard.`
            : ''}
      </p>
    </>
  );
}

async function copyText(text: string, input: HTMLInputElement | null): Promise<boolean> {
  try {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    /* fall through to the selection */
  }
  if (!input) return false;
  input.focus();
  input.select();
  try {
    return document.execCommand('copy');
  } catch {
    return false;
  }
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

function Tokens() {
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
            <Field label="Name" error={error} hint="What will use it, e.g. “Finance avails sheet”">
              {(p) => <input {...p} type="text" value={name} maxLength={80} onChange={(e) => setName(e.target.value)} />}
            </Field>
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
      {revoked && (
        <p className="save-ok" role="status">
          {revoked}
        </p>
      )}
      <ErrorNote error={tokens.error} retry={tokens.reload} />
      {tokens.loading && !tokens.data && <Loading what="Loading your tokens" />}
      {tokens.data && list.length === 0 && <Empty title="You have no API token." />}
      {list.length > 0 && (
        <div className="table-wrap spaced">
          <table className="data" aria-label="Your API tokens">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Access</th>
                <th scope="col">Created</th>
                <th scope="col">Status</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
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

/**
 * The company this install works for ("we"): deals where it grants are rights
 * out, where it receives rights in, between others market intelligence.
 * Everyone sees it; an admin changes it.
 */
function OurCompany({ admin }: { admin: boolean }) {
  const we = useApi<{ company: (Ref & { kind: string }) | null }>('/api/settings/we');
  const [picked, setPicked] = useState<Ref | null>(null);
  const [changing, setChanging] = useState(false);
  const [state, setState] = useState<{ busy: boolean; error?: string; saved?: string }>({ busy: false });
  const current = we.data?.company ?? null;
  async function save(e: FormEvent) {
    e.preventDefault();
    if (!picked) return setState({ busy: false, error: 'Pick the company.' });
    setState({ busy: true });
    try {
      await api.put('/api/settings/we', { companyId: picked.id });
      setState({
        busy: false,
        saved: `${picked.name} is now our company. New deals take their direction from it; deals already saved keep theirs.`,
      });
      setChanging(false);
      setPicked(null);
      we.reload();
    } catch (x) {
      setState({ busy: false, error: fieldMessage((x as ApiError).message) });
    }
  }
  return (
    <Section title="Our company" id="we">
      <ErrorNote error={we.error} retry={we.reload} />
      {we.data && (
        <p>
          {current ? (
            <>
              This install works for <Link to={`/companies/${encodeURIComponent(current.id)}`}>{current.name}</Link>: deals where it grants
              rights are <strong>rights out</strong>, where it receives them <strong>rights in</strong>, the others market intelligence.
            </>
          ) : (
            <span className="muted">Not set: every deal’s direction is chosen by hand.</span>
          )}
        </p>
      )}
      {state.saved && (
        <p className="save-ok" role="status">
          {state.saved}
        </p>
      )}
      {admin && !changing && (
        <button type="button" className="btn btn--small" onClick={() => (setChanging(true), setState({ busy: false }))}>
          {current ? 'Change our company' : 'Set our company'}
        </button>
      )}
      {admin && changing && (
        <form className="token-form" onSubmit={(e) => void save(e)} noValidate aria-label="Our company">
          <Field label="Company" error={state.error}>
            {(p) => <EntityPicker {...p} kind="companies" value={picked} onChange={setPicked} placeholder="Type the company’s name" />}
          </Field>
          <button type="submit" className="btn btn--primary" disabled={state.busy}>
            {state.busy ? 'Saving…' : 'Save'}
          </button>
          <button type="button" className="btn btn--ghost" onClick={() => setChanging(false)}>
            Cancel
          </button>
        </form>
      )}
      {!admin && <p className="muted small">Only an admin can change it.</p>}
    </Section>
  );
}

export default function Admin() {
  const { user } = useAuth();
  const admin = user?.role === 'admin';
  return (
    <div className="page">
      <div className="page-head">
        <h1>{admin ? 'Admin' : 'Your account'}</h1>
        <p className="muted page-sub">
          Signed in as <strong>{user?.username}</strong> · {roleLabel(user?.role ?? '')}
          {user?.canSeeFinancials ? ' · sees financial terms' : ''}
        </p>
      </div>
      {admin && <Users />}
      <OurCompany admin={admin} />
      {admin && <FetchSettingsPanel />}
      <OwnPassword />
      <Tokens />
    </div>
  );
}
