/**
 * Articles: paste a trade-press article (or give its URL, or upload a .txt or
 * .html file), then review what it says. The text is shown with the evidence
 * of each candidate fact highlighted; each fact can be accepted as it is,
 * edited then accepted, or rejected. Accepted facts are written into the
 * catalog and contracts with the article as their source; a deal that
 * collides with rights on record says so and can be saved with a reason.
 */
import { useState } from 'react';
import { withQuery } from '../lib/api';
import { useApi } from '../lib/hooks';
import { Link } from '../lib/router';
import { formatDate } from '../lib/format';
import { ColumnHeads, Empty, ErrorNote, Loading, Pager, Section } from '../components/ui';
import { NewArticle } from './articles/NewArticle';
import { Review } from './articles/Review';
import type { ArticleList } from './articles/facts';

const STYLE = `
.article-review { display: grid; grid-template-columns: minmax(0, 1.1fr) minmax(0, 1fr); gap: 16px; align-items: start; }
.article-text { white-space: pre-wrap; line-height: 1.6; font-size: 0.98rem; max-height: calc(100vh - 160px); overflow: auto; position: sticky; top: 64px; }
.article-text mark { background: #fff3c4; border-radius: 2px; cursor: pointer; padding: 1px 0; }
.article-text mark.is-accepted { background: var(--good-bg); }
.article-text mark.is-rejected { background: #eee; color: var(--muted); text-decoration: line-through; }
.article-text mark.is-unread { border-bottom: 2px dashed #c98a00; }
.article-text mark.is-unread-only { background: transparent; }
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
.name-chip--unsure { background: var(--warn-bg); border-color: transparent; margin-left: 6px; }
.fact-edit { display: grid; grid-template-columns: repeat(2, minmax(0, 1fr)); gap: 8px; margin-top: 8px; }
.confidence { font-variant-numeric: tabular-nums; }
.unread { margin-bottom: 12px; }
.unread-item { border: 1px dashed #c98a00; border-radius: 6px; padding: 8px 10px; background: #fffdf6; }
.unread-item.is-current { border-style: solid; box-shadow: 0 0 0 2px #f5e2b0; }
.unread-quote { margin: 0; font-size: 0.9rem; line-height: 1.5; border-left: 3px solid #c98a00; padding-left: 8px; }
.unread-item.is-checked { border: 1px solid var(--border, #ddd); background: transparent; }
.unread-item.is-checked .unread-quote { border-left-color: #bbb; color: #555; }
.unread-checked { margin-top: 10px; }
.unread-checked summary { cursor: pointer; font-size: 0.9rem; }
.unread-undo { margin: 6px 0; }
.articles-phone-line { display: none; }
@media (max-width: 600px) {
  .articles-table th:not(:first-child), .articles-table td:not(:first-child) { display: none; }
  .articles-phone-line { display: block; margin-top: 4px; }
}
@media (max-width: 600px) { .fact-edit { grid-template-columns: 1fr; } }
@media (max-width: 900px) { .article-review { grid-template-columns: 1fr; } .article-text { position: static; max-height: none; } }
`;

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
              <table className="data articles-table">
                <ColumnHeads columns={['Article', 'Outlet', 'Published', 'To review', 'Sentences to read', 'Accepted']} />
                <tbody>
                  {data.items.map((a) => (
                    <tr key={a.id}>
                      <td>
                        <Link to={`/articles/${a.id}`}>{a.title ?? '(untitled)'}</Link>
                        {/* on a phone the other columns give way to one line under the headline */}
                        <span className="articles-phone-line muted small">
                          {[a.outlet, formatDate(a.publishedOn)].filter(Boolean).join(', ')} · {a.counts.pending} to review · {a.toRead} to
                          read · {a.counts.accepted} accepted
                        </span>
                      </td>
                      <td>{a.outlet ?? '—'}</td>
                      <td className="nowrap">{formatDate(a.publishedOn)}</td>
                      <td>{a.counts.pending}</td>
                      <td title="Sentences that speak of a sale the reader did not read, not yet checked">{a.toRead}</td>
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
