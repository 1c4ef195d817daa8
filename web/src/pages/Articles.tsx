/**
 * Articles: paste a trade-press article (or give its URL, or upload a .txt or
 * .html file), then review what it says. The text is shown with the evidence
 * of each candidate fact highlighted; each fact can be accepted as it is,
 * edited then accepted, or rejected. Accepted facts are written into the
 * catalog and contracts with the article as their source; a deal that
 * collides with rights on record says so and can be saved with a reason.
 */
import { useMemo, useRef, useState, type ReactNode } from 'react';
import { ApiError, api, withQuery } from '../lib/api';
import { useApi } from '../lib/hooks';
import { Link, navigate } from '../lib/router';
import { formatDate, humanize } from '../lib/format';
import { Badge, ColumnHeads, Empty, ErrorNote, Field, Loading, Pager, Section } from '../components/ui';

type Span = [number, number];
type Fields = Record<string, unknown>;

interface EntityMatch {
  name: string;
  kind: string;
  status: 'known' | 'similar' | 'new' | 'ambiguous';
  id: string | null;
  matched: string | null;
  candidates: Array<{ id: string; name: string; detail?: string }>;
}

interface Fact {
  id: string;
  position: number;
  type: string;
  fields: Fields;
  confidence: number;
  span: Span;
  spans: Span[];
  quote: string;
  status: 'pending' | 'accepted' | 'rejected';
  resolution: Record<string, EntityMatch>;
  known: { table: string; id: string; sources: number; fromThisArticle: boolean } | null;
  written: { table: string; id: string; existed: boolean } | null;
}

interface Article {
  id: string;
  title: string | null;
  outlet: string | null;
  publishedOn: string | null;
  url: string | null;
  file: string | null;
  text: string;
  counts: Record<'pending' | 'accepted' | 'rejected', number>;
  facts: Fact[];
}

interface ArticleList {
  items: Array<{
    id: string;
    title: string | null;
    outlet: string | null;
    publishedOn: string | null;
    url: string | null;
    createdAt: string;
    counts: Article['counts'];
  }>;
  total: number;
  page: number;
  pageSize: number;
}

const TYPE_LABEL: Record<string, string> = {
  deal: 'Deal',
  rumour: 'Rumour',
  mandate: 'Sales mandate',
  selection: 'Festival selection',
  withdrawal: 'Withdrawal',
  award: 'Award',
  boxOffice: 'Box office',
  release: 'Release',
  credit: 'Credit',
  titleCompany: 'Company',
  sourceMaterial: 'Source material',
  productionStatus: 'Production status',
};
const TYPE_ORDER = [
  'deal',
  'mandate',
  'rumour',
  'selection',
  'withdrawal',
  'award',
  'boxOffice',
  'release',
  'credit',
  'titleCompany',
  'sourceMaterial',
  'productionStatus',
];

const s = (v: unknown): string | null => (typeof v === 'string' && v ? v : null);
const money = (m: unknown) =>
  m && typeof m === 'object'
    ? `${(m as { currency: string }).currency} ${Number((m as { amount: string }).amount).toLocaleString('en-US')}`
    : null;

