import { useEffect, useRef, useState } from 'react';
import { withQuery } from '../lib/api';
import { currentDeletion, describeContract } from '../lib/auditDiff';
import { canWrite, useAuth } from '../lib/auth';
import { takeFlash } from '../lib/flash';
import { formatDate, formatMoney, formatTimestamp, humanize } from '../lib/format';
import { useApi } from '../lib/hooks';
import { Link } from '../lib/router';
import type { AuditEntry, Contract, ContractListItem, ContractRights, Page, Ref } from '../../../src/contract/index.js';
import { CONTRACT_STATUSES } from '../../../src/domain/vocabulary.js';
import { ContractCells, parties, refName, SignedCell } from '../components/contracts';
import { auditPath, entriesOf, RestoreRefusal, useRestore } from '../components/History';
import { ACTIONS_COLUMN, Badge, ColumnHeads, Empty, ErrorNote, Loading } from '../components/ui';
import { ChoiceFilter, ListPager, SearchField, useListQuery } from '../components/listing';

/** A deleted contract as listed: what it was (from the audit's last state), when and by whom it was deleted, and Restore. */
type DeletedItem = Contract & { deletedAt: string | null };

function DeletedRow({
  c,
  writable,
  onRestored,
}: {
  c: DeletedItem;
  writable: boolean;
  onRestored: (c: DeletedItem, overridden: boolean) => void;
}) {
  const log = useApi<AuditEntry[] | { items: AuditEntry[] }>(auditPath(c.id, 'deleted'));
  const deletion = currentDeletion(entriesOf(log.data));
  const last = deletion ? describeContract(deletion.before) : undefined;
  const mg = last?.fields.find((f) => f.label === 'Minimum guarantee')?.value;
  const r = useRestore(c.id, (_, overridden) => onRestored(c, overridden));
  const lastStatus = (deletion?.before as { status?: string } | null)?.status ?? c.status;
  return (
    <>
      <tr className={r.state.refusal ? 'has-detail' : undefined}>
        <ContractCells c={c} />
        <td>{(c.titles as Array<Ref | string>).map(refName).join(', ')}</td>
        <td>{parties(c)}</td>
        <td className="cell-wrap last-state">
          <Badge value={lastStatus} />
          {mg && <span className="last-mg">MG {mg}</span>}
          {last && last.blocks.length > 0 && (
            <ul className="plain small">
              {last.blocks.slice(0, 3).map((b, i) => (
                <li key={i}>{b}</li>
              ))}
              {last.blocks.length > 3 && <li className="muted">and {last.blocks.length - 3} more rights blocks</li>}
            </ul>
          )}
          {last && last.blocks.length === 0 && <p className="muted small">No rights block</p>}
          {log.loading && !log.data && <span className="muted small"> Loading its last state…</span>}
          {log.error && <span className="muted small"> Last state unavailable ({log.error.message})</span>}
        </td>
        <td className="nowrap">
          {formatTimestamp(deletion?.at ?? c.deletedAt)}
          {deletion && (
            <div className="muted small">
              by {typeof deletion.user === 'string' ? deletion.user : (deletion.user?.username ?? 'system')}
            </div>
          )}
        </td>
        <td className="row-actions">
          {writable && !r.state.refusal && (
            <button
              type="button"
              className="btn btn--small"
              disabled={r.state.busy}
              onClick={() => void r.restore()}
              aria-label={`Restore ${c.ref}`}
            >
              {r.state.busy ? 'Restoring…' : 'Restore'}
            </button>
          )}
          <Link to={`/deals/${encodeURIComponent(c.id)}`} className="btn btn--ghost btn--small" aria-label={`History of ${c.ref}`}>
            History
          </Link>
        </td>
      </tr>
      {(r.state.refusal || r.state.error) && (
        <tr className="detail-row">
          <td colSpan={7}>
            <RestoreRefusal r={r} label={c.ref} />
          </td>
        </tr>
      )}
    </>
  );
}

