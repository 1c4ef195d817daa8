/** A searchable list of companies or people (the server's search forgives typos). */
import { useEffect, useState } from 'react';
import { withQuery } from '../lib/api';
import { humanize } from '../lib/format';
import { useApi, useDebounced } from '../lib/hooks';
import { useCountries } from '../lib/reference';
import { Link, useQueryState } from '../lib/router';
import type { Page } from '../../../src/contract/index.js';
import { Empty, ErrorNote, Field, Loading, Pager } from './ui';

interface Row {
  id: string;
  name: string;
  kind?: string;
  country?: string | null;
}

export function Directory({ kind, title }: { kind: 'companies' | 'people'; title: string }) {
  const [params, set] = useQueryState();
  const q = params.get('q') ?? '';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const [search, setSearch] = useState(q);
  const d = useDebounced(search, 250);
  useEffect(() => {
    if (d !== q) set({ q: d, page: null });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [d]);
  const list = useApi<Page<Row>>(withQuery(`/api/${kind}`, { q, page, pageSize: 50 }));
  const countries = useCountries(kind === 'companies');
  return (
    <div className="page">
      <div className="page-head">
        <h1>{title}</h1>
      </div>
      <form className="filters" role="search" onSubmit={(e) => e.preventDefault()}>
        <Field label="Search" className="filters-search">
          {(p) => (
            <input
              {...p}
              type="search"
              placeholder={kind === 'people' ? 'A name, e.g. Zhang Yimou' : 'A name, e.g. Neon'}
              value={search}
              onChange={(e) => setSearch(e.target.value)}
            />
          )}
        </Field>
      </form>
      <ErrorNote error={list.error} retry={list.reload} />
      {list.loading && !list.data && <Loading />}
      {list.data && list.data.items.length === 0 && (
        <Empty title={q ? `Nothing matches “${q}”.` : `No ${kind} recorded yet.`}>
          {q ? 'Check the spelling or search a shorter part of the name.' : 'They come with imported articles, the demo data or the API.'}
        </Empty>
      )}
      {list.data && list.data.items.length > 0 && (
        <div className="table-wrap">
          <table className="data">
            <thead>
              <tr>
                <th scope="col">Name</th>
                {kind === 'companies' && <th scope="col">Kind</th>}
                {kind === 'companies' && <th scope="col">Country</th>}
              </tr>
            </thead>
            <tbody>
              {list.data.items.map((r) => (
                <tr key={r.id}>
                  <td>
                    <Link to={`/${kind}/${encodeURIComponent(r.id)}`}>{r.name}</Link>
                  </td>
                  {kind === 'companies' && <td>{humanize(r.kind)}</td>}
                  {kind === 'companies' && (
                    <td title={r.country ?? undefined}>{r.country ? (countries.byCode?.get(r.country) ?? r.country) : '—'}</td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {list.data && (
        <Pager
          page={list.data.page ?? page}
          pageSize={list.data.pageSize ?? 50}
          total={list.data.total}
          onPage={(p) => set({ page: p === 1 ? null : String(p) }, { replace: false })}
        />
      )}
    </div>
  );
}
