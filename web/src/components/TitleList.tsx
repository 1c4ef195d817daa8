import { useState } from 'react';
import { Link } from '../lib/router';

/**
 * The titles of one avails row, linked to their pages. A catalog-wide answer can
 * put thousands of titles in one row: the first `shown` are listed, the rest
 * behind "and N more" (and "show fewer" to fold them again).
 */
export function TitleList({ names, ids, shown = 10 }: { names: string[]; ids: string[]; shown?: number }) {
  const [all, setAll] = useState(false);
  // folding only pays when it hides more than a couple
  const cut = all || names.length <= shown + 2 ? names.length : shown;
  return (
    <>
      {names.slice(0, cut).map((t, k) => (
        <span key={k}>
          {k > 0 && ', '}
          {ids[k] ? <Link to={`/titles/${encodeURIComponent(ids[k])}`}>{t}</Link> : t}
        </span>
      ))}
      {cut < names.length && (
        <>
          {' '}
          <button type="button" className="btn btn--link" onClick={() => setAll(true)}>
            and {(names.length - cut).toLocaleString('en')} more
          </button>
        </>
      )}
      {all && names.length > shown + 2 && (
        <>
          {' '}
          <button type="button" className="btn btn--link" onClick={() => setAll(false)}>
            show fewer
          </button>
        </>
      )}
    </>
  );
}
