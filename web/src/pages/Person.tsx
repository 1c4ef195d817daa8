/** A person: credits and the deals they negotiated. */
import { humanize } from '../lib/format';
import { useApi } from '../lib/hooks';
import { Link } from '../lib/router';
import { DealList } from '../components/contracts';
import { Empty, ErrorNote, Loading, Section } from '../components/ui';

type Any = Record<string, unknown>;
interface PersonDetail {
  id: string;
  name: string;
  credits?: Any[];
  deals?: Any[];
  contracts?: Any[];
}
const s = (v: unknown) => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined);
const o = (v: unknown) => (v && typeof v === 'object' ? (v as Any) : undefined);

export default function Person({ params }: { params: Record<string, string> }) {
  const p = useApi<PersonDetail>(`/api/people/${encodeURIComponent(params.id)}`);
  if (p.error) return <div className="page">{p.error.status === 404 ? <Empty title="This person does not exist."><Link to="/people">All people</Link></Empty> : <ErrorNote error={p.error} retry={p.reload} />}</div>;
  if (!p.data) return <Loading what="Loading" />;
  const d = p.data;
  const credits = d.credits ?? [];
  const deals = (d.deals ?? d.contracts ?? []) as Any[];
  return (
    <div className="page page--wide">
      <nav className="crumbs" aria-label="Breadcrumb">
        <Link to="/people">People</Link> <span aria-hidden="true">/</span> <span aria-current="page">{d.name}</span>
      </nav>
      <div className="page-head">
        <h1>{d.name}</h1>
      </div>
      <Section title={`Credits (${credits.length})`}>
        {credits.length === 0 ? (
          <p className="muted">No credit recorded.</p>
        ) : (
          <table className="data">
            <thead>
              <tr>
                <th scope="col">Title</th>
                <th scope="col">Year</th>
                <th scope="col">Role</th>
              </tr>
            </thead>
            <tbody>
              {credits.map((c, i) => {
                const t = o(c.title) ?? c;
                const id = s(t.id) ?? s(c.titleId);
                const name = s(t.englishTitle) || s(t.originalTitle) || s(t.name) || '';
                return (
                  <tr key={i}>
                    <td>{id ? <Link to={`/titles/${encodeURIComponent(id)}`}>{name}</Link> : name}</td>
                    <td className="num">{s(t.year) ?? '—'}</td>
                    <td>
                      {humanize(s(c.role))}
                      {s(c.character) && <span className="muted"> ({s(c.character)})</span>}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </Section>
      <Section title={`Deals negotiated (${deals.length})`}>
        <DealList deals={deals} withLabel="For" empty="No deal negotiated by this person on record." />
      </Section>
    </div>
  );
}