/** One line, as the trade press would say it. */
export function summary(type: string, f: Fields): string {
  const title = s(f.title) ?? '?';
  switch (type) {
    case 'deal': {
      const fest =
        f.festival && typeof f.festival === 'object'
          ? `${(f.festival as { name: string }).name} ${(f.festival as { year: number | null }).year ?? ''}`.trim()
          : null;
      return [
        `${s(f.buyer)} acquired ${s(f.territories) ?? '(territories not reported)'}${s(f.media) ? `, ${s(f.media)}` : ''} of ${title}`,
        s(f.seller) ? `from ${s(f.seller)}` : null,
        money(f.price) ? `for ${money(f.price)}` : null,
        fest ? `at ${fest}` : null,
      ]
        .filter(Boolean)
        .join(' ');
    }
    case 'rumour':
      return `${s(f.party)}: ${s(f.kind)} about ${title}${s(f.territories) ? ` (${s(f.territories)})` : ''}`;
    case 'mandate':
      return `${s(f.company)} handles ${s(f.territories) ?? 'international'} sales of ${title}`;
    case 'selection':
      return `${title} at ${s(f.festival)} ${f.year ?? '(year?)'}${s(f.section) ? `, ${s(f.section)}` : ''}${s(f.premiere) ? `, ${humanize(s(f.premiere))} premiere` : ''}${s(f.slot) ? `, ${humanize(s(f.slot))}` : ''}`;
    case 'withdrawal':
      return `${title} withdrawn from ${s(f.festival)} ${f.year ?? ''}${s(f.section) ? ` (${s(f.section)})` : ''}${s(f.reason) ? `: “${s(f.reason)}”` : ''}`;
    case 'award':
      return `${title} won the ${s(f.award)}${f.tied ? ' (tied)' : ''} at ${s(f.festival)} ${f.year ?? '(year?)'}${s(f.person) ? `, ${s(f.person)}` : ''}`;
    case 'boxOffice':
      return `${title} grossed ${money({ amount: f.amount, currency: f.currency })} in ${s(f.territory) ?? 'the world'}${s(f.period) ? ` (${s(f.period)})` : ''}`;
    case 'release':
      return `${title} released in ${s(f.territory)}${s(f.date) ? ` on ${s(f.date)}` : ''}${s(f.distributor) ? ` by ${s(f.distributor)}` : ''}`;
    case 'credit':
      return `${s(f.name)}: ${humanize(s(f.role))} of ${title}${s(f.character) ? ` (as ${s(f.character)})` : ''}`;
    case 'titleCompany':
      return `${s(f.company)}: ${humanize(s(f.role))} of ${title}`;
    case 'sourceMaterial':
      return `${title} is adapted from a ${s(f.material)}`;
    case 'productionStatus':
      return `${title}: ${humanize(s(f.status))}`;
    default:
      return title;
  }
}

/** The fields a reviewer may edit, per type (entity fields get a picker when the name is ambiguous). */
const EDITABLE: Record<string, string[]> = {
  deal: ['title', 'buyer', 'seller', 'territories', 'media'],
  rumour: ['title', 'party'],
  mandate: ['title', 'company', 'territories'],
  selection: ['title', 'festival', 'year', 'section', 'premiere', 'slot'],
  withdrawal: ['title', 'festival', 'year', 'section', 'reason'],
  award: ['title', 'award', 'festival', 'year', 'person'],
  boxOffice: ['title', 'territory', 'amount', 'currency', 'periodStart', 'asOf'],
  release: ['title', 'territory', 'date', 'distributor'],
  credit: ['title', 'role', 'name', 'character'],
  titleCompany: ['title', 'role', 'company'],
  sourceMaterial: ['title', 'material'],
  productionStatus: ['title', 'status'],
};
const CHOICE_FIELD: Record<string, string> = {
  title: 'titleId',
  buyer: 'buyerId',
  seller: 'sellerId',
  company: 'companyId',
  name: 'personId',
  person: 'personId',
  festival: 'festivalId',
  distributor: 'distributorId',
};

