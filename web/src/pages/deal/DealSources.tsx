/**
 * Where a deal came from: each source (the article, the sentence quoted, when it was read), whether
 * a person reviewed it, and where to review it: the article's deal fact in the review queue, or,
 * for a source with no deal fact waiting in an article (an import's, the demo's), right here with
 * "Mark reviewed" (and an Undo).
 */
import { useState } from 'react';
import type { Contract, DealSource } from '../../../../src/contract/index.js';
import { api } from '../../lib/api';
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

/** A source waiting for review with no deal fact waiting in an article: it is reviewed on the deal page. */
export function reviewedHere(s: DealSource): boolean {
  return !s.reviewed && s.article?.factStatus !== 'pending';
}

/** The line at the head of the deal page: read from the press and waiting for review, or accepted from it. */
export function DealOrigin({ contract }: { contract: Contract }) {
  const sources = contract.sources ?? [];
  if (!sources.length) return null;
  const waiting = sources.filter((s) => !s.reviewed);
  if (waiting.length) {
    // a source whose deal fact waits in its article first: that is where the review writes the deal
    const first = waiting.find((s) => !reviewedHere(s)) ?? waiting[0];
    // the article is where to review it only while its deal fact waits there; else the source is reviewed below
    const href = reviewedHere(first) ? null : reviewHref(first);
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

/** POSTs a source's review ({reviewed}) and answers the source as the deal page lists it. */
function review(contract: Contract, s: DealSource, reviewed: boolean): Promise<DealSource> {
  return api.post<DealSource>(`/api/contracts/${encodeURIComponent(contract.id)}/sources/${encodeURIComponent(s.id)}/review`, { reviewed });
}

export function DealSources({
  contract,
  writable = false,
  onChanged,
}: {
  contract: Contract;
  /** May mark a source reviewed (an editor or an admin). */
  writable?: boolean;
  /** A source's review changed: the source as the server now lists it. */
  onChanged?: (source: DealSource) => void;
}) {
  const sources = contract.sources ?? [];
  const [busy, setBusy] = useState<string>();
  const [error, setError] = useState<{ id: string; message: string }>();
  /** The source just marked reviewed here, until undone or another is marked. */
  const [undo, setUndo] = useState<DealSource>();
  const change = async (s: DealSource, reviewed: boolean) => {
    setBusy(s.id);
    setError(undefined);
    try {
      const after = await review(contract, s, reviewed);
      setUndo(reviewed ? after : undefined);
      onChanged?.(after);
    } catch (e) {
      setError({ id: s.id, message: (e as Error).message });
    } finally {
      setBusy(undefined);
    }
  };
  return (
    <Section title="Where this deal came from" id="deal-sources">
      {undo && (
        <div className="notice notice--good undo-note" role="status">
          <span>Marked reviewed: {undo.source.outlet ?? undo.source.title ?? 'the source'}.</span>
          <button type="button" className="btn btn--small" disabled={busy === undo.id} onClick={() => void change(undo, false)}>
            Undo
          </button>
        </div>
      )}
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
                      <Link to={href}>{reviewedHere(s) || s.reviewed ? 'Open the article' : 'Review it in the article'}</Link>
                    </>
                  )}
                </div>
                {reviewedHere(s) && (
                  <div className="review-here">
                    <span className="muted small">
                      {s.article
                        ? 'Its article has no deal fact waiting for this deal: check the deal against the sentence above.'
                        : 'Imported with its text but not read as an article: check the deal against the sentence above, or paste the article in Articles to review its facts.'}
                    </span>
                    {writable && (
                      <button
                        type="button"
                        className="btn btn--small"
                        disabled={busy === s.id}
                        onClick={() => void change(s, true)}
                        aria-label={`Mark reviewed: ${s.source.outlet ?? s.source.title ?? 'this source'}`}
                      >
                        {busy === s.id ? 'Marking…' : 'Mark reviewed'}
                      </button>
                    )}
                  </div>
                )}
                {error?.id === s.id && (
                  <div className="field-error" role="alert">
                    {error.message}
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
