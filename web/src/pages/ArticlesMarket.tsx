/**
 * The market picture of a title: who is reported to hold which rights where,
 * from which articles, and which territories nobody has reported yet; plus
 * the talks and denials the press reported. It is a picture only: what we can
 * sell comes from the availability map.
 */
import { useApi } from '../lib/hooks';
import { Link } from '../lib/router';
import { formatDate } from '../lib/format';
import { ReviewMark } from '../components/ReviewMark';
import { Badge, ColumnHeads, DirectionBadge, Empty, ErrorNote, Loading, Section } from '../components/ui';

type Named = { id: string; name: string };
interface SourceLink {
  id: string;
  quote: string | null;
  reviewed: boolean;
  source: { id: string; kind?: string; outlet: string | null; publishedOn: string | null; url: string | null; title: string | null };
}
interface Holding {
  contract: { id: string; ref: string; direction: string; status: string; announcedOn: string | null; signedOn: string | null };
  holder: Named | null;
  licensor: Named | null;
  territoryLabel: string | null;
  mediaLabel: string | null;
  ours: boolean;
  sources: SourceLink[];
}
interface Market {
  title: Named & { year: number | null };
  holdings: Holding[];
  unreported: { codes: string[]; label: string | null };
  salesAgents: Named[];
  talks: Array<{
    party: string;
    kind: string;
    territories: string | null;
    article: { id: string; title: string | null; outlet: string | null; publishedOn: string | null };
    quote: string;
  }>;
}

function Sources({ sources }: { sources: SourceLink[] }) {
  if (!sources.length) return <span className="muted">entered by hand</span>;
  return (
    <>
      {sources.map((s) => (
        <div key={s.id} className="small">
          <strong>{s.source.outlet ?? 'Source'}</strong>
          {s.source.publishedOn && <span className="muted">, {formatDate(s.source.publishedOn)}</span>}
          {/* a fact nobody has reviewed yet (an import, the demo) is marked as such, as on the title page */}
          {!s.reviewed && (
            <>
              {' '}
              <ReviewMark reviewed={false} kind={s.source.kind} />
            </>
          )}
          {s.quote && (
            <>
              : <q>{s.quote}</q>
            </>
          )}
        </div>
      ))}
    </>
  );
}

export default function ArticlesMarket({ params }: { params: Record<string, string> }) {
  const { data, error, reload } = useApi<Market>(`/api/titles/${encodeURIComponent(params.id)}/market`);
  if (error)
    return (
      <div className="page">
        <ErrorNote error={error} retry={reload} />
      </div>
    );
  if (!data) return <Loading what="Drawing the market picture" />;
  return (
    <div className="page">
      <div className="crumbs">
        <Link to="/catalog">Catalog</Link> / <Link to={`/titles/${encodeURIComponent(data.title.id)}`}>{data.title.name}</Link>
      </div>
      <div className="page-head">
        <h1>
          Market picture: {data.title.name} {data.title.year && <span className="muted">({data.title.year})</span>}
        </h1>
        <p className="page-sub muted">
          Who the record and the press say holds what. It never makes rights available: see the title's availability for that.
        </p>
      </div>
      <Section title="Who holds what">
        {data.holdings.length === 0 ? (
          <Empty title="No holder on record" />
        ) : (
          <div className="table-wrap">
            <table className="data">
              <ColumnHeads columns={['Territories', 'Holder', 'From', 'Media', 'Deal', 'Sources']} />
              <tbody>
                {data.holdings.map((h, i) => (
                  <tr key={`${h.contract.id}-${i}`}>
                    <td>{h.territoryLabel ?? <span className="muted">not reported</span>}</td>
                    <td>{h.holder ? <Link to={`/companies/${encodeURIComponent(h.holder.id)}`}>{h.holder.name}</Link> : '—'}</td>
                    <td>{h.licensor?.name ?? '—'}</td>
                    <td>{h.mediaLabel ?? '—'}</td>
                    <td className="nowrap">
                      <span className="contract-ref">{h.contract.ref}</span> <DirectionBadge direction={h.contract.direction} />{' '}
                      <Badge value={h.contract.status} />
                      {h.contract.announcedOn && <div className="muted small">announced {formatDate(h.contract.announcedOn)}</div>}
                    </td>
                    <td>
                      <Sources sources={h.sources} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <p className="spaced">
          <strong>Unreported:</strong>{' '}
          {data.unreported.label ?? <span className="muted">nothing: every territory has a reported holder</span>}
        </p>
        {data.salesAgents.length > 0 && (
          <p>
            <strong>Sales:</strong> {data.salesAgents.map((a) => a.name).join(', ')}
          </p>
        )}
      </Section>
      {data.talks.length > 0 && (
        <Section title="Talks, rumours and denials">
          <ul className="facts">
            {data.talks.map((t, i) => (
              <li key={i}>
                <strong>{t.party}</strong> ({t.kind}
                {t.territories ? `, ${t.territories}` : ''}) —{' '}
                <Link to={`/articles/${t.article.id}`}>
                  {t.article.outlet ?? 'article'}
                  {t.article.publishedOn ? `, ${formatDate(t.article.publishedOn)}` : ''}
                </Link>
                : <q>{t.quote}</q>
              </li>
            ))}
          </ul>
        </Section>
      )}
    </div>
  );
}
