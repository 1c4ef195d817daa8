/** A title as the title API answers it, and the helpers its panels use to read the looser nested parts. */
import type { Contract, Money, Ref } from '../../../../src/contract/index.js';

export type Any = Record<string, unknown>;

export interface TitleDetail {
  id: string;
  originalTitle: string;
  englishTitle: string | null;
  year: number | null;
  countries: string[];
  languages?: string[];
  runtimeMinutes?: number | null;
  synopsis?: string | null;
  sourceMaterial?: string | null;
  sourceMaterialNote?: string | null;
  productionStatus?: string | null;
  aliases?: Array<{ alias: string; kind?: string | null } | string>;
  credits: Array<{ role: string; person: Ref; character?: string | null }>;
  companies: Array<{ role: string; company: Ref }>;
  selections?: Any[];
  awards?: Any[];
  releases?: Any[];
  boxOffice?: Any[];
  contracts?: Contract[];
  marketPicture?: unknown;
  sources?: Any[];
}

export const str = (v: unknown): string | undefined => (typeof v === 'string' && v ? v : typeof v === 'number' ? String(v) : undefined);
export const obj = (v: unknown): Any | undefined => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Any) : undefined);
export const nameOf = (v: unknown): string | undefined => str(v) ?? str(obj(v)?.name);

function ordinal(n: number): string {
  const s = ['th', 'st', 'nd', 'rd'];
  const v = n % 100;
  return `${n}${s[(v - 20) % 10] ?? s[v] ?? s[0]}`;
}

/** "69th Berlinale (2019)" from an edition as the server may nest it. */
export function editionName(x: Any): { label: string; id?: string } {
  const ed = obj(x.edition) ?? x;
  const fest = obj(ed.festival) ?? obj(x.festival);
  const festName = str(fest?.shortName) ?? nameOf(fest) ?? str(x.festivalName) ?? '';
  const num = typeof ed.number === 'number' ? `${ordinal(ed.number)} ` : '';
  const year = str(ed.year);
  return { label: `${num}${festName}${year ? ` ${year}` : ''}`.trim() || str(ed.name) || '—', id: str(ed.id) ?? str(x.editionId) };
}

export function moneyOf(x: Any): Money | undefined {
  const m = obj(x.amount) ?? obj(x.gross) ?? obj(x.money);
  if (m && str(m.amount) && str(m.currency)) return { amount: String(m.amount), currency: String(m.currency) };
  if (str(x.amount) && str(x.currency)) return { amount: String(x.amount), currency: String(x.currency) };
  return undefined;
}
