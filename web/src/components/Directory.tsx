/** A searchable list of companies or people (the server's search forgives typos). */
import { withQuery } from '../lib/api';
import { humanize } from '../lib/format';
import { useApi } from '../lib/hooks';
import { useCountries } from '../lib/reference';
import { Link } from '../lib/router';
import type { Page } from '../../../src/contract/index.js';
import { ColumnHeads, Empty, ErrorNote, Loading } from './ui';
import { ListPager, SearchField, useListQuery } from './listing';

interface Row {
  id: string;
  name: string;
  kind?: string;
  country?: string | null;
}

export function Directory({ kind, title }: { kind: 'companies' | 'people'; title: string }) {
  const { set, q, page, search, setSearch } = useListQuery();
  const list = useApi<Page<Row>>(withQuery(`/api/${kind}`, { q, page, pageSize: 50 }));
  const countries = useCountries(kind === 'companies');
  return (
    <div className="page">
      <div className="page-head">
        <h1>{title}</h1>
      </div>
      <form className="filters" role="search" onSubmit={(e) => e.preventDefault()}>
        <SearchField
          placeholder={kind === 'people' ? 'A name, e.g. Zhang Yimou' : 'A name, e.g. Neon'}
          value={search}
          onChange={setSearch}
        />
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
            <ColumnHeads columns={['Name', kind === 'companies' && 'Kind', kind === 'companies' && 'Country']} />
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
      <ListPager data={list.data} page={page} pageSize={50} set={set} />
    </div>
  );
}
