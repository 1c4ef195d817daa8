/**
 * Admin: the hosts the server may fetch article pages and feeds from
 * although they are internal (an intranet news mirror). By default the
 * server fetches from the public network only (docs/security.md).
 */
import { useEffect, useState, type FormEvent } from 'react';
import { api, type ApiError, fieldMessage } from '../lib/api';
import { useApi } from '../lib/hooks';
import { ErrorNote, Field, Loading, SavedNote, Section } from '../components/ui';

interface FetchSettings {
  allowHosts: string[];
  environmentAllowHosts: string[];
}

export function FetchSettingsPanel() {
  const settings = useApi<FetchSettings>('/api/settings/fetch');
  const [text, setText] = useState('');
  const [error, setError] = useState<string>();
  const [saved, setSaved] = useState<string>();
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (settings.data) setText(settings.data.allowHosts.join('\n'));
  }, [settings.data]);

  async function save(e: FormEvent) {
    e.preventDefault();
    setError(undefined);
    setSaved(undefined);
    const lines = text
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
    setBusy(true);
    try {
      const next = await api.put<FetchSettings>('/api/settings/fetch', { allowHosts: lines });
      setText(next.allowHosts.join('\n'));
      setSaved(
        next.allowHosts.length
          ? `Saved: pages and feeds may now also be fetched from ${next.allowHosts.join(', ')}.`
          : 'Saved: pages and feeds are fetched from the public network only.',
      );
    } catch (x) {
      const a = x as ApiError;
      const line = /^allowHosts\[(\d+)\]$/.exec(a.field ?? '');
      setError(line ? `Line ${Number(line[1]) + 1}: ${fieldMessage(a.message)}` : fieldMessage(a.message));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Section title="Fetching pages and feeds" id="fetch">
      <p className="muted">
        Article URLs and feeds are fetched from the public internet only: never from this server or your internal network. Name here the
        hosts inside it that may be fetched all the same, such as an intranet news mirror. Every editor can then read anything at those
        hosts through an article URL, so name only hosts meant for that.
      </p>
      <ErrorNote error={settings.error} retry={settings.reload} />
      {settings.loading && !settings.data && <Loading what="Loading the fetch settings" />}
      {settings.data && (
        <form onSubmit={(e) => void save(e)} noValidate aria-label="Hosts that may be fetched">
          <Field
            label="Allowed internal hosts"
            error={error}
            hint="One host name or address a line, without http:// or a port, e.g. news.intranet"
          >
            {(p) => <textarea {...p} rows={4} spellCheck={false} value={text} onChange={(e) => setText(e.target.value)} />}
          </Field>
          {settings.data.environmentAllowHosts.length > 0 && (
            <p className="muted">
              Also allowed by the server's configuration (FILMRIGHTS_FETCH_ALLOW_HOSTS): {settings.data.environmentAllowHosts.join(', ')}.
            </p>
          )}
          <button type="submit" className="btn btn--primary" disabled={busy}>
            {busy ? 'Saving…' : 'Save hosts'}
          </button>
          <SavedNote message={saved} />
        </form>
      )}
    </Section>
  );
}