const STYLE = `
.article-review { display: grid; grid-template-columns: minmax(0, 1.1fr) minmax(0, 1fr); gap: 16px; align-items: start; }
.article-text { white-space: pre-wrap; line-height: 1.6; font-size: 0.98rem; max-height: calc(100vh - 160px); overflow: auto; position: sticky; top: 64px; }
.article-text mark { background: #fff3c4; border-radius: 2px; cursor: pointer; padding: 1px 0; }
.article-text mark.is-accepted { background: var(--good-bg); }
.article-text mark.is-rejected { background: #eee; color: var(--muted); text-decoration: line-through; }
.article-text mark.is-current { outline: 2px solid var(--accent-2, #2f6fb3); background: #ffe48a; }
.fact-list { list-style: none; margin: 0; padding: 0; display: flex; flex-direction: column; gap: 8px; }
.fact-item { border: 1px solid var(--line); border-radius: 6px; padding: 8px 10px; background: #fff; }
.fact-item.is-current { border-color: var(--accent-2, #2f6fb3); box-shadow: 0 0 0 2px var(--accent-bg); }
.fact-item.is-accepted { background: #f6fbf8; }
.fact-item.is-rejected { opacity: 0.6; }
.fact-head { display: flex; gap: 8px; align-items: baseline; flex-wrap: wrap; }
.fact-summary { font-weight: 550; }
.fact-meta { display: flex; gap: 6px; flex-wrap: wrap; margin-top: 4px; font-size: 0.85rem; }
.fact-actions { display: flex; gap: 6px; margin-top: 6px; flex-wrap: wrap; }
.name-chip { border-radius: 10px; padding: 0 7px; font-size: 0.8rem; border: 1px solid var(--line); }
.name-chip--known { background: var(--good-bg); border-color: transparent; }
.name-chip--similar { background: var(--accent-bg); border-color: transparent; }
.name-chip--ambiguous { background: var(--warn-bg); border-color: transparent; }
.name-chip--new { background: #f1f1f1; }
.fact-edit { display: grid; grid-template-columns: repeat(2, minmax(0, 1fr)); gap: 8px; margin-top: 8px; }
.confidence { font-variant-numeric: tabular-nums; }
@media (max-width: 900px) { .article-review { grid-template-columns: 1fr; } .article-text { position: static; max-height: none; } }
`;

function NameChips({ fact }: { fact: Fact }) {
  const entries = Object.entries(fact.resolution);
  if (!entries.length) return null;
  return (
    <>
      {entries.map(([field, m]) => (
        <span
          key={field}
          className={`name-chip name-chip--${m.status}`}
          title={
            m.status === 'ambiguous'
              ? `Could be: ${m.candidates.map((c) => `${c.name}${c.detail ? ` (${c.detail})` : ''}`).join(', ')}`
              : undefined
          }
        >
          {m.name}:{' '}
          {m.status === 'known'
            ? 'in catalog'
            : m.status === 'similar'
              ? `≈ ${m.matched}`
              : m.status === 'ambiguous'
                ? `${m.candidates.length} matches`
                : 'new'}
        </span>
      ))}
    </>
  );
}

