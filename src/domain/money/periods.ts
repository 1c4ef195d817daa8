import { formatDay, parseDay, type Day } from '../dates.js';
import { invalid } from '../errors.js';

/**
 * Reporting periods as the accounts name them: "2022-Q1", "2022-H2", "2022" (a calendar year).
 * A contract reports quarterly, semi-annually or annually, and often moves to annual reporting
 * after its first years ("quarterly for three years, annually thereafter").
 */
export type Frequency = 'quarterly' | 'semi-annual' | 'annual';
export const FREQUENCIES: readonly Frequency[] = ['quarterly', 'semi-annual', 'annual'];

export interface Period {
  /** "2022-Q1", "2022-H2" or "2022". */
  readonly key: string;
  readonly start: Day;
  readonly end: Day;
}

const MONTHS: Record<Frequency, number> = { quarterly: 3, 'semi-annual': 6, annual: 12 };

function monthStart(year: number, month0: number): Day {
  return Math.floor(Date.UTC(year, month0, 1) / 86_400_000);
}

function periodOf(year: number, month0: number, f: Frequency): Period {
  const n = MONTHS[f];
  const first = Math.floor(month0 / n) * n;
  const key = f === 'annual' ? String(year) : `${year}-${f === 'quarterly' ? 'Q' : 'H'}${first / n + 1}`;
  return { key, start: monthStart(year, first), end: monthStart(year, first + n) - 1 };
}

/** "2022-Q1" → its days; the field is named in the error. */
export function parsePeriod(text: unknown, field = 'period'): Period {
  const raw = typeof text === 'string' ? text.trim().toUpperCase() : '';
  const m = /^(\d{4})(?:-(Q[1-4]|H[12]))?$/.exec(raw);
  if (!m) throw invalid(field, text, `${field}: "${String(text)}" is not a period such as 2022-Q1, 2022-H2 or 2022`);
  const year = Number(m[1]);
  parseDay(`${m[1]}-01-01`, field); // the product's one range of years
  if (!m[2]) return periodOf(year, 0, 'annual');
  const n = Number(m[2][1]);
  return m[2][0] === 'Q' ? periodOf(year, (n - 1) * 3, 'quarterly') : periodOf(year, (n - 1) * 6, 'semi-annual');
}

/** The period of frequency `f` that holds `day`. */
export function periodContaining(day: Day, f: Frequency): Period {
  const d = new Date(day * 86_400_000);
  return periodOf(d.getUTCFullYear(), d.getUTCMonth(), f);
}

export interface ReportingSchedule {
  frequency: Frequency;
  /** After this many years from `from`, periods become annual (null: never). */
  annualAfterYears?: number | null;
}

/**
 * The reporting periods of a contract from its first day through `through` (inclusive of the period
 * holding it): quarterly (say) until the anniversary after `annualAfterYears`, then calendar years.
 * The period that straddles the switch ends at the switch and the first annual one starts there.
 */
export function reportingPeriods(from: Day, through: Day, s: ReportingSchedule): Period[] {
  const out: Period[] = [];
  const switchYear = s.annualAfterYears == null ? null : new Date(from * 86_400_000).getUTCFullYear() + s.annualAfterYears;
  let day = periodContaining(from, s.frequency).start;
  while (day <= through) {
    const year = new Date(day * 86_400_000).getUTCFullYear();
    const f: Frequency = switchYear !== null && year >= switchYear ? 'annual' : s.frequency;
    const p = periodContaining(day, f);
    out.push(p);
    day = p.end + 1;
  }
  return out;
}

export function describePeriod(p: Period): string {
  return `${p.key} (${formatDay(p.start)} to ${formatDay(p.end)})`;
}
