/**
 * Pick territories on a map: click a country to add it to the expression, or
 * to exclude it when the expression already covers it. The expression stays
 * the record (the server reads it); the map shows that reading. The text
 * field is the keyboard way to do the same.
 */
import { geoNaturalEarth1, geoPath } from 'd3-geo';
import { useEffect, useMemo, useState } from 'react';
import { loadWorldShapes, type CountryShape } from '../lib/worldShapes';

const W = 960;
const H = 470;
const EXCL = /\s(?:excl\.?|excluding|except(?: for)?|less|minus|without|but not|other than)\s/i;

/** The expression with a country added, or excluded; null when the expression is too involved to edit safely. */
export function toggleInExpression(expr: string, name: string, included: boolean): string | null {
  const v = expr.trim();
  const hasExcl = EXCL.test(` ${v} `);
  const hasSemi = v.includes(';');
  if (!included) {
    if (!v) return name;
    return hasExcl || hasSemi ? `${v}; ${name}` : `${v}, ${name}`;
  }
  if (!hasExcl && !hasSemi) {
    const items = v.split(/\s*,\s*/);
    const rest = items.filter((i) => i.toLowerCase() !== name.toLowerCase());
    if (rest.length < items.length) return rest.join(', ');
    return `${v} excl. ${name}`;
  }
  if (hasExcl && !hasSemi && v.split(EXCL).length === 2) return `${v}, ${name}`;
  return null;
}

export function TerritoryMapPicker({
  value,
  codes,
  names,
  onChange,
}: {
  value: string;
  codes: string[];
  names: Map<string, string> | undefined;
  onChange: (v: string) => void;
}) {
  const [shapes, setShapes] = useState<Array<CountryShape & { d: string }>>();
  const [hover, setHover] = useState<string | null>(null);
  const [note, setNote] = useState<string>();
  useEffect(() => {
    let live = true;
    loadWorldShapes().then((list) => {
      if (!live) return;
      const projection = geoNaturalEarth1().fitExtent(
        [
          [4, 4],
          [W - 4, H - 4],
        ],
        { type: 'FeatureCollection', features: list.map((s) => s.feature) },
      );
      const path = geoPath(projection);
      setShapes(list.map((s) => ({ ...s, d: path(s.feature) ?? '' })));
    });
    return () => {
      live = false;
    };
  }, []);
  const selected = useMemo(() => new Set(codes), [codes]);

  function pick(code: string | null) {
    if (!code) return;
    const name = names?.get(code) ?? code;
    const next = toggleInExpression(value, name, selected.has(code));
    if (next === null)
      setNote(`The expression is too involved to change from the map: edit the text to ${selected.has(code) ? 'exclude' : 'add'} ${name}.`);
    else {
      setNote(undefined);
      onChange(next);
    }
  }

  return (
    <div className="map-picker">
      <p className="field-hint">
        Click a country to add it, or to exclude it if it is already covered.{' '}
        {hover ? (
          <strong>
            {names?.get(hover) ?? hover}
            {selected.has(hover) ? ' (included)' : ''}
          </strong>
        ) : null}
      </p>
      <svg
        viewBox={`0 0 ${W} ${H}`}
        role="img"
        aria-label={`Map of the territories chosen: ${codes.length} countries`}
        onMouseLeave={() => setHover(null)}
      >
        <rect width={W} height={H} className="ocean" />
        {shapes?.map((s, i) => (
          <path
            key={s.code ?? `x${i}`}
            d={s.d}
            data-code={s.code ?? undefined}
            className={`pick-country${s.code && selected.has(s.code) ? ' is-picked' : ''}${hover === s.code ? ' is-hover' : ''}`}
            onMouseEnter={() => setHover(s.code)}
            onClick={() => pick(s.code)}
          />
        ))}
      </svg>
      {note && <p className="field-error">{note}</p>}
    </div>
  );
}
