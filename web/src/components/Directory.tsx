/** A searchable list of companies or people (the server's search forgives typos), and a new one for editors. */
import { useState, type ReactNode } from 'react';
import { withQuery } from '../lib/api';
import { canWrite, useAuth } from '../lib/auth';
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

/**
 * The list's "New company" / "New person": the button's label, and the record's editor for a new
 * record (`close` when it is cancelled). Shown to users who may write.
 */
export interface DirectoryCreate {
  label: string;
  form: (close: () => void) => ReactNode;
}

export function Directory({ kind, title, create }: { kind: 'companies' | 'people'; title: string; create?: DirectoryCreate }) {
  const { set, q, page, search, setSearch } = useListQuery();
  const list = useApi<Page<Row>>(withQuery(`/api/${kind}`, { q, page, pageSize: 50 }));
  const countries = useCountries(kind === 'companies');
  const { user } = useAuth();
  const [adding, setAdding] = useState(false);
  const creatable = Boolean(create && canWrite(user));
  return (
    <div className="page">
      <div className="page-head">
        <h1>{title}</h1>
        {creatable && (
          <div className="page-actions">
            <button type="button" className="btn btn--primary" onClick={() => setAdding(true)} disabled={adding}>
              {create!.label}
            </button>
          </div>
        )}
      </div>
      {creatable && adding && create!.form(() => setAdding(false))}
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
          {q
            ? 'Check the spelling or search a shorter part of the name.'
            : `Add one with “${create?.label ?? 'New'}”; they also come with deals, titles, imported articles and the API.`}
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