function FactCard({
  fact,
  current,
  onFocus,
  onDone,
  articleId,
}: {
  fact: Fact;
  current: boolean;
  onFocus: () => void;
  onDone: () => void;
  articleId: string;
}) {
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState<Fields>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [overrideReason, setOverrideReason] = useState('');
  const ambiguous = Object.entries(fact.resolution).filter(([, m]) => m.status === 'ambiguous');

  const accept = async (fields?: Fields, override?: string) => {
    setBusy(true);
    setError(null);
    try {
      await api.post(`/api/articles/${articleId}/facts/${fact.id}/accept`, {
        fields: fields && Object.keys(fields).length ? fields : undefined,
        override: override ? { reason: override } : undefined,
      });
      setEditing(false);
      onDone();
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, { error: 'client', message: String(e) }));
    } finally {
      setBusy(false);
    }
  };
  const reject = async () => {
    setBusy(true);
    setError(null);
    try {
      await api.post(`/api/articles/${articleId}/facts/${fact.id}/reject`);
      onDone();
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, { error: 'client', message: String(e) }));
    } finally {
      setBusy(false);
    }
  };
  const edited = (): Fields => {
    const out: Fields = {};
    for (const [k, v] of Object.entries(draft)) {
      if (k === 'year' || k === 'amountNumber') out[k] = v === '' ? null : Number(v);
      else out[k] = v === '' ? null : v;
    }
    return out;
  };
  const conflict = error?.status === 409;

  return (
    <li className={`fact-item is-${fact.status}${current ? ' is-current' : ''}`} onClick={onFocus} data-fact={fact.id}>
      <div className="fact-head">
        <span className="fact-summary">{summary(fact.type, fact.fields)}</span>
        <span className="muted small confidence" title="How sure the extractor is">
          {Math.round(fact.confidence * 100)}%
        </span>
        {fact.status !== 'pending' && <Badge value={fact.status === 'accepted' ? 'signed' : 'rejected'} label={fact.status} />}
      </div>
      <div className="fact-meta">
        <NameChips fact={fact} />
        {fact.known && fact.status === 'pending' && (
          <span className="name-chip name-chip--known">
            on record
            {fact.known.fromThisArticle
              ? ' from this article'
              : `, ${fact.known.sources} source${fact.known.sources === 1 ? '' : 's'}: this one will be added`}
          </span>
        )}
        {fact.written && (
          <span className="muted">
            {fact.written.existed ? 'already on record: source added' : `written to ${humanize(fact.written.table)}`}
          </span>
        )}
        {fact.type === 'deal' && fact.status === 'accepted' && fact.resolution.title?.id && (
          <Link to={`/market/${encodeURIComponent(fact.resolution.title.id)}`} onClick={(e) => e.stopPropagation()}>
            market picture
          </Link>
        )}
      </div>
      {fact.status === 'pending' && (
        <div className="fact-actions">
          <button
            type="button"
            className="btn btn--primary btn--small"
            disabled={busy || ambiguous.length > 0}
            onClick={(e) => {
              e.stopPropagation();
              void accept();
            }}
            title={ambiguous.length ? 'A name matches several records: edit to choose' : undefined}
          >
            Accept
          </button>
          <button
            type="button"
            className="btn btn--small"
            disabled={busy}
            onClick={(e) => {
              e.stopPropagation();
              setEditing((x) => !x);
              setDraft({});
            }}
          >
            {editing ? 'Cancel edit' : 'Edit'}
          </button>
          <button
            type="button"
            className="btn btn--small"
            disabled={busy}
            onClick={(e) => {
              e.stopPropagation();
              void reject();
            }}
          >
            Reject
          </button>
        </div>
      )}
      {editing && (
        <form
          className="fact-edit"
          onClick={(e) => e.stopPropagation()}
          onSubmit={(e) => {
            e.preventDefault();
            void accept(edited());
          }}
        >
          {(EDITABLE[fact.type] ?? []).map((k) => {
            const m = fact.resolution[k];
            const choice = CHOICE_FIELD[k];
            const value =
              k in draft ? String(draft[k] ?? '') : fact.fields[k] === null || fact.fields[k] === undefined ? '' : String(fact.fields[k]);
            return (
              <Field key={k} label={humanize(k)}>
                {(p) =>
                  m && m.status === 'ambiguous' && choice ? (
                    <select
                      {...p}
                      value={String(draft[choice] ?? '')}
                      onChange={(e) => setDraft((d) => ({ ...d, [choice]: e.target.value }))}
                      required
                    >
                      <option value="">{m.name}: choose…</option>
                      {m.candidates.map((c) => (
                        <option key={c.id} value={c.id}>
                          {c.name}
                          {c.detail ? ` (${c.detail})` : ''}
                        </option>
                      ))}
                      <option value="new">A new record</option>
                    </select>
                  ) : (
                    <input {...p} value={value} onChange={(e) => setDraft((d) => ({ ...d, [k]: e.target.value }))} />
                  )
                }
              </Field>
            );
          })}
          <div className="form-actions span-3">
            <button type="submit" className="btn btn--primary btn--small" disabled={busy}>
              Accept as edited
            </button>
          </div>
        </form>
      )}
      {error && (
        <div onClick={(e) => e.stopPropagation()}>
          <ErrorNote error={error} />
          {conflict && (
            <div className="input-with-button" style={{ marginTop: 6 }}>
              <input
                aria-label="Why save it anyway"
                placeholder="Why save it anyway?"
                value={overrideReason}
                onChange={(e) => setOverrideReason(e.target.value)}
              />
              <button
                type="button"
                className="btn btn--danger btn--small"
                disabled={!overrideReason.trim() || busy}
                onClick={() => void accept(edited(), overrideReason.trim())}
              >
                Save anyway
              </button>
            </div>
          )}
        </div>
      )}
    </li>
  );
}

