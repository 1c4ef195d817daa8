/** A new article: pasted text, a URL, or an uploaded .txt or .html file. */
import { useRef, useState } from 'react';
import { ApiError, api } from '../../lib/api';
import { navigate } from '../../lib/router';
import { ErrorNote, Field, Section, TextField } from '../../components/ui';

function readFile(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(String(r.result));
    r.onerror = () => reject(r.error ?? new Error(`cannot read ${file.name}`));
    r.readAsText(file);
  });
}

export function NewArticle() {
  const [text, setText] = useState('');
  const [url, setUrl] = useState('');
  const [outlet, setOutlet] = useState('');
  const [date, setDate] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);

  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      const body: Record<string, string> = {};
      if (file) {
        const content = await readFile(file);
        body[/\.html?$/i.test(file.name) ? 'html' : 'text'] = content;
      } else if (url.trim()) body.url = url.trim();
      else body.text = text;
      if (outlet.trim()) body.outlet = outlet.trim();
      if (date) body.date = date;
      const r = await api.post<{ article: { id: string }; duplicate: boolean }>('/api/articles', body);
      navigate(`/articles/${r.article.id}`);
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, { error: 'client', message: String(e) }));
      setBusy(false);
    }
  };
  return (
    <Section title="Read an article">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <Field label="Article text" hint="Paste the article as published; a first line “date YYYY-MM-DD” gives its date.">
          {(p) => (
            <textarea
              {...p}
              rows={10}
              value={text}
              onChange={(e) => setText(e.target.value)}
              disabled={!!url.trim() || !!file}
              placeholder="Ahead of its premiere at the Toronto International Film Festival, Neon has nabbed North American rights to…"
            />
          )}
        </Field>
        <div className="form-grid" style={{ marginTop: 10 }}>
          <TextField
            label="Or its address (URL)"
            type="url"
            value={url}
            onChange={(v) => setUrl(v)}
            placeholder="https://…"
            disabled={!!file}
          />
          <Field label="Or a file (.txt, .html)">
            {(p) => (
              <input
                {...p}
                ref={fileRef}
                type="file"
                accept=".txt,.html,.htm,text/plain,text/html"
                onChange={(e) => setFile(e.target.files?.[0] ?? null)}
              />
            )}
          </Field>
          <div />
          <TextField label="Outlet" value={outlet} onChange={(v) => setOutlet(v)} placeholder="Variety" />
          <TextField
            label="Published on"
            hint="Relative dates (“last November”) are read against it."
            type="date"
            value={date}
            onChange={(v) => setDate(v)}
          />
        </div>
        <ErrorNote error={error} />
        <div className="form-actions">
          <button type="submit" className="btn btn--primary" disabled={busy || (!text.trim() && !url.trim() && !file)}>
            {busy ? 'Reading…' : 'Read the article'}
          </button>
          {file && (
            <button
              type="button"
              className="btn btn--ghost"
              onClick={() => {
                setFile(null);
                if (fileRef.current) fileRef.current.value = '';
              }}
            >
              Clear the file
            </button>
          )}
        </div>
      </form>
    </Section>
  );
}
