/**
 * One end of a term: a date, or a condition (docs/domain.md, "Windows that depend on events"):
 * "6 months after the theatrical release in DE", "30 days after delivery".
 */
import type { ReactNode } from 'react';
import { newCondition, type ConditionDraft } from '../../lib/dealDraft';
import { Field } from '../../components/ui';

const EVENTS: Array<[ConditionDraft['event'], string]> = [
  ['release', 'release'],
  ['broadcast', 'first broadcast'],
  ['delivery', 'delivery'],
  ['festival-premiere', 'festival premiere'],
];
const RELEASE_MEDIA: Array<[string, string]> = [
  ['theatrical', 'theatrical'],
  ['streaming', 'streaming'],
  ['tv', 'television'],
  ['home-video', 'home video'],
  ['festival', 'festival'],
];

export function TermEndField({
  label,
  name,
  hint,
  date,
  condition,
  onDate,
  onCondition,
  error,
  conditionError,
}: {
  label: string;
  /** The controls' names, which never repeat the label (so the label names the date field alone): "Begins". */
  name: string;
  hint?: ReactNode;
  date: string;
  condition: ConditionDraft | null | undefined;
  onDate: (v: string) => void;
  onCondition: (c: ConditionDraft | null) => void;
  error?: string | null;
  conditionError?: (part: string) => string | null | undefined;
}) {
  const c = condition ?? null;
  const up = (patch: Partial<ConditionDraft>) => onCondition({ ...(c ?? newCondition()), ...patch });
  const partError = (k: string) => conditionError?.(k) ?? null;
  return (
    <div className="term-end span-3" role="group" aria-label={name}>
      <Field label={label} error={error ?? (c ? partError('') : null)} hint={c ? undefined : hint}>
        {(p) => (
          <div className="term-end-row">
            <select
              aria-label={`${name}: on a date or after an event`}
              value={c ? 'event' : 'date'}
              onChange={(e) => onCondition(e.target.value === 'event' ? newCondition() : null)}
            >
              <option value="date">on a date</option>
              <option value="event">after an event</option>
            </select>
            {!c && <input {...p} type="date" value={date} onChange={(e) => onDate(e.target.value)} />}
            {c && (
              <>
                <input
                  aria-label={`${name}: offset`}
                  className="term-end-offset"
                  type="number"
                  value={c.offset}
                  onChange={(e) => up({ offset: e.target.value })}
                />
                <select
                  aria-label={`${name}: unit`}
                  value={c.unit}
                  onChange={(e) => up({ unit: e.target.value as ConditionDraft['unit'] })}
                >
                  <option value="months">months after</option>
                  <option value="days">days after</option>
                </select>
                {c.event === 'release' && (
                  <select aria-label={`${name}: medium`} value={c.media} onChange={(e) => up({ media: e.target.value })}>
                    {RELEASE_MEDIA.map(([v, t]) => (
                      <option key={v} value={v}>
                        the {t}
                      </option>
                    ))}
                  </select>
                )}
                <select
                  aria-label={`${name}: event`}
                  value={c.event}
                  onChange={(e) => up({ event: e.target.value as ConditionDraft['event'] })}
                >
                  {EVENTS.map(([v, t]) => (
                    <option key={v} value={v}>
                      {t}
                    </option>
                  ))}
                </select>
                {(c.event === 'release' || c.event === 'broadcast') && (
                  <input
                    aria-label={`${name}: country`}
                    className="term-end-country"
                    placeholder="in (country code, e.g. DE)"
                    value={c.territory}
                    maxLength={2}
                    onChange={(e) => up({ territory: e.target.value.toUpperCase() })}
                  />
                )}
              </>
            )}
          </div>
        )}
      </Field>
      {c &&
        (['territory', 'media', 'offset', 'unit', 'event'] as const).map(
          (k) =>
            partError(k) && (
              <p key={k} className="field-error">
                {partError(k)}
              </p>
            ),
        )}
    </div>
  );
}
