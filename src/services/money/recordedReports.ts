/**
 * A revenue report already recorded against a contract is not recorded twice: the same report name,
 * or a report whose rows are exactly those of one already recorded (the same file renamed, the same
 * figures sent as JSON) is refused, naming the report and when it was recorded. `replace: true`
 * swaps a report of the same name for the new rows (recordRevenueIn), unless one of its rows lies in
 * a period whose statement is issued.
 */
import type { Kysely } from 'kysely';
import { DomainError } from '../../domain/errors.js';
import { formatAmount, groupThousands } from '../../domain/money/amounts.js';
import type { Database, RevenueLinesTable } from '../../store/index.js';
import { mediaLeafIds, parseMedia } from '../../domain/media.js';
import { parseTerritories, territoryCodes } from '../../domain/territories.js';

/** A report as recorded: its rows, gross by currency and when its rows were written. */
export interface RecordedReport {
  report: string;
  rows: number;
  gross: Record<string, string>;
  /** ISO timestamp of its first row. */
  importedAt: string;
}

/** A row as compared between reports: everything the statement reads from it. */
export type ReportLine = Pick<RevenueLinesTable, 'period' | 'title_id' | 'territory' | 'media' | 'gross' | 'currency' | 'units'>;

/** Refused (409): the report, or one with the same rows, is already recorded for the contract; nothing was written. */
export class RevenueReportRecordedError extends DomainError {
  constructor(
    readonly recorded: RecordedReport,
    /** The name the new report was given. */
    readonly given: string,
    readonly contractRef: string,
  ) {
    super(
      'already-imported',
      'report',
      recorded.report,
      `report: ${recordedText(recorded, given, contractRef)}; nothing was written. ${hint(recorded, given)}`,
    );
  }

  /** The refusal without the HTTP request's way out (for a JSON document's import). */
  get detail(): string {
    return recordedText(this.recorded, this.given, this.contractRef);
  }
}

function recordedText(r: RecordedReport, given: string, ref: string): string {
  const when = `${r.importedAt.slice(0, 16).replace('T', ' ')} UTC`;
  const gross = Object.entries(r.gross)
    .map(([c, a]) => `${c} ${groupThousands(a)}`)
    .join(', ');
  const what = `recorded for ${ref} on ${when} (${r.rows} row${r.rows === 1 ? '' : 's'}${gross ? `, ${gross}` : ''})`;
  return r.report === given ? `"${r.report}" was already ${what}` : `the rows of "${given}" are those of "${r.report}", ${what}`;
}

function hint(r: RecordedReport, given: string): string {
  return r.report === given
    ? 'To replace it, send it again with replace: true'
    : `If it is that report again, nothing needs doing; to replace that report, send it as "${r.report}" with replace: true`;
}

/** The report of that name on the contract, or undefined. */
export async function recordedReport(trx: Kysely<Database>, cid: string, report: string): Promise<RecordedReport | undefined> {
  const rows = await trx
    .selectFrom('revenue_lines')
    .select((eb) => [
      'currency',
      eb.fn.countAll<number>().as('rows'),
      eb.fn.sum<string>('gross').as('gross'),
      eb.fn.min('created_at').as('at'),
    ])
    .where('contract_id', '=', cid)
    .where('report', '=', report)
    .groupBy('currency')
    .orderBy('currency')
    .execute();
  if (!rows.length) return undefined;
  return {
    report,
    rows: rows.reduce((n, r) => n + Number(r.rows), 0),
    gross: Object.fromEntries(rows.map((r) => [r.currency, formatAmount(BigInt(String(r.gross)), r.currency)])),
    importedAt: rows.map((r) => String(r.at)).sort()[0],
  };
}

/** A territory or media expression as the statement reads it (`US` and `United States` alike), else as written. */
function canonical(kind: 'territory' | 'media', expr: string): string {
  // a report repeats the same few places and media on every row: each expression is read once
  const k = `${kind}|${expr}`;
  let c = canonicalSeen.get(k);
  if (c === undefined) {
    try {
      c = (kind === 'territory' ? territoryCodes(parseTerritories(expr)) : mediaLeafIds(parseMedia(expr))).join(',');
    } catch {
      c = expr.trim().toLowerCase();
    }
    if (canonicalSeen.size >= 10_000) canonicalSeen.clear();
    canonicalSeen.set(k, c);
  }
  return c;
}
const canonicalSeen = new Map<string, string>();
const territoryKey = (t: string) => canonical('territory', t);
const mediaKey = (m: string) => canonical('media', m);

const key = (l: ReportLine) =>
  JSON.stringify([l.period, l.title_id, territoryKey(l.territory), mediaKey(l.media), String(l.gross), l.currency, l.units ?? null]);

/** A report name as people tell two apart: case and runs of spaces aside. */
const nameKey = (name: string) => name.trim().replace(/\s+/g, ' ').toLowerCase();

/** The name a report of the contract is recorded under when `name` means it (`NEON Q1 2022 ` is `Neon Q1 2022`), else undefined. */
export async function storedReportName(trx: Kysely<Database>, cid: string, name: string): Promise<string | undefined> {
  const names = await trx.selectFrom('revenue_lines').select('report').distinct().where('contract_id', '=', cid).execute();
  return names.map((r) => r.report).find((r) => nameKey(r) === nameKey(name));
}

/** Another report of the contract (not named `except`) whose rows are exactly `lines`, or undefined. */
export async function sameRowsReport(
  trx: Kysely<Database>,
  cid: string,
  except: string,
  lines: readonly ReportLine[],
): Promise<RecordedReport | undefined> {
  if (!lines.length) return undefined;
  const periods = [...new Set(lines.map((l) => l.period))];
  const want = lines.map(key).sort().join('\n');
  const found = await trx
    .selectFrom('revenue_lines')
    .select(['report', 'period', 'title_id', 'territory', 'media', 'gross', 'currency', 'units'])
    .where('contract_id', '=', cid)
    .where('period', 'in', periods)
    .where('report', '!=', except)
    .execute();
  const byReport = new Map<string, string[]>();
  for (const l of found) byReport.set(l.report, [...(byReport.get(l.report) ?? []), key({ ...l, gross: Number(l.gross) })]);
  for (const [report, keys] of byReport) {
    if (keys.length !== lines.length || keys.sort().join('\n') !== want) continue;
    const whole = await recordedReport(trx, cid, report);
    // the report matches only if it has no rows in other periods either
    if (whole && whole.rows === lines.length) return whole;
  }
  return undefined;
}
