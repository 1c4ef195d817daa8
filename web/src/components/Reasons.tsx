/**
 * Why an answer is no, as a sales agent reads it: which deal (linked to its
 * page), with whom, and until when: "sold to WB-NEON-NA (Neon), until Sep 17,
 * 2036" or "…, in perpetuity". A deal read from a source nobody has reviewed
 * yet carries the review mark, as in the deals list.
 * Falls back to the server's sentence when it names no deal.
 */
import { Fragment } from 'react';
import { formatDate } from '../lib/format';
import { Link } from '../lib/router';
import type { Reason, ReasonDeal } from '../../../src/contract/index.js';
import { ReviewMark, reviewLabel } from './ReviewMark';

/** "until Mar 31, 2031", "in perpetuity", or nothing when the end is not known. */
export function dealEnd(d: ReasonDeal, ended = false): string {
  if (d.end === undefined) return '';
  if (d.end === null) return 'in perpetuity';
  return `${ended ? 'ended' : 'until'} ${formatDate(d.end)}`;
}

/** What the reason says before its deals, by reason code. */
const LEAD: Record<string, { text: string; party: 'licensor' | 'licensee'; after?: string; ended?: boolean }> = {
  'rights-out-exist': { text: 'sold to', party: 'licensee' },
  'on-hold': { text: 'on hold for', party: 'licensee', after: ' (in negotiation)' },
  holdback: { text: 'holdback in', party: 'licensee' },
  'not-yet-started': { text: 'our rights start later:', party: 'licensor' },
  expired: { text: 'our rights have expired:', party: 'licensor', ended: true },
  'rights-in-non-exclusive': { text: 'our rights are non-exclusive:', party: 'licensor' },
};

export function DealRef({ deal, party, ended }: { deal: ReasonDeal; party: 'licensor' | 'licensee'; ended?: boolean }) {
  const who = deal[party];
  const end = dealEnd(deal, ended);
  return (
    <span className="deal-ref">
      {deal.id ? (
        <Link to={`/deals/${encodeURIComponent(deal.id)}`} className="contract-ref" title={`Open the deal ${deal.ref}`}>
          {deal.ref}
        </Link>
      ) : (
        <span className="contract-ref">{deal.ref}</span>
      )}
      {who && <> ({who})</>}
      {end && (
        <>
          {', '}
          <span className="deal-end">
            {deal.end ? (
              <>
                {ended ? 'ended' : 'until'} <time dateTime={deal.end}>{formatDate(deal.end)}</time>
              </>
            ) : (
              end
            )}
          </span>
        </>
      )}
      {deal.notReviewed && (
        <>
          {' '}
          <ReviewMark reviewed={false} />
        </>
      )}
    </span>
  );
}

export function ReasonText({ reason }: { reason: Reason }) {
  const lead = LEAD[reason.code];
  if (!lead || !reason.deals?.length) return <>{reason.message}</>;
  return (
    <>
      {lead.text}{' '}
      {reason.deals.map((d, i) => (
        <Fragment key={d.ref}>
          {i > 0 && '; '}
          <DealRef deal={d} party={lead.party} ended={lead.ended} />
        </Fragment>
      ))}
      {lead.after}
    </>
  );
}

/** A row's reasons, one per line; a dash when there is none. */
export function Reasons({ reasons }: { reasons: Reason[] }) {
  if (!reasons.length) return <>—</>;
  if (reasons.length === 1) return <ReasonText reason={reasons[0]} />;
  return (
    <ul className="reasons">
      {reasons.map((r, i) => (
        <li key={i}>
          <ReasonText reason={r} />
        </li>
      ))}
    </ul>
  );
}

/** The reasons as one plain sentence (tooltips, CSV), with the deals' ends. */
export function reasonsText(reasons: Reason[]): string {
  return reasons
    .map((r) => {
      const lead = LEAD[r.code];
      if (!lead || !r.deals?.length) return r.message;
      return `${lead.text} ${r.deals.map((d) => `${d.ref}${d[lead.party] ? ` (${d[lead.party]})` : ''}${dealEnd(d, lead.ended) ? `, ${dealEnd(d, lead.ended)}` : ''}${d.notReviewed ? ` [${reviewLabel(false)}]` : ''}`).join('; ')}${lead.after ?? ''}`;
    })
    .join('; ');
}
