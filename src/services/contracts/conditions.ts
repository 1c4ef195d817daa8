/**
 * Conditions at the ends of stored terms (0010_windows, docs/domain.md "Windows that depend on
 * events"): checked from the API's shape, written to and read from the condition columns.
 */
import { checkCondition, describeCondition, type Condition } from '../../domain/conditions.js';
import { invalid } from '../../domain/errors.js';
import type { ConditionInput } from '../../contract/index.js';
import type { ConditionColumns } from '../../store/index.js';

/** The checked condition, or null when none is given; `field` names it in errors ("blocks[0].startCondition"). */
export function checkConditionInput(
  c: ConditionInput | null | undefined,
  date: string | null | undefined,
  field: string,
): Condition | null {
  if (c === null || c === undefined) return null;
  if (date) throw invalid(field, c, `${field}: give a date or a condition, not both`);
  return checkCondition(
    {
      event: c.event,
      territory: c.territory ? c.territory.toUpperCase() : null,
      media: c.event === 'release' ? (c.media ?? null) : null,
      window: null,
      offset: c.offset,
      unit: c.unit,
    },
    field,
  );
}

type End = 'start' | 'end';

/** The condition columns of a rights block or holdback, to select. */
export const CONDITION_COLUMN_NAMES = [
  'start_event',
  'start_territory',
  'start_media',
  'start_offset',
  'start_unit',
  'end_event',
  'end_territory',
  'end_media',
  'end_offset',
  'end_unit',
] as const;

/** The row's columns for the conditions at both ends (nulls where a date applies). */
export function conditionRow(start: Condition | null, end: Condition | null) {
  return {
    start_event: start?.event ?? null,
    start_territory: start?.territory ?? null,
    start_media: start?.media ?? null,
    start_offset: start ? start.offset : null,
    start_unit: start?.unit ?? null,
    end_event: end?.event ?? null,
    end_territory: end?.territory ?? null,
    end_media: end?.media ?? null,
    end_offset: end ? end.offset : null,
    end_unit: end?.unit ?? null,
  };
}

/** The condition stored at one end of a row, or null. */
export function conditionOf(row: Partial<Record<keyof ConditionColumns, string | number | null>>, e: End): Condition | null {
  const event = row[`${e}_event`];
  if (event === null || event === undefined) return null;
  return {
    event: event as Condition['event'],
    territory: (row[`${e}_territory`] as string | null) ?? null,
    media: (row[`${e}_media`] as string | null) ?? null,
    window: null,
    offset: Number(row[`${e}_offset`] ?? 0),
    unit: row[`${e}_unit`] === 'months' ? 'months' : 'days',
  };
}

/** The API's shape of a stored condition. */
export function conditionView(c: Condition | null): (ConditionInput & { label: string }) | null {
  if (!c) return null;
  const { window: _window, ...rest } = c;
  return { ...(rest as ConditionInput), label: describeCondition(c) };
}
