/** Where the title's facts come from: each source with the facts taken from it and whether they were reviewed. */
import { formatDate, humanize } from '../../lib/format';
import { ReviewMark } from '../../components/ReviewMark';
import { str, type TitleSource } from './detail';

interface SourceGroup {
  source: TitleSource['source'];
  facts: TitleSource[];
}

/** The title's fact links ({factTable, quote, reviewed, accepted, source}) grouped by their source. */
function groupSources(links: TitleSource[]): SourceGroup[] {
  const groups = new Map<string, SourceGroup>();
  for (const l of links) {
    const k = str(l.source.id) ?? JSON.stringify(l.source);
    if (!groups.has(k)) groups.set(k, { source: l.source, facts: [] });
    groups.get(k)!.facts.push(l);
  }
  return [...groups.values()];
}

export function Sources({ sources }: { sources: TitleSource[] }) {
  const groups = groupSources(sources);
  if (!groups.length) return <p className="muted">No source recorded: these facts were entered by hand.</p>;
  return (
    <ul className="sources">
      {groups.map(({ source: s, facts }, i) => {
        const url = str(s.url);
        const reviewed = facts.filter((f) => f.reviewed).length;
        return (
          <li key={str(s.id) ?? i}>
            <div>
              <strong>{str(s.outlet) ?? (humanize(str(s.kind)) || 'Source')}</strong>
              {str(s.publishedOn) && <span className="muted">, {formatDate(str(s.publishedOn))}</span>}
            </div>
            {str(s.title) && (
              <div className="source-title">
                {url ? (
                  <a href={url} rel="noreferrer noopener" target="_blank">
                    {str(s.title)}
                  </a>
                ) : (
                  str(s.title)
                )}
              </div>
            )}
            {!str(s.title) && url && (
              <a href={url} rel="noreferrer noopener" target="_blank">
                {url}
              </a>
            )}
            {str(s.file) && <div className="muted small">File: {str(s.file)}</div>}
            {facts.length > 0 && (
              <details>
                <summary>
                  {facts.length} {facts.length === 1 ? 'fact' : 'facts'} from it ·{' '}
                  {reviewed === facts.length ? 'all reviewed' : `${facts.length - reviewed} to review`}
                </summary>
                <ul className="facts">
                  {facts.map((f, k) => (
                    <li key={str(f.id) ?? k}>
                      <span className="fact-kind">{humanize(str(f.factTable))}</span> {str(f.quote) ? <q>{str(f.quote)}</q> : null}{' '}
                      <ReviewMark reviewed={!!f.reviewed} kind={str(s.kind)} />
                    </li>
                  ))}
                </ul>
              </details>
            )}
          </li>
        );
      })}
    </ul>
  );
}
