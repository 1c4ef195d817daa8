/** Who is signed in; the sign-in page when nobody is (or the session ended). */
import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { api, onUnauthorized } from './api';
import { navigate } from './router';
import type { User } from '../../../src/contract/index.js';

interface AuthState {
  user: User | null | undefined;
  signIn: (username: string, password: string) => Promise<void>;
  signOut: () => Promise<void>;
}

const AuthContext = createContext<AuthState>({ user: undefined, signIn: async () => {}, signOut: async () => {} });

export function AuthProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<User | null | undefined>(undefined);

  useEffect(() => {
    api.get<{ user: User }>('/api/auth/me', { quiet401: true }).then(
      (r) => setUser(r.user),
      () => setUser(null),
    );
    return onUnauthorized(() => {
      setUser(null);
      if (location.pathname !== '/signin')
        navigate(`/signin?next=${encodeURIComponent(location.pathname + location.search)}`, { replace: true });
    });
  }, []);

  const signIn = useCallback(async (username: string, password: string) => {
    const r = await api.post<{ user: User }>('/api/auth/login', { username, password }, { quiet401: true });
    setUser(r.user);
  }, []);

  const signOut = useCallback(async () => {
    await api.post('/api/auth/logout').catch(() => undefined);
    setUser(null);
    navigate('/signin', { replace: true });
  }, []);

  return <AuthContext.Provider value={{ user, signIn, signOut }}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthState {
  return useContext(AuthContext);
}

export function canWrite(user: User | null | undefined): boolean {
  return user?.role === 'admin' || user?.role === 'editor';
}
