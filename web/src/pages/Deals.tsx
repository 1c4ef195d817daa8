import { useEffect, useState } from 'react';
import { withQuery } from '../lib/api';
import { humanize } from '../lib/format';
import { useApi, useDebounced } from '../lib/hooks';
import { Link, useQueryState } from '../lib/router';
import { CONTRACT_STATUSES, type Contract, type Page } from '../lib/types';
import { ContractTable } from '../components/contracts';
import { Empty, ErrorNote, Field, Loading, Pager } from '../components/ui';

export default function Deals() {
  const [params, set] = useQueryState();
  const q = params.get('q') ?? '';
  const status = params.get('status') ?? '';
  const direction = params.get('direction') ?? '';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const [search, setSearch] = useState(q);
  const d = useDebounced(search, 250);
  useEffect(() => {
    if (d !== q) set({ q: d, page: null });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [d]);
  const list = useApi<Page<Contract>>(withQuery('/api/contracts', { q, status, direction, page, pageSize: 50 }));
  const filtered = Boolean(q || status || direction);
  return (
    <div className="page page--wide">
      <div className="page-head">
        <h1>Deals</h1>
        <div className="page-actions">
          <Link to="/deals/new" className="btn btn--primary">
            New deal
          </Link>
        </div>
      </div>
      <form className="filters" role="search" aria-label="Filter deals" onSubmit={(e) => e.preventDefault()}>
        <Field label="Search" className="filters-search">
          {(p) => <input {...p} type="search" placeholder="Reference, title, company…" value={search} onChange={(e) => setSearch(e.target.value)} />}
        </Field>
        <Field label="Status">
          {(p) => (
            <select {...p} value={status} onChange={(e) => set({ status: e.target.value, page: null })}>
              <option value="">Any</option>
              {CONTRACT_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {humanize(s)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Kind">
          {(p) => (
            <select {...p} value={direction} onChange={(e) => set({ direction: e.target.value, page: null })}>
              <option value="">Any</option>
              <option value="in">Rights in</option>
              <option value="out">Rights out</option>
              <option value="third-party">Market intelligence</option>
            </select>
          )}
        </Field>
      </form>
      <ErrorNote error={list.error} retry={list.reload} />
      {list.loading && !list.data && <Loading what="Loading deals" />}
      {list.data && list.data.items.length === 0 && (
        <Empty title={filtered ? 'No deal matches.' : 'No deal recorded yet.'}>{filtered ? 'Loosen the filters.' : <><Link to="/deals/new">Record the first deal</Link>: a rights-in mandate, then sales.</>}</Empty>
      )}
      {list.data && list.data.items.length > 0 && <ContractTable contracts={list.data.items} />}
      {list.data && <Pager page={list.data.page ?? page} pageSize={list.data.pageSize ?? 50} total={list.data.total} onPage={(p) => set({ page: p === 1 ? null : String(p) }, { replace: false })} />}
    </div>
  );
}