/** The article with each fact's evidence highlighted (evidence is whole sentences: equal or disjoint). */
function HighlightedText({ article, current, onPick }: { article: Article; current: string | null; onPick: (factId: string) => void }) {
  const marks = useMemo(() => {
    const bySpan = new Map<string, { span: Span; facts: Fact[] }>();
    for (const f of article.facts) {
      for (const sp of [f.span, ...f.spans]) {
        const k = `${sp[0]}:${sp[1]}`;
        if (!bySpan.has(k)) bySpan.set(k, { span: sp, facts: [] });
        bySpan.get(k)!.facts.push(f);
      }
    }
    return [...bySpan.values()].sort((a, b) => a.span[0] - b.span[0]);
  }, [article]);
  const out: ReactNode[] = [];
  let at = 0;
  for (const m of marks) {
    if (m.span[0] < at) continue;
    if (m.span[0] > at) out.push(article.text.slice(at, m.span[0]));
    const status = m.facts.every((f) => f.status === 'rejected')
      ? 'rejected'
      : m.facts.every((f) => f.status !== 'pending')
        ? 'accepted'
        : 'pending';
    const isCurrent = m.facts.some((f) => f.id === current);
    out.push(
      <mark
        key={m.span[0]}
        className={`is-${status}${isCurrent ? ' is-current' : ''}`}
        data-span={`${m.span[0]}-${m.span[1]}`}
        title={m.facts.map((f) => `${TYPE_LABEL[f.type] ?? f.type}: ${summary(f.type, f.fields)}`).join('\n')}
        onClick={() => onPick(m.facts[0].id)}
      >
        {article.text.slice(m.span[0], m.span[1])}
      </mark>,
    );
    at = m.span[1];
  }
  if (at < article.text.length) out.push(article.text.slice(at));
  return (
    <div className="article-text panel panel-body" aria-label="Article text with evidence highlighted">
      {out}
    </div>
  );
}

function Review({ id }: { id: string }) {
  const { data, error, loading, reload } = useApi<Article>(`/api/articles/${id}`);
  const [current, setCurrent] = useState<string | null>(null);
  const [bulk, setBulk] = useState<{ busy: boolean; message?: string; error?: ApiError }>({ busy: false });
  const [filter, setFilter] = useState<'all' | 'pending'>('all');
  if (loading && !data) return <Loading what="Reading the article" />;
  if (error) return <ErrorNote error={error} retry={reload} />;
  if (!data) return null;
  const groups = TYPE_ORDER.map((t) => ({
    type: t,
    facts: data.facts.filter((f) => f.type === t && (filter === 'all' || f.status === 'pending')),
  })).filter((g) => g.facts.length);
  const acceptAll = async () => {
    setBulk({ busy: true });
    try {
      const r = await api.post<{ accepted: number; failed: Array<{ type: string; message: string }> }>(
        `/api/articles/${id}/accept-all`,
        {},
      );
      setBulk({
        busy: false,
        message: `${r.accepted} accepted.${r.failed.length ? ` ${r.failed.length} need you: ${r.failed.map((f) => `${TYPE_LABEL[f.type] ?? f.type} (${f.message})`).join('; ')}` : ''}`,
      });
      reload();
    } catch (e) {
      setBulk({ busy: false, error: e instanceof ApiError ? e : new ApiError(0, { error: 'client', message: String(e) }) });
    }
  };
  const pick = (factId: string) => {
    setCurrent(factId);
    document.querySelector(`[data-fact="${factId}"]`)?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  };
  const focus = (f: Fact) => {
    setCurrent(f.id);
    document.querySelector(`[data-span="${f.span[0]}-${f.span[1]}"]`)?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  };
  return (
    <div className="page page--wide">
      <div className="crumbs">
        <Link to="/articles">Articles</Link>
      </div>
      <div className="page-head">
        <h1>{data.title ?? 'Article'}</h1>
        <p className="page-sub muted">
          {[data.outlet, formatDate(data.publishedOn)].filter(Boolean).join(', ')}
          {data.url && (
            <>
              {' · '}
              <a href={data.url} target="_blank" rel="noreferrer noopener">
                original
              </a>
            </>
          )}
          {' · '}
          {data.counts.pending} to review, {data.counts.accepted} accepted, {data.counts.rejected} rejected
        </p>
        <div className="page-actions">
          <select aria-label="Show" value={filter} onChange={(e) => setFilter(e.target.value as 'all' | 'pending')}>
            <option value="all">All facts</option>
            <option value="pending">To review</option>
          </select>
          <button
            type="button"
            className="btn btn--primary"
            disabled={bulk.busy || data.counts.pending === 0}
            onClick={() => void acceptAll()}
          >
            {bulk.busy ? 'Accepting…' : 'Accept all'}
          </button>
        </div>
      </div>
      {bulk.message && (
        <p role="status" className="muted">
          {bulk.message}
        </p>
      )}
      <ErrorNote error={bulk.error} />
      <div className="article-review">
        <HighlightedText article={data} current={current} onPick={pick} />
        <div>
          {groups.length === 0 && <Empty title={filter === 'pending' ? 'Nothing left to review' : 'No facts found in this article'} />}
          {groups.map((g) => (
            <Section key={g.type} title={`${TYPE_LABEL[g.type] ?? g.type} (${g.facts.length})`}>
              <ul className="fact-list">
                {g.facts.map((f) => (
                  <FactCard key={f.id} fact={f} articleId={id} current={current === f.id} onFocus={() => focus(f)} onDone={reload} />
                ))}
              </ul>
            </Section>
          ))}
        </div>
      </div>
    </div>
  );
}

