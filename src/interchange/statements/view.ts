/**
 * A statement as it is shown, sent and frozen when issued: plain data, money as decimal text in the
 * statement's currency. The services compute it (src/services/money/statements.ts); the writers here
 * lay it out as PDF and XLSX.
 */
import { groupThousands } from '../../domain/money/amounts.js';

export interface MoneyFigure {
  prior: string;
  current: string;
  cumulative: string;
}

export interface StatementLineView extends MoneyFigure {
  label: string;
  kind: string;
  parts?: Array<{ label: string } & MoneyFigure>;
  /** Still to recoup at the end of the period. */
  outstanding?: string;
  /** Expenses spent beyond the caps (never recouped). */
  overCap?: string;
}

export interface StatementView {
  contract: { id: string; ref: string };
  kind: 'licence' | 'mandate';
  /** Who reports and who is paid, by name (the licensee and the licensor, or the sales agent and the producer). */
  parties: { reporter: string; recipient: string };
  period: { key: string; start: string; end: string };
  /** The day the statement is due (the period's end plus the contract's days). */
  dueOn: string;
  currency: string;
  /** The steps of the waterfall, as a person reads them. */
  steps: string[];
  receipts: MoneyFigure;
  lines: StatementLineView[];
  earned: MoneyFigure;
  paidBefore: string;
  due: string;
  /** The contracts whose money is pooled (cross-collateralised) in this statement. */
  pool: string[];
  issued: { id: string; number: number; issuedAt: string; corrects: number | null } | null;
}

/** Money as people read it: "1,500,000.00". */
export const grouped = groupThousands;

export function statementTitle(s: StatementView): string {
  const who = s.kind === 'licence' ? 'Distribution statement' : 'Sales statement';
  return s.issued ? `${who} no. ${s.issued.number}` : `${who} (draft, not issued)`;
}

/** The statement's rows in reading order: receipts, each line and its parts, then what is earned, paid and due. */
export interface StatementRow {
  label: string;
  figure?: MoneyFigure;
  /** A single figure, in the column it belongs to: a balance at the end of the period (cumulative) or this statement's (current). */
  amount?: string;
  column?: 'current' | 'cumulative';
  indent?: boolean;
  strong?: boolean;
}

export function statementRows(s: StatementView): StatementRow[] {
  const rows: StatementRow[] = [];
  rows.push({ label: s.kind === 'licence' ? 'Gross receipts' : 'Collected', figure: s.receipts, strong: true });
  for (const l of s.lines) {
    rows.push({ label: l.label, figure: l });
    for (const p of l.parts ?? []) rows.push({ label: p.label, figure: p, indent: true });
    if (l.outstanding !== undefined && !/^0(\.0+)?$/.test(l.outstanding)) {
      rows.push({ label: 'still to recoup', amount: l.outstanding, column: 'cumulative', indent: true });
    }
    if (l.overCap !== undefined && !/^0(\.0+)?$/.test(l.overCap))
      rows.push({ label: 'spent beyond the cap (not recouped)', amount: l.overCap, column: 'cumulative', indent: true });
  }
  rows.push({ label: `Earned by ${s.parties.recipient}`, figure: s.earned, strong: true });
  rows.push({ label: 'Paid before this statement', amount: s.paidBefore, column: 'current' });
  rows.push({ label: 'Amount due', amount: s.due, column: 'current', strong: true });
  return rows;
}

/** A row's three cells (Prior, Current, Cumulative), empty where it has no figure. */
export function rowCells(r: StatementRow): [string | undefined, string | undefined, string | undefined] {
  if (r.figure) return [r.figure.prior, r.figure.current, r.figure.cumulative];
  return r.column === 'cumulative' ? [undefined, undefined, r.amount] : [undefined, r.amount, undefined];
}
