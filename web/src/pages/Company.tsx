/** A company's slate: its titles (and in what role), the territories it holds, its deals and its people. */
import { humanize } from '../lib/format';
import { useApi } from '../lib/hooks';
import { useCountries } from '../lib/reference';
import { Link } from '../lib/router';
import type { Contract } from '../lib/types';
import { DealList } from '../components/contracts';
import { Empty, ErrorNote, Loading, Section } from '../components/ui';

type Any = Record<string, unknown>;
interface CompanyDetail {
  id: string;
  name: string;
  kind?: string;
  country?: string | null;
  titles?: Any[];
  contracts?: Contract[];
  people?: Any[];
  holdings?: Any[];
}

const s = (v: unknown) => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined);
const o = (v: unknown) => (v && typeof v === 'object' ? (v as Any) : undefined);

export default function Company({ params }: { params: Record<string, string> }) {
  const c = useApi<CompanyDetail>(`/api/companies/${encodeURIComponent(params.id)}`);
  const countries = useCountries();
  if (c.error) return <div className="page">{c.error.status === 404 ? <Empty title="This company does not exist."><Link to="/companies">All companies</Link></Empty> : <ErrorNote error={c.error} retry={c.reload} />}</div>;
  if (!c.data) return <Loading what="Loading the company" />;
  const d = c.data;
  const titles = d.titles ?? [];
  const people = d.people ?? [];
  const showHeld = titles.some((t) => s(t.territoryLabel) || s(t.territories));
  return (
    <div className="page page--wide">
      <nav className="crumbs" aria-label="Breadcrumb">
        <Link to="/companies">Companies</Link> <span aria-hidden="true">/</span> <span aria-current="page">{d.name}</span>
      </nav>
      <div className="page-head">
        <h1>{d.name}</h1>
        <p className="muted page-sub">{[humanize(d.kind), d.country ? countries.byCode?.get(d.country) ?? d.country : null].filter(Boolean).join(' · ')}</p>
      </div>
      <div className="grid-2">
        <Section title={`Slate (${titles.length})`}>
          {titles.length === 0 ? (
            <p className="muted">No title linked to this company.</p>
          ) : (
            <table className="data">
              <thead>
                <tr>
                  <th scope="col">Title</th>
                  <th scope="col">Role</th>
                  {showHeld && <th scope="col">Territories held</th>}
                </tr>
              </thead>
              <tbody>
                {titles.map((t, i) => {
                  const tt = o(t.title) ?? t;
                  const id = s(tt.id);
                  const name = s(tt.englishTitle) || s(tt.originalTitle) || s(tt.name) || '';
                  const roles = Array.isArray(t.roles) ? (t.roles as string[]) : s(t.role) ? [s(t.role)!] : [];
                  return (
                    <tr key={id ?? i}>
                      <td>{id ? <Link to={`/titles/${encodeURIComponent(id)}`}>{name}</Link> : name}</td>
                      <td>{roles.map(humanize).join(', ') || '—'}</td>
                      {showHeld && <td className="cell-wrap">{s(t.territoryLabel) ?? s(t.territories) ?? '—'}</td>}
                    </tr>
                  );
                })}
              </tbody>
            </table>
          )}
        </Section>
        <Section title={`People (${people.length})`}>
          {people.length === 0 ? (
            <p className="muted">No person recorded for this company.</p>
          ) : (
            <ul className="plain">
              {people.map((p, i) => {
                const pp = o(p.person) ?? p;
                return (
                  <li key={s(pp.id) ?? i}>
                    <Link to={`/people/${encodeURIComponent(String(pp.id))}`}>{s(pp.name)}</Link>
                    {s(p.role) && <span className="muted"> · {humanize(s(p.role))}</span>}
                  </li>
                );
              })}
            </ul>
          )}
        </Section>
      </div>
      <Section title={`Deals (${d.contracts?.length ?? 0})`}>
        <DealList deals={(d.contracts ?? []) as unknown as Any[]} empty="No deal with this company." />
      </Section>
    </div>
  );
}
