import { useState, type FormEvent } from 'react';
import { ApiError } from '../lib/api';
import { useAuth } from '../lib/auth';
import { navigate, useQueryState } from '../lib/router';
import { TextField } from '../components/ui';

export default function SignIn() {
  const { signIn } = useAuth();
  const [params] = useQueryState();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(undefined);
    if (!username.trim() || !password) return setError('Enter your user name and password.');
    setBusy(true);
    try {
      await signIn(username.trim(), password);
      const next = params.get('next');
      navigate(next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/signin') ? next : '/', { replace: true });
    } catch (err) {
      setError(
        err instanceof ApiError && err.status === 401
          ? 'That user name and password do not match. Check them and try again.'
          : (err as Error).message,
      );
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="signin">
      <form className="signin-card" onSubmit={submit} noValidate aria-labelledby="signin-h">
        <div className="brand brand--large">
          <span className="brand-mark" aria-hidden="true">
            F
          </span>
          filmrights
        </div>
        <h1 id="signin-h">Sign in</h1>
        <p className="muted">Catalog, rights, avails and deals.</p>
        <TextField label="User name" name="username" autoComplete="username" value={username} onChange={(v) => setUsername(v)} autoFocus />
        <TextField
          label="Password"
          error={error}
          name="password"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(v) => setPassword(v)}
        />
        <button type="submit" className="btn btn--primary btn--block" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </div>
  );
}
