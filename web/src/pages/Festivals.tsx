/** Festivals and markets with their editions; /festivals/:id opens one festival. */
import { humanize } from '../lib/format';
import { useApi } from '../lib/hooks';
import { Link } from '../lib/router';
import type { Page } from '../lib/types';
import { Empty, ErrorNote, Loading, Section } from '../components/ui';

interface Edition {
  id: string;
  number?: number | null;
  year: number;
  startDate?: string | null;
  endDate?: string | null;
}
interface Festival {
  id: string;
  name: string;
  shortName?: string | null;
  kind?: string;
  city?: string | null;
  country?: string | null;
  editions?: Edition[];
}

function ordinal(n: number): string {
  const s = ['th', 'st', 'nd', 'rd'];
  const v = n % 100;
  return `${n}${s[(v - 20) % 10] ?? s[v] ?? s[0]}`;
}

function Editions({ f }: { f: Festival }) {
  const eds = [...(f.editions ?? [])].sort((a, b) => b.year - a.year);
  if (!eds.length) return <p className="muted small">No edition recorded.</p>;
  return (
    <ul className="editions">
      {eds.map((e) => (
        <li key={e.id}>
          <Link to={`/editions/${encodeURIComponent(e.id)}`}>
            {e.number ? `${ordinal(e.number)} · ` : ''}
            {e.year}
          </Link>
        </li>
      ))}
    </ul>
  );
}

export default function Festivals({ params }: { params: Record<string, string> }) {
  const one = params.id;
  const list = useApi<Festival[] | Page<Festival>>(one ? null : '/api/festivals');
  const single = useApi<Festival>(one ? `/api/festivals/${encodeURIComponent(one)}` : null);
  const festivals = one ? (single.data ? [single.data] : []) : Array.isArray(list.data) ? list.data : list.data?.items ?? [];
  const state = one ? single : list;
  return (
    <div className="page">
      <div className="page-head">
        <h1>{one && single.data ? single.data.name : 'Festivals and markets'}</h1>
      </div>
      <ErrorNote error={state.error} retry={state.reload} />
      {state.loading && !state.data && <Loading what="Loading festivals" />}
      {state.data && festivals.length === 0 && <Empty title="No festival recorded.">Festivals, their editions and line-ups come with imported articles or the API (POST /api/festivals).</Empty>}
      <div className="cards">
        {festivals.map((f) => (
          <Section key={f.id} title={one ? 'Editions' : <Link to={`/festivals/${encodeURIComponent(f.id)}`}>{f.name}</Link>}>
            <p className="muted small">
              {[humanize(f.kind), f.city, f.shortName && f.shortName !== f.name ? `“${f.shortName}”` : null].filter(Boolean).join(' · ')}
            </p>
            <Editions f={f} />
          </Section>
        ))}
      </div>
    </div>
  );
}
