/**
 * The admin's list of users: role and financial-terms permission changed in
 * the table, disabling, enabling and password resets confirmed in a dialog.
 */
import { useState } from 'react';
import { api, type ApiError, fieldMessage } from '../../lib/api';
import { useAuth } from '../../lib/auth';
import { useApi } from '../../lib/hooks';
import type { Role } from '../../../../src/contract/index.js';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { CopyOnce } from '../../components/CopyOnce';
import { ACTIONS_COLUMN, Badge, ColumnHeads, ErrorNote, Loading, SavedNote, Section, TextField } from '../../components/ui';
import { AddUser } from './AddUser';
import { ROLES, withArticle, type UserRow } from './roles';

type Change = Partial<Pick<UserRow, 'role' | 'disabled' | 'canSeeFinancials'>>;
/** An action that waits for a yes in a dialog. */
type Pending = { kind: 'disable' | 'enable' | 'reset'; user: UserRow } | { kind: 'role'; user: UserRow; role: Role };

export function Users() {
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
            ? `Make yourself ${withArticle(pending.role)}?`
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
      <SavedNote message={notice} />
      <ErrorNote error={users.error} retry={users.reload} />
      {users.loading && !users.data && <Loading what="Loading users" />}
      {users.data && (
        <div className="table-wrap">
          <table className="data users-table">
            <ColumnHeads columns={['User', 'Role', 'Financial terms', 'Status', ACTIONS_COLUMN]} />
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
                            else void saveInline(u, { role }, `${u.username} is now ${withArticle(role)}; they sign in again to continue.`);
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
              <TextField
                label="New password"
                error={dialog.field === 'password' ? dialog.error : undefined}
                hint="At least 10 characters."
                type="text"
                autoComplete="off"
                spellCheck={false}
                value={reset.password}
                onChange={(v) => setReset({ ...reset, password: v })}
              />
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
