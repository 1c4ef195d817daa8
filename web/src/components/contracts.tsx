/** How a contract reads in a list: reference, titles, who to whom, rights, status. */
import { formatDate, humanize } from '../lib/format';
import { Link } from '../lib/router';
import type { CompanyView, Contract, PersonView, Ref } from '../../../src/contract/index.js';
import { Badge, ColumnHeads, DirectionBadge } from './ui';
import { ReviewMark } from './ReviewMark';

/** "Wild Bunch → Neon"; a party the record does not name reads "not reported" (press deals often name one side). */
export function parties(c: { licensor: Ref | string | null; licensee: Ref | string | null }): string {
  return `${refName(c.licensor) || 'not reported'} → ${refName(c.licensee) || 'not reported'}`;
}

/** Titles as links when the summary gives ids, as text when it gives names only. */
export function TitleLinks({ titles }: { titles: Array<Ref | string> | undefined }) {
  return (
    <>
      {(titles ?? []).map((t, i) => (
        <span key={typeof t === 'string' ? t : t.id}>
          {i > 0 && ', '}
          {typeof t === 'string' ? t : <Link to={`/titles/${encodeURIComponent(t.id)}`}>{t.name}</Link>}
        </span>
      ))}
    </>
  );
}

/** The signature date, or the announcement when only that is known. */
export function SignedCell({ c }: { c: Pick<Contract, 'signedOn' | 'announcedOn'> }) {
  if (c.signedOn) return <>{formatDate(c.signedOn)}</>;
  if (c.announcedOn)
    return (
      <span title="Announced (signature date not known)">
        {formatDate(c.announcedOn)} <span className="muted small">ann.</span>
      </span>
    );
  return <span className="muted">—</span>;
}

export function refName(r: Ref | string | null | undefined): string {
  if (!r) return '';
  return typeof r === 'string' ? r : r.name;
}

/** A list's contract (`notReviewed`) or a whole one (its `sources`): read from a source nobody has reviewed yet? */
type Reviewable = { notReviewed?: boolean; sources?: Array<{ reviewed: boolean }> };

/**
 * A contract's reference (or the `label` given in its place), a link to the deal; marked when it
 * was read from a source nobody has reviewed yet.
 */
export function ContractRef({ c, label }: { c: Pick<Contract, 'id' | 'ref'> & Reviewable; label?: string }) {
  const waiting = c.notReviewed ?? c.sources?.some((s) => !s.reviewed) ?? false;
  return (
    <>
      {/* a reference reads as one (mono, not wrapped); a label in words wraps as text */}
      <Link to={`/deals/${encodeURIComponent(c.id)}`} className={label === undefined ? 'contract-ref' : undefined}>
        {label ?? c.ref}
      </Link>
      {waiting && (
        <>
          {' '}
          <ReviewMark reviewed={false} />
        </>
      )}
    </>
  );
}

export function rightsLine(c: Partial<Contract>): string {
  if (c.territoryLabel || c.mediaLabel) return [c.territoryLabel, c.mediaLabel].filter(Boolean).join(' · ');
  const b = c.blocks ?? [];
  if (!b.length) return '';
  const first = b[0];
  const s = `${first.territoryLabel ?? first.territories} · ${first.mediaLabel ?? first.media}`;
  // a press deal whose term was not reported: said, so that nobody reads it as perpetual
  const unknown = b.some((x) => x.termReported === false && !x.end) ? ' · term not reported' : '';
  return (b.length > 1 ? `${s} (+${b.length - 1} more)` : s) + unknown;
}

/**
 * A contract row's first two cells: its reference (a link to the deal) and its kind (rights in, out,
 * market intelligence), labelled for a table whose rows stack on a phone (`data--stack`).
 */
export function ContractCells({ c }: { c: Pick<Contract, 'id' | 'ref' | 'direction'> & Reviewable }) {
  return (
    <>
      <td data-label="Contract">
        {/* one piece, so that a stacked row keeps the review mark after the reference */}
        <span className="stack-value">
          <ContractRef c={c} />
        </span>
      </td>
      <td data-label="Kind">
        <DirectionBadge direction={c.direction} />
      </td>
    </>
  );
}

/** A table of contracts: used on title, company and person pages and the deals list. */
export function ContractTable({ contracts, showTitles = true, empty }: { contracts: Contract[]; showTitles?: boolean; empty?: string }) {
  if (!contracts.length) return <p className="muted">{empty ?? 'No contracts.'}</p>;
  const showRights = contracts.some((c) => rightsLine(c));
  return (
    <div className="table-wrap">
      <table className="data data--deals">
        <ColumnHeads
          columns={['Contract', 'Kind', showTitles && 'Titles', 'Licensor → licensee', showRights && 'Rights', 'Signed', 'Status']}
        />
        <tbody>
          {contracts.map((c) => (
            <tr key={c.id}>
              <ContractCells c={c} />
              {showTitles && (
                <td>
                  <TitleLinks titles={c.titles as Array<Ref | string>} />
                </td>
              )}
              <td>{parties(c)}</td>
              {showRights && <td className="cell-wrap">{rightsLine(c)}</td>}
              <td className="num">
                <SignedCell c={c} />
              </td>
              <td>
                <Badge value={c.status} />
                {c.overrideReason && (
                  <span className="badge badge--bad" title={`Saved over a conflict: ${c.overrideReason}`}>
                    override
                  </span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** A deal as a person's page (the contract nested, their side, the company they negotiated for) or a company's page (flat, its role, the counterparty) lists it. */
export type DealRow = PersonView['deals'][number] | CompanyView['contracts'][number];

/**
 * Deals as a company or person page lists them: the contract (nested or
 * flat), the role or side, the other party, the titles, the status.
 */
export function DealList({ deals, empty, withLabel = 'With' }: { deals: readonly DealRow[]; empty: string; withLabel?: string }) {
  if (!deals.length) return <p className="muted">{empty}</p>;
  return (
    <div className="table-wrap">
      <table className="data data--deals">
        <ColumnHeads columns={['Contract', 'Kind', 'Side', withLabel, 'Titles', 'Status']} />
        <tbody>
          {deals.map((row, i) => {
            const c = 'contract' in row ? row.contract : row;
            const other: Ref | null = 'counterparty' in row ? row.counterparty : row.company;
            const titles = row.titles;
            const side = 'role' in row ? row.role : row.side;
            return (
              <tr key={c.id || i}>
                <td>
                  <ContractRef c={{ id: c.id, ref: c.ref, notReviewed: c.notReviewed }} />
                </td>
                <td>{c.direction ? <DirectionBadge direction={c.direction} /> : '—'}</td>
                <td>{humanize(side) || '—'}</td>
                <td>
                  {other ? <Link to={`/companies/${encodeURIComponent(other.id)}`}>{other.name}</Link> : <span className="muted">—</span>}
                </td>
                <td>
                  {titles.map((t, k) => (
                    <span key={t.id}>
                      {k > 0 && ', '}
                      <Link to={`/titles/${encodeURIComponent(t.id)}`}>{t.name}</Link>
                    </span>
                  ))}
                </td>
                <td>
                  <Badge value={c.status} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
