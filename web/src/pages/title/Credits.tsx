/** Who made the title: credits by role, the production companies and the source material. */
import { humanize } from '../../lib/format';
import { Link } from '../../lib/router';
import type { TitleDetail } from './detail';

const ROLE_ORDER = ['director', 'writer', 'cast', 'producer', 'executive-producer', 'cinematographer', 'editor', 'composer', 'other'];

export function Credits({ credits }: { credits: TitleDetail['credits'] }) {
  if (!credits.length) return <p className="muted">No credits recorded.</p>;
  const byRole = new Map<string, TitleDetail['credits']>();
  for (const c of credits) byRole.set(c.role, [...(byRole.get(c.role) ?? []), c]);
  const roles = [...byRole.keys()].sort((a, b) => ROLE_ORDER.indexOf(a) - ROLE_ORDER.indexOf(b));
  return (
    <dl className="deflist">
      {roles.map((r) => (
        <div key={r}>
          <dt>
            {humanize(r)}
            {byRole.get(r)!.length > 1 && r !== 'cast' ? 's' : ''}
          </dt>
          <dd>
            {byRole.get(r)!.map((c, i) => (
              <span key={`${c.person.id}-${i}`}>
                {i > 0 && ', '}
                <Link to={`/people/${encodeURIComponent(c.person.id)}`}>{c.person.name}</Link>
                {c.character && <span className="muted"> ({c.character})</span>}
              </span>
            ))}
          </dd>
        </div>
      ))}
    </dl>
  );
}

/** The companies by role, the source material and the synopsis. */
export function Production({ d }: { d: TitleDetail }) {
  const sourceNote = d.sourceMaterialNote ?? undefined;
  return (
    <>
      <dl className="deflist">
        {d.companies.length === 0 && <p className="muted">No companies recorded.</p>}
        {['production', 'co-production', 'sales-agent', 'distributor'].map((role) => {
          const list = d.companies.filter((c) => c.role === role);
          if (!list.length) return null;
          return (
            <div key={role}>
              <dt>{humanize(role)}</dt>
              <dd>
                {list.map((c, i) => (
                  <span key={c.company.id}>
                    {i > 0 && ', '}
                    <Link to={`/companies/${encodeURIComponent(c.company.id)}`}>{c.company.name}</Link>
                  </span>
                ))}
              </dd>
            </div>
          );
        })}
        {(d.sourceMaterial || sourceNote) && (
          <div>
            <dt>Source material</dt>
            <dd>
              {humanize(d.sourceMaterial ?? '')}
              {sourceNote && (
                <span className="muted">
                  {d.sourceMaterial ? ': ' : ''}
                  {sourceNote}
                </span>
              )}
            </dd>
          </div>
        )}
      </dl>
      {d.synopsis && <p className="synopsis">{d.synopsis}</p>}
    </>
  );
}
