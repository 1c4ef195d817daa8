import { useState, type FormEvent } from 'react';
import { api, type ApiError, fieldMessage } from '../../lib/api';
import { Section, TextField } from '../../components/ui';

/** Any signed-in user: a new password, given the current one. */
export function OwnPassword() {
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
          <TextField
            label="Current password"
            error={errors.currentPassword}
            type="password"
            autoComplete="current-password"
            value={form.currentPassword}
            onChange={(v) => setForm({ ...form, currentPassword: v })}
          />
          <TextField
            label="New password"
            error={errors.newPassword}
            hint="At least 10 characters."
            type="password"
            autoComplete="new-password"
            value={form.newPassword}
            onChange={(v) => setForm({ ...form, newPassword: v })}
          />
          <TextField
            label="New password again"
            error={errors.repeat}
            type="password"
            autoComplete="new-password"
            value={form.repeat}
            onChange={(v) => setForm({ ...form, repeat: v })}
          />
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
