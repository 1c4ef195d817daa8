/**
 * The foot of every page: which filmrights this is (its version and database schema, from the
 * public GET /api/health) and where its changes are written down, so a user reporting a problem
 * can say what they were using.
 */
import { useEffect, useState } from 'react';
import { api } from '../lib/api';

interface Health {
  status: string;
  version: string;
  schema: string;
}

export function AppFooter() {
  const [health, setHealth] = useState<Health | null>(null);
  useEffect(() => {
    const ctrl = new AbortController();
    api.get<Health>('/api/health', { signal: ctrl.signal }).then(setHealth, () => undefined);
    return () => ctrl.abort();
  }, []);
  return (
    <footer className="appfooter">
      {health ? (
        <span>
          filmrights <span data-testid="app-version">{health.version}</span> · database schema{' '}
          <span data-testid="app-schema">{health.schema}</span>
        </span>
      ) : (
        <span>filmrights</span>
      )}
      {' · '}
      <a href="/api/docs">API</a>
    </footer>
  );
}
