/** The review of one article: its text with each fact's evidence highlighted, and the facts by kind. */
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { ApiError, api } from '../../lib/api';
import { useApi } from '../../lib/hooks';
import { Link, useQueryState } from '../../lib/router';
import { formatDate } from '../../lib/format';
import { Empty, ErrorNote, Loading, Section } from '../../components/ui';
import { FactCard } from './FactCard';
import { UnreadSentences } from './Unread';
import { summary, TYPE_LABEL, TYPE_ORDER, type Article, type Fact, type Span } from './facts';
import type { AcceptAllResult } from '../../../../src/contract/index.js';

/** The article with each fact's evidence highlighted (evidence is whole sentences: equal or disjoint). */
function HighlightedText({
  article,
  current,
  onPick,
  onPickUnread,
}: {
  article: Article;
  current: string | null;
  onPick: (factId: string) => void;
  onPickUnread: (start: number) => void;
}) {
  const marks = useMemo(() => {
    const bySpan = new Map<string, { span: Span; facts: Fact[] }>();
    // a sentence no deal was read from, where one may be: marked apart, a click opens its form
    // (one a person checked, nothing to add, is no longer marked)
    for (const { span: sp } of (article.unread ?? []).filter((u) => !u.checked)) bySpan.set(`${sp[0]}:${sp[1]}`, { span: sp, facts: [] });
    for (const f of article.facts) {
      for (const sp of [f.span, ...f.spans]) {
        const k = `${sp[0]}:${sp[1]}`;
        if (!bySpan.has(k)) bySpan.set(k, { span: sp, facts: [] });
        bySpan.get(k)!.facts.push(f);
      }
    }
    return [...bySpan.values()].sort((a, b) => a.span[0] - b.span[0]);
  }, [article]);
  const unreadAt = useMemo(() => new Set((article.unread ?? []).filter((u) => !u.checked).map((u) => u.span[0])), [article]);
  const out: ReactNode[] = [];
  let at = 0;
  for (const m of marks) {
    if (m.span[0] < at) continue;
    if (m.span[0] > at) out.push(article.text.slice(at, m.span[0]));
    const unread = unreadAt.has(m.span[0]);
    if (!m.facts.length) {
      out.push(
        <mark
          key={m.span[0]}
          className="is-unread is-unread-only"
          data-span={`${m.span[0]}-${m.span[1]}`}
          title="No deal was read from this sentence: click to add what it says"
          onClick={() => onPickUnread(m.span[0])}
        >
          {article.text.slice(m.span[0], m.span[1])}
        </mark>,
      );
      at = m.span[1];
      continue;
    }
    const status = m.facts.every((f) => f.status === 'rejected')
      ? 'rejected'
      : m.facts.every((f) => f.status !== 'pending')
        ? 'accepted'
        : 'pending';
    const isCurrent = m.facts.some((f) => f.id === current);
    out.push(
      <mark
        key={m.span[0]}
        className={`is-${status}${isCurrent ? ' is-current' : ''}${unread ? ' is-unread' : ''}`}
        data-span={`${m.span[0]}-${m.span[1]}`}
        title={[
          ...m.facts.map((f) => `${TYPE_LABEL[f.type] ?? f.type}: ${summary(f.type, f.fields)}`),
          ...(unread ? ['No deal was read from this sentence: click to add what it says'] : []),
        ].join('\n')}
        onClick={() => {
          onPick(m.facts[0].id);
          if (unread) onPickUnread(m.span[0]);
        }}
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

export function Review({ id }: { id: string }) {
  const { data, error, loading, reload } = useApi<Article>(`/api/articles/${id}`);
  const [current, setCurrent] = useState<string | null>(null);
  const [bulk, setBulk] = useState<{ busy: boolean; message?: string; report?: AcceptAllResult; error?: ApiError }>({ busy: false });
  const [filter, setFilter] = useState<'all' | 'pending'>('all');
  const [openUnread, setOpenUnread] = useState<number | null>(null);
  // ?fact=ID (a deal page's "Review it in the article"): that fact is the current one, in view
  const [query] = useQueryState();
  const wanted = query.get('fact');
  const found = !!wanted && !!data?.facts.some((f) => f.id === wanted);
  useEffect(() => {
    if (!found || !wanted) return;
    setCurrent(wanted);
    requestAnimationFrame(() => document.querySelector(`[data-fact="${wanted}"]`)?.scrollIntoView({ block: 'center' }));
  }, [found, wanted]);
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
      const r = await api.post<AcceptAllResult>(`/api/articles/${id}/accept-all`, {});
      setBulk({
        busy: false,
        message: `Wrote ${r.written.length} ${r.written.length === 1 ? 'fact' : 'facts'}; could not write ${r.failed.length}.`,
        report: r,
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
  const pickUnread = (start: number) => {
    setOpenUnread(start);
    requestAnimationFrame(() =>
      document.querySelector(`[data-unread="${start}"]`)?.scrollIntoView({ block: 'nearest', behavior: 'smooth' }),
    );
  };
  const added = (f: Fact) => {
    setOpenUnread(null);
    setCurrent(f.id);
    reload();
    // the new fact's card, once the article is read again
    setTimeout(() => document.querySelector(`[data-fact="${f.id}"]`)?.scrollIntoView({ block: 'center' }), 300);
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
        <div role="status" className="accept-report">
          <p className="muted">{bulk.message}</p>
          {bulk.report && bulk.report.written.length > 0 && (
            <details>
              <summary>Written ({bulk.report.written.length})</summary>
              <ul>
                {bulk.report.written.map((w) => (
                  <li key={w.factId}>
                    {TYPE_LABEL[w.type] ?? w.type}: {w.label}
                    {w.existed ? ' (already on record: source added)' : ''}
                  </li>
                ))}
              </ul>
            </details>
          )}
          {bulk.report && bulk.report.failed.length > 0 && (
            <>
              <p>Not written: these need you</p>
              <ul>
                {bulk.report.failed.map((f) => (
                  <li key={f.factId}>
                    <a
                      href={`#fact-${f.factId}`}
                      onClick={(e) => {
                        e.preventDefault();
                        pick(f.factId);
                      }}
                    >
                      {TYPE_LABEL[f.type] ?? f.type}: {f.label}
                    </a>{' '}
                    — {f.message}
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
      <ErrorNote error={bulk.error} />
      <div className="article-review">
        <HighlightedText article={data} current={current} onPick={pick} onPickUnread={pickUnread} />
        <div>
          <UnreadSentences
            articleId={id}
            text={data.text}
            unread={data.unread ?? []}
            titles={[...new Set(data.facts.map((f) => f.fields.title).filter((t): t is string => typeof t === 'string'))]}
            open={openUnread}
            onOpen={setOpenUnread}
            onAdded={added}
            onChecked={reload}
          />
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
