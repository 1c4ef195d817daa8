/**
 * Rights in and out as bars over time, one row per territory and media, with
 * holdbacks and today marked: the shape of a title's exploitation at a glance.
 */
import { useCallback, useRef, useState } from 'react';
import { formatDate, formatPeriod, parseDay, todayIso } from '../lib/format';

export type BarKind = 'in' | 'out' | 'hold' | 'third-party' | 'holdback';

export interface TimelineBar {
  key: string;
  territory: string;
  media: string;
  kind: BarKind;
  start: string | null;
  end: string | null;
  /** e.g. the contract ref and the other party. */
  label: string;
  exclusive?: boolean;
}

const KIND_LABEL: Record<BarKind, string> = {
  in: 'Rights in',
  out: 'Rights out',
  hold: 'On hold (negotiating)',
  'third-party': 'Market intelligence',
  holdback: 'Holdback',
};
const KIND_ORDER: BarKind[] = ['in', 'out', 'hold', 'holdback', 'third-party'];

function ms(iso: string): number {
  return parseDay(iso).getTime();
}

/** Room a year label needs on the axis, in pixels (four digits and a gap). */
const LABEL_ROOM = 44;
const STEPS = [1, 2, 5, 10, 20, 25, 50, 100];

/**
 * The years labelled on an axis from `fromYear` to `toYear` drawn `width`
 * pixels wide: every year when there is room, else every 2nd, 5th, 10th…
 * (multiples of the step, so the labels are round years), never closer
 * than a label's width. Without a known width, at most 12 labels.
 */
export function yearTicks(fromYear: number, toYear: number, width?: number): number[] {
  const span = Math.max(1, toYear - fromYear);
  const fits = (step: number) => (width && width > 0 ? (width * step) / span >= LABEL_ROOM : span / step <= 12);
  const step = STEPS.find(fits) ?? STEPS[STEPS.length - 1];
  const ticks: number[] = [];
  // toYear is the axis's right edge: a label centred there would stick out of it.
  for (let y = Math.ceil(fromYear / step) * step; y < toYear; y += step) ticks.push(y);
  if (!ticks.length) ticks.push(fromYear);
  return ticks;
}

/** The width of the element, kept up to date as the screen turns or the window is resized. */
function useWidth(): [(el: HTMLElement | null) => void, number | undefined] {
  const [width, setWidth] = useState<number>();
  const observer = useRef<ResizeObserver | null>(null);
  const ref = useCallback((el: HTMLElement | null) => {
    observer.current?.disconnect();
    observer.current = null;
    if (!el) return;
    setWidth(el.getBoundingClientRect().width || undefined);
    if (typeof ResizeObserver === 'undefined') return;
    observer.current = new ResizeObserver((entries) => setWidth(entries[0]?.contentRect.width || undefined));
    observer.current.observe(el);
  }, []);
  return [ref, width];
}

export function RightsTimeline({ bars, today = todayIso() }: { bars: TimelineBar[]; today?: string }) {
  const [axisRef, trackWidth] = useWidth();
  if (!bars.length) return null;
  const dated = bars.flatMap((b) => [b.start, b.end]).filter((d): d is string => !!d);
  const hasOpen = bars.some((b) => !b.end);
  let lo = Math.min(ms(today), ...dated.map(ms));
  let hi = Math.max(ms(today), ...dated.map(ms));
  const year = 365.25 * 86_400_000;
  if (hasOpen || hi - lo < 5 * year) hi = Math.max(hi, lo + 5 * year) + (hasOpen ? 2 * year : 0);
  const fromYear = new Date(lo).getUTCFullYear();
  lo = Date.UTC(fromYear, 0, 1);
  const toYear = new Date(hi).getUTCFullYear() + 1;
  hi = Date.UTC(toYear, 0, 1);
  const pct = (t: number) => ((t - lo) / (hi - lo)) * 100;
  const ticks = yearTicks(fromYear, toYear, trackWidth);

  const rows = new Map<string, { territory: string; media: string; bars: TimelineBar[] }>();
  for (const b of [...bars].sort((a, c) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(c.kind))) {
    const k = `${b.territory}\u0000${b.media}`;
    if (!rows.has(k)) rows.set(k, { territory: b.territory, media: b.media, bars: [] });
    rows.get(k)!.bars.push(b);
  }
  const kinds = KIND_ORDER.filter((k) => bars.some((b) => b.kind === k));
  const todayPct = pct(ms(today));

  return (
    <figure className="timeline">
      <figcaption className="visually-hidden">Rights over time by territory and media; today is {formatDate(today)}.</figcaption>
      <div className="tl-row tl-axis" aria-hidden="true">
        <div className="tl-label" />
        <div className="tl-track" ref={axisRef}>
          {ticks.map((y) => (
            <span
              key={y}
              className="tl-tick"
              style={{ left: `${pct(Date.UTC(y, 0, 1))}%`, ...(y === fromYear ? { transform: 'none' } : {}) }}
            >
              {y}
            </span>
          ))}
        </div>
      </div>
      <ul className="tl-rows">
        {[...rows.values()].map((r) => {
          // Overlapping bars of one row go on lanes of their own.
          const laneEnds: number[] = [];
          const lanes = r.bars.map((b) => {
            const s = b.start ? ms(b.start) : -Infinity;
            const e = b.end ? ms(b.end) : Infinity;
            let lane = laneEnds.findIndex((end) => end < s);
            if (lane < 0) lane = laneEnds.push(e) - 1;
            else laneEnds[lane] = e;
            return lane;
          });
          return (
            <li key={`${r.territory}|${r.media}`} className="tl-row">
              <div className="tl-label">
                <span className="tl-territory">{r.territory}</span>
                <span className="tl-media">{r.media}</span>
              </div>
              <div className="tl-track" style={{ height: `${laneEnds.length * 22 + 8}px` }}>
                {ticks.map((y) => (
                  <span key={y} className="tl-grid" style={{ left: `${pct(Date.UTC(y, 0, 1))}%` }} aria-hidden="true" />
                ))}
                <ul className="tl-bars">
                  {r.bars.map((b, i) => {
                    const s = b.start ? pct(ms(b.start)) : 0;
                    const e = b.end ? pct(ms(b.end) + 86_400_000) : 100;
                    const text = `${KIND_LABEL[b.kind]}${b.exclusive === false ? ' (non-exclusive)' : ''}: ${b.label}, ${formatPeriod(b.start, b.end)}`;
                    return (
                      <li
                        key={b.key}
                        className={`tl-bar tl-bar--${b.kind}${b.end ? '' : ' is-open'}${b.exclusive === false ? ' is-nonex' : ''}`}
                        style={{ left: `${s}%`, width: `${Math.max(0.6, e - s)}%`, top: `${4 + lanes[i] * 22}px` }}
                        title={text}
                        tabIndex={0}
                        aria-label={text}
                      >
                        <span className="tl-bar-text" aria-hidden="true">
                          {b.label}
                        </span>
                      </li>
                    );
                  })}
                </ul>
                <span className="tl-today" style={{ left: `${todayPct}%` }} aria-hidden="true" />
              </div>
            </li>
          );
        })}
      </ul>
      <div className="tl-legend" aria-hidden="true">
        {kinds.map((k) => (
          <span key={k} className="tl-legend-item">
            <span className={`tl-key tl-bar--${k}`} /> {KIND_LABEL[k]}
          </span>
        ))}
        <span className="tl-legend-item">
          <span className="tl-key tl-key--today" /> Today ({formatDate(today)})
        </span>
        {hasOpen && <span className="tl-legend-item">▸ open end: perpetuity</span>}
      </div>
    </figure>
  );
}