function readFile(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(String(r.result));
    r.onerror = () => reject(r.error ?? new Error(`cannot read ${file.name}`));
    r.readAsText(file);
  });
}

function NewArticle() {
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
          <Field label="Or its address (URL)">
            {(p) => (
              <input {...p} type="url" value={url} onChange={(e) => setUrl(e.target.value)} placeholder="https://…" disabled={!!file} />
            )}
          </Field>
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
          <Field label="Outlet">
            {(p) => <input {...p} value={outlet} onChange={(e) => setOutlet(e.target.value)} placeholder="Variety" />}
          </Field>
          <Field label="Published on" hint="Relative dates (“last November”) are read against it.">
            {(p) => <input {...p} type="date" value={date} onChange={(e) => setDate(e.target.value)} />}
          </Field>
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

function ArticleIndex() {
  const [page, setPage] = useState(1);
  const { data, error, reload } = useApi<ArticleList>(withQuery('/api/articles', { page, pageSize: 25 }));
  return (
    <div className="page">
      <div className="page-head">
        <h1>Articles</h1>
        <p className="page-sub muted">Trade-press articles, read into facts for you to review.</p>
      </div>
      <NewArticle />
      <Section title="Read so far">
        <ErrorNote error={error} retry={reload} />
        {!data && !error && <Loading />}
        {data && data.total === 0 && <Empty title="No article yet">Paste one above.</Empty>}
        {data && data.total > 0 && (
          <>
            <div className="table-wrap">
              <table className="data">
                <ColumnHeads columns={['Article', 'Outlet', 'Published', 'To review', 'Accepted']} />
                <tbody>
                  {data.items.map((a) => (
                    <tr key={a.id}>
                      <td>
                        <Link to={`/articles/${a.id}`}>{a.title ?? '(untitled)'}</Link>
                      </td>
                      <td>{a.outlet ?? '—'}</td>
                      <td className="nowrap">{formatDate(a.publishedOn)}</td>
                      <td>{a.counts.pending}</td>
                      <td>{a.counts.accepted}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <Pager page={data.page} pageSize={data.pageSize} total={data.total} onPage={setPage} />
          </>
        )}
      </Section>
    </div>
  );
}

export default function Articles({ params }: { params: Record<string, string> }) {
  return (
    <>
      <style>{STYLE}</style>
      {params.id ? <Review id={params.id} /> : <ArticleIndex />}
    </>
  );
}