/** The first grants of a contract, one a line, and how many more (as the Deleted tab lists a deal's last state). */
const SHOWN_GRANTS = 3;
function GrantLines({ c, part }: { c: ContractListItem; part: (r: ContractRights) => string }) {
  if (!c.rights.length) return <span className="muted">—</span>;
  return (
    <ul className="plain small grant-lines">
      {c.rights.slice(0, SHOWN_GRANTS).map((r, i) => (
        <li key={i}>{part(r)}</li>
      ))}
      {c.rights.length > SHOWN_GRANTS && <li className="muted">and {c.rights.length - SHOWN_GRANTS} more</li>}
    </ul>
  );
}

const termText = (r: ContractRights) =>
  `${formatDate(r.start, { open: 'start not stated' })} – ${formatDate(r.end, { open: 'perpetuity' })}`;

/**
 * The current deals: who to whom, what each grants (territories, media, term), its MG for those who
 * may see it, signature and status. On a phone each deal is a card of labelled lines (`data--stack`),
 * so its term, MG and status are read without scrolling the table sideways.
 */
function DealsTable({ items }: { items: ContractListItem[] }) {
  // the server leaves `mg` out for users without the financial-terms permission
  const showMg = items.some((c) => 'mg' in c);
  return (
    <div className="table-wrap">
      <table className="data deals-table data--stack">
        <ColumnHeads
          columns={[
            'Contract',
            'Kind',
            'Titles',
            'Licensor → licensee',
            'Territories',
            'Media',
            'Term',
            showMg && 'MG',
            'Signed',
            'Status',
          ]}
        />
        <tbody>
          {items.map((c) => (
            <tr key={c.id}>
              <ContractCells c={c} />
              <td className="cell-wrap" data-label="Titles">
                {c.titles.join(', ')}
              </td>
              <td data-label="Licensor → licensee">{parties(c)}</td>
              <td className="cell-wrap" data-label="Territories">
                <GrantLines c={c} part={(r) => r.territoryLabel ?? 'not reported'} />
              </td>
              <td className="cell-wrap" data-label="Media">
                <GrantLines c={c} part={(r) => r.mediaLabel ?? 'not reported'} />
              </td>
              <td className="nowrap" data-label="Term">
                <GrantLines c={c} part={termText} />
              </td>
              {showMg && (
                <td className="num nowrap" data-label="MG">
                  {c.mg ? formatMoney(c.mg) : <span className="muted">—</span>}
                </td>
              )}
              <td className="num" data-label="Signed">
                <span className="stack-value">
                  <SignedCell c={c} />
                </span>
              </td>
              <td data-label="Status">
                <Badge value={c.status} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function DeletedTable({
  items,
  writable,
  onRestored,
}: {
  items: DeletedItem[];
  writable: boolean;
  onRestored: (c: DeletedItem, overridden: boolean) => void;
}) {
  return (
    <div className="table-wrap">
      <table className="data deleted-table">
        <ColumnHeads columns={['Contract', 'Kind', 'Titles', 'Licensor → licensee', 'Last state', 'Deleted', ACTIONS_COLUMN]} />
        <tbody>
          {items.map((c) => (
            <DeletedRow key={c.id} c={c} writable={writable} onRestored={onRestored} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

const DIRECTIONS = [
  { value: 'in', label: 'Rights in' },
  { value: 'out', label: 'Rights out' },
  { value: 'third-party', label: 'Market intelligence' },
];

export default function Deals() {
  const { params, set, q, page, search, setSearch } = useListQuery();
  const { user } = useAuth();
  const writable = canWrite(user);
  const deleted = params.get('view') === 'deleted';
  const [note, setNote] = useState<{ text: string; id?: string; tone: 'warn' | 'good' } | undefined>(() => {
    const f = takeFlash();
    return f ? { text: f, tone: 'warn' } : undefined;
  });
  // A note about one view (a deletion, a restore) does not follow to the other.
  const view = useRef(deleted);
  useEffect(() => {
    if (view.current !== deleted) setNote(undefined);
    view.current = deleted;
  }, [deleted]);
  const status = params.get('status') ?? '';
  const direction = params.get('direction') ?? '';
  // the view decides the shape: current deals come as list items, deleted ones as the contracts they were
  const list = useApi<Page<ContractListItem | DeletedItem>>(
    withQuery('/api/contracts', { q, status, direction, page, pageSize: 50, deleted: deleted ? 'true' : undefined }),
  );
  const filtered = Boolean(q || status || direction);
  return (
    <div className="page page--wide">
      <div className="page-head">
        <h1>{deleted ? 'Deleted deals' : 'Deals'}</h1>
        <nav className="view-tabs" aria-label="Which deals">
          <Link to="/deals" className={`seg${deleted ? '' : ' is-on'}`} aria-current={deleted ? undefined : 'page'}>
            Current
          </Link>
          <Link to="/deals?view=deleted" className={`seg${deleted ? ' is-on' : ''}`} aria-current={deleted ? 'page' : undefined}>
            Deleted
          </Link>
        </nav>
        <div className="page-actions">
          {/* the file is named after these filters and the day (contracts-signed-2026-12-05.xlsx) */}
          <a
            className="btn btn--small"
            href={withQuery('/api/export/contracts', { format: 'xlsx', q, status, direction, deleted: deleted ? 'true' : undefined })}
            download
          >
            Export XLSX
          </a>
          <a
            className="btn btn--small"
            href={withQuery('/api/export/contracts', { format: 'csv', q, status, direction, deleted: deleted ? 'true' : undefined })}
            download
          >
            Export CSV
          </a>
          <Link to="/deals/new" className="btn btn--primary">
            New deal
          </Link>
        </div>
      </div>
      <form className="filters" role="search" aria-label="Filter deals" onSubmit={(e) => e.preventDefault()}>
        <SearchField placeholder="Reference, title, company…" value={search} onChange={setSearch} />
        <ChoiceFilter
          label="Status"
          value={status}
          options={CONTRACT_STATUSES.map((s) => ({ value: s, label: humanize(s) }))}
          onChange={(v) => set({ status: v, page: null })}
        />
        <ChoiceFilter label="Kind" value={direction} options={DIRECTIONS} onChange={(v) => set({ direction: v, page: null })} />
      </form>
      {deleted && (
        <p className="muted page-intro">
          Deleted deals grant nothing: their rights do not count in avails or conflict checks. Restoring one brings it back as it was and
          checks its rights again.
        </p>
      )}
      {note && (
        <div className={`notice notice--${note.tone}`} role="status">
          {note.text}
          {note.id && (
            <>
              {' '}
              <Link to={`/deals/${encodeURIComponent(note.id)}`}>Open the deal</Link>
            </>
          )}
          <button type="button" className="btn btn--ghost btn--small notice-close" onClick={() => setNote(undefined)} aria-label="Dismiss">
            ×
          </button>
        </div>
      )}
      <ErrorNote error={list.error} retry={list.reload} />
      {list.loading && !list.data && <Loading what="Loading deals" />}
      {list.data && list.data.items.length === 0 && !deleted && (
        <Empty title={filtered ? 'No deal matches.' : 'No deal recorded yet.'}>
          {filtered ? (
            'Loosen the filters.'
          ) : (
            <>
              <Link to="/deals/new">Record the first deal</Link>: a rights-in mandate, then sales.
            </>
          )}
        </Empty>
      )}
      {list.data && list.data.items.length === 0 && deleted && (
        <Empty title={filtered ? 'No deleted deal matches.' : 'No deal has been deleted.'}>
          {filtered ? 'Loosen the filters.' : 'A deleted deal is listed here until it is restored.'}
        </Empty>
      )}
      {list.data && list.data.items.length > 0 && !deleted && <DealsTable items={list.data.items as ContractListItem[]} />}
      {list.data && list.data.items.length > 0 && deleted && (
        <DeletedTable
          items={list.data.items as DeletedItem[]}
          writable={writable}
          onRestored={(c, overridden) => {
            setNote({
              text: overridden
                ? `${c.ref} was restored over a rights conflict; the reason is in its history.`
                : `${c.ref} was restored. Its rights count again; no conflict was found.`,
              id: c.id,
              tone: 'good',
            });
            list.reload();
          }}
        />
      )}
      <ListPager data={list.data} page={page} pageSize={50} set={set} />
    </div>
  );
}
