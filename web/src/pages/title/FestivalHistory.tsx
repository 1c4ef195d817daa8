/** The title's festival selections and awards. */
import { humanize } from '../../lib/format';
import { Link } from '../../lib/router';
import { ColumnHeads } from '../../components/ui';
import { editionName, str, type TitleAward, type TitleSelection } from './detail';

export function FestivalHistory({ selections, awards }: { selections: TitleSelection[]; awards: TitleAward[] }) {
  if (!selections.length && !awards.length) return <p className="muted">No festival selections recorded.</p>;
  return (
    <>
      {selections.length > 0 && (
        <div className="table-wrap table-wrap--plain table-wrap--cards">
          <table className="data data--cards">
            <ColumnHeads columns={['Festival', 'Section', 'Premiere', 'Slot', 'Status']} />
            <tbody>
              {selections.map((s, i) => {
                const ed = editionName(s);
                const withdrawn = s.withdrawn;
                return (
                  <tr key={str(s.id) ?? i} className={withdrawn ? 'is-withdrawn' : undefined}>
                    <td data-label="Festival">
                      {ed.id ? <Link to={`/editions/${encodeURIComponent(ed.id)}`}>{ed.label}</Link> : ed.label}
                    </td>
                    <td data-label="Section">{str(s.section?.name) ?? '—'}</td>
                    <td data-label="Premiere">{humanize(str(s.premiereStatus)) || '—'}</td>
                    <td data-label="Slot">{s.slot ? <span className="badge badge--accent">{humanize(s.slot)}</span> : '—'}</td>
                    <td data-label="Status">
                      {withdrawn ? (
                        <>
                          <span className="badge badge--bad">Withdrawn</span>
                          {str(s.withdrawalReason) && <span className="muted"> “{str(s.withdrawalReason)}”</span>}
                        </>
                      ) : (
                        'Selected'
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {awards.length > 0 && (
        <ul className="awards">
          {awards.map((a, i) => {
            const ed = editionName(a);
            const tiedWith = a.tiedWith;
            return (
              <li key={str(a.id) ?? i}>
                <span className="award-mark" aria-hidden="true">
                  ★
                </span>
                <strong>{str(a.name)}</strong>, {ed.label}
                {a.tied && (
                  <span className="badge badge--accent" title="Shared with another winner">
                    tied
                  </span>
                )}
                {tiedWith.length > 0 && (
                  <span className="muted">
                    {' '}
                    with{' '}
                    {tiedWith.map((t, k) => {
                      const id = str(t.id);
                      const n = str(t.name) ?? '';
                      return (
                        <span key={k}>
                          {k > 0 && ', '}
                          {id ? <Link to={`/titles/${encodeURIComponent(id)}`}>{n}</Link> : n}
                        </span>
                      );
                    })}
                  </span>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}
