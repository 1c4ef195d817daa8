/** How a contract reads in a list: reference, titles, who to whom, rights, status. */
import { formatDate } from '../lib/format';
import { Link } from '../lib/router';
import type { Contract, Ref } from '../lib/types';
import { Badge, DirectionBadge } from './ui';

export function parties(c: Pick<Contract, 'licensor' | 'licensee'>): string {
  return `${c.licensor?.name ?? 'unknown'} → ${c.licensee?.name ?? 'unknown'}`;
}

export function refName(r: Ref | string | null | undefined): string {
  if (!r) return '';
  return typeof r === 'string' ? r : r.name;
}

export function ContractRef({ c }: { c: Pick<Contract, 'id' | 'ref'> }) {
  return (
    <Link to={`/deals/${encodeURIComponent(c.id)}`} className="contract-ref">
      {c.ref}
    </Link>
  );
}

export function rightsLine(c: Partial<Contract>): string {
  if (c.territoryLabel || c.mediaLabel) return [c.territoryLabel, c.mediaLabel].filter(Boolean).join(' · ');
  const b = c.blocks ?? [];
  if (!b.length) return '';
  const first = b[0];
  const s = `${first.territoryLabel ?? first.territories} · ${first.mediaLabel ?? first.media}`;
  return b.length > 1 ? `${s} (+${b.length - 1} more)` : s;
}

/** A table of contracts: used on title, company and person pages and the deals list. */
export function ContractTable({ contracts, showTitles = true, empty }: { contracts: Contract[]; showTitles?: boolean; empty?: string }) {
  if (!contracts.length) return <p className="muted">{empty ?? 'No contracts.'}</p>;
  return (
    <div className="table-wrap">
      <table className="data">
        <thead>
          <tr>
            <th scope="col">Contract</th>
            <th scope="col">Kind</th>
            {showTitles && <th scope="col">Titles</th>}
            <th scope="col">Licensor → licensee</th>
            <th scope="col">Rights</th>
            <th scope="col">Signed</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {contracts.map((c) => (
            <tr key={c.id}>
              <td>
                <ContractRef c={c} />
              </td>
              <td>
                <DirectionBadge direction={c.direction} />
              </td>
              {showTitles && (
                <td>
                  {c.titles?.map((t, i) => (
                    <span key={t.id}>
                      {i > 0 && ', '}
                      <Link to={`/titles/${encodeURIComponent(t.id)}`}>{t.name}</Link>
                    </span>
                  ))}
                </td>
              )}
              <td>{parties(c)}</td>
              <td className="cell-wrap">{rightsLine(c)}</td>
              <td className="num">{formatDate(c.signedOn)}</td>
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
