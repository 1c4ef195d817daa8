/**
 * Where a deal came from: each source (the article, the sentence quoted, when it was read), whether
 * a person reviewed it, and where to review it (the article's deal fact in the review queue).
 */
import type { Contract, DealSource } from '../../../../src/contract/index.js';
import { Link } from '../../lib/router';
import { formatDate, formatTimestamp } from '../../lib/format';
import { Section } from '../../components/ui';
import { ReviewMark } from '../../components/ReviewMark';

/** Where to review a source: its deal fact in the article (the review queue), else the article. */
export function reviewHref(s: DealSource): string | null {
  if (!s.article) return null;
  const at = `/articles/${encodeURIComponent(s.article.id)}`;
  return s.article.factId ? `${at}?fact=${encodeURIComponent(s.article.factId)}` : at;
}

/** The line at the head of the deal page: read from the press and waiting for review, or accepted from it. */
export function DealOrigin({ contract }: { contract: Contract }) {
  const sources = contract.sources ?? [];
  if (!sources.length) return null;
  const waiting = sources.filter((s) => !s.reviewed);
  if (waiting.length) {
    const first = waiting[0];
    const href = reviewHref(first);
    return (
      <div className="notice notice--warn deal-origin" role="note">
        <ReviewMark reviewed={false} kind={first.source.kind} /> This deal was read from{' '}
        {first.source.outlet ?? first.source.title ?? 'a source'}
        {first.source.publishedOn ? ` (${formatDate(first.source.publishedOn)})` : ''} and nobody has checked it against the article yet.{' '}
        {href ? <Link to={href}>Review it in the article</Link> : <a href="#deal-sources">See its source</a>}
      </div>
    );
  }
  const accepted = sources.find((s) => s.source.kind === 'article');
  if (!accepted) return null;
  return (
    <p className="muted page-sub deal-origin">
      Accepted from the press: {accepted.source.outlet ?? accepted.source.title ?? 'an article'}
      {accepted.source.publishedOn ? `, ${formatDate(accepted.source.publishedOn)}` : ''}
      {accepted.reviewedBy ? `, reviewed by ${accepted.reviewedBy}` : ''}. <a href="#deal-sources">Its source</a>
    </p>
  );
}

export function DealSources({ contract }: { contract: Contract }) {
  const sources = contract.sources ?? [];
  return (
    <Section title="Where this deal came from" id="deal-sources">
      {sources.length === 0 ? (
        <p className="muted">No source recorded: this deal was entered by hand.</p>
      ) : (
        <ul className="sources deal-sources">
          {sources.map((s) => {
            const href = reviewHref(s);
            return (
              <li key={s.id}>
                <div>
                  <strong>{s.source.outlet ?? 'Source'}</strong>
                  {s.source.publishedOn && <span className="muted">, {formatDate(s.source.publishedOn)}</span>}{' '}
                  <ReviewMark reviewed={s.reviewed} kind={s.source.kind} />
                </div>
                {s.source.title && (
                  <div className="source-title">
                    {s.source.url ? (
                      <a href={s.source.url} rel="noreferrer noopener" target="_blank">
                        {s.source.title}
                      </a>
                    ) : (
                      s.source.title
                    )}
                  </div>
                )}
                {s.quote && (
                  <blockquote className="source-quote">
                    <q>{s.quote}</q>
                  </blockquote>
                )}
                <div className="muted small">
                  Read {formatTimestamp(s.readAt)}
                  {s.reviewed && (s.reviewedBy ? ` · reviewed by ${s.reviewedBy}` : ' · reviewed')}
                  {s.reviewed && s.accepted && s.article ? ' · accepted from this article' : ''}
                  {href && (
                    <>
                      {' · '}
                      <Link to={href}>{s.reviewed ? 'Open the article' : 'Review it in the article'}</Link>
                    </>
                  )}
                </div>
                {!s.reviewed && !s.article && (
                  <div className="muted small">
                    Imported with its text but not read as an article: paste the article in Articles to review its facts.
                  </div>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </Section>
  );
}
