/** The admin's form for a new user: name, first password, role and the financial-terms permission. */
import { useState, type FormEvent } from 'react';
import { api, type ApiError, fieldMessage } from '../../lib/api';
import type { Role } from '../../../../src/contract/index.js';
import { Field, FormActions, TextField } from '../../components/ui';
import { ROLES } from './roles';

export function AddUser({ onAdded, onCancel }: { onAdded: (username: string) => void; onCancel: () => void }) {
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
        <TextField
          label="User name"
          error={errors.username}
          hint="Letters, digits, dots, dashes, @ or _"
          type="text"
          autoComplete="off"
          value={form.username}
          onChange={(v) => setForm({ ...form, username: v })}
        />
        <TextField
          label="Password"
          error={errors.password}
          hint="At least 10 characters. Give it to them through a safe channel."
          type="password"
          autoComplete="new-password"
          value={form.password}
          onChange={(v) => setForm({ ...form, password: v })}
        />
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
      <FormActions busy={busy} label={'Add user'} busyLabel="Adding…" onCancel={onCancel} />
    </form>
  );
}
