/**
 * A festival edition's line-up by section, with awards, and for each title
 * its sales agent and which territories are sold, on hold or still free
 * today (not at the festival's dates): the acquisitions view a buyer walks a
 * festival with.
 */
import { humanize, formatDate } from '../lib/format';
import { useApi } from '../lib/hooks';
import { Link } from '../lib/router';
import { Empty, ErrorNote, Loading, Section } from '../components/ui';

type Any = Record<string, unknown>;
interface Lineup {
  edition: Any;
  festival: Any;
  /** The day the sold / on hold / free columns answer for (today), all media, exclusive. */
  availability?: { asOf: string; media: string; exclusive: boolean };
  sections: Array<{ name: string; selections: Any[] }>;
  awards: Any[];
}

const s = (v: unknown) => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined);
const o = (v: unknown) => (v && typeof v === 'object' ? (v as Any) : undefined);

function ordinal(n: number): string {
  const x = ['th', 'st', 'nd', 'rd'];
  const v = n % 100;
  return `${n}${x[(v - 20) % 10] ?? x[v] ?? x[0]}`;
}

function TitleCell({ t }: { t: unknown }) {
  const ob = o(t);
  const id = s(ob?.id);
  const name = s(ob?.englishTitle) || s(ob?.originalTitle) || s(ob?.name) || s(t) || '';
  return id ? <Link to={`/titles/${encodeURIComponent(id)}`}>{name}</Link> : <>{name}</>;
}

export default function Edition({ params }: { params: Record<string, string> }) {
  const data = useApi<Lineup>(`/api/editions/${encodeURIComponent(params.id)}`);
  if (data.error) return <div className="page"><ErrorNote error={data.error} retry={data.reload} /></div>;
  if (!data.data) return <Loading what="Loading the line-up" />;
  const { edition, festival, sections, awards, availability } = data.data;
  const num = typeof edition.number === 'number' ? `${ordinal(edition.number)} ` : '';
  const fname = s(festival.name) ?? '';
  return (
    <div className="page page--wide">
      <nav className="crumbs" aria-label="Breadcrumb">
        <Link to="/festivals">Festivals</Link> <span aria-hidden="true">/</span>{' '}
        {s(festival.id) ? <Link to={`/festivals/${encodeURIComponent(s(festival.id)!)}`}>{fname}</Link> : fname} <span aria-hidden="true">/</span> <span aria-current="page">{s(edition.year)}</span>
      </nav>
      <div className="page-head">
        <h1>
          {num}
          {fname} {s(edition.year)}
        </h1>
        {(s(edition.start) ?? s(edition.startDate)) && (
          <p className="muted page-sub">
            {formatDate(s(edition.start) ?? s(edition.startDate))} – {formatDate(s(edition.end) ?? s(edition.endDate))}
          </p>
        )}
      </div>
      {sections.length === 0 && <Empty title="No line-up recorded for this edition.">Selections come with imported articles or the API (POST /api/selections).</Empty>}
      {availability && (
        <p className="muted small lineup-asof">
          For each title: its sales agent, and the territories sold, on hold and still free <strong>today, {formatDate(availability.asOf)}</strong> (exclusive, {availability.media.toLowerCase()}), not at the
          festival: the same as the title page&rsquo;s map for today.
        </p>
      )}
      {sections.map((sec) => (
        <Section key={sec.name} title={sec.name || 'Unassigned'}>
          <div className="table-wrap">
            <table className="data">
              <thead>
                <tr>
                  <th scope="col">Title</th>
                  <th scope="col">Premiere</th>
                  <th scope="col">Sales agent</th>
                  <th scope="col">Sold today</th>
                  <th scope="col">On hold today</th>
                  <th scope="col">Still free today</th>
                </tr>
              </thead>
              <tbody>
                {sec.selections.map((x, i) => {
                  const agent = o(x.salesAgent);
                  return (
                    <tr key={i} className={x.withdrawn ? 'is-withdrawn' : undefined}>
                      <td>
                        <TitleCell t={x.title} />
                        {s(o(x.title)?.year) && <span className="muted"> ({s(o(x.title)?.year)})</span>}
                        {x.slot ? <span className="badge badge--accent">{humanize(s(x.slot))}</span> : null}
                        {Array.isArray(x.awards) &&
                          (x.awards as Any[]).map((a, k) => (
                            <div key={k} className="small">
                              <span className="award-mark" aria-hidden="true">★</span>
                              {s(a.name)}
                              {a.tied ? <span className="badge badge--accent">tied</span> : null}
                            </div>
                          ))}
                        {x.withdrawn ? (
                          <div className="small">
                            <span className="badge badge--bad">Withdrawn</span> {s(x.withdrawalReason) && <span className="muted">“{s(x.withdrawalReason)}”</span>}
                          </div>
                        ) : null}
                      </td>
                      <td>{humanize(s(x.premiereStatus)) || '—'}</td>
                      <td>{agent ? <Link to={`/companies/${encodeURIComponent(String(agent.id))}`}>{String(agent.name)}</Link> : s(x.salesAgent) ?? <span className="muted">unknown</span>}</td>
                      <td className="cell-wrap">{s(x.soldLabel) || <span className="muted">nothing recorded</span>}</td>
                      <td className="cell-wrap">{s(x.heldLabel) || <span className="muted">—</span>}</td>
                      <td className="cell-wrap">{s(x.freeLabel) || <span className="muted">—</span>}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </Section>
      ))}
      {awards.length > 0 && (
        <Section title="Awards">
          <ul className="awards">
            {awards.map((a, i) => (
              <li key={i}>
                <span className="award-mark" aria-hidden="true">
                  ★
                </span>
                <strong>{s(a.name)}</strong>: <TitleCell t={a.title} />
                {s(o(a.person)?.name) && <span className="muted"> ({s(o(a.person)?.name)})</span>}
                {a.tied ? <span className="badge badge--accent">tied</span> : null}
              </li>
            ))}
          </ul>
        </Section>
      )}
    </div>
  );
}
