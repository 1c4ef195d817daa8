/** A title as the title API answers it (the contract's TitleView), and the helpers its panels share. */
import type { Contract, TitleView } from '../../../../src/contract/index.js';

/**
 * The title page's answer. Its deals come as summaries (the contract's ContractSummary) that
 * useContractDetails replaces by the full contracts; until then the panels read a summary as far as
 * it goes (ids, parties, status, blocks' labels and terms), as they always did.
 */
export type TitleDetail = Omit<TitleView, 'contracts'> & { contracts: Contract[] };
export type TitleSelection = TitleView['selections'][number];
export type TitleAward = TitleView['awards'][number];
export type TitleRelease = TitleView['releases'][number];
export type TitleBoxOffice = TitleView['boxOffice'][number];
export type TitleHolding = TitleView['marketPicture'][number];
export type TitleSource = TitleView['sources'][number];

/** A non-empty text, or undefined (an empty string reads as absent). */
export const str = (v: unknown): string | undefined => (typeof v === 'string' && v ? v : typeof v === 'number' ? String(v) : undefined);

function ordinal(n: number): string {
  const s = ['th', 'st', 'nd', 'rd'];
  const v = n % 100;
  return `${n}${s[(v - 20) % 10] ?? s[v] ?? s[0]}`;
}

/** "69th Berlinale (2019)" from a selection's or award's festival and edition. */
export function editionName(x: {
  festival: { name: string; shortName: string | null };
  edition: { id: string; number: number | null; year: number };
}): { label: string; id?: string } {
  const festName = str(x.festival.shortName) ?? str(x.festival.name) ?? '';
  const num = typeof x.edition.number === 'number' ? `${ordinal(x.edition.number)} ` : '';
  const year = str(x.edition.year);
  return { label: `${num}${festName}${year ? ` ${year}` : ''}`.trim() || '—', id: str(x.edition.id) };
}
