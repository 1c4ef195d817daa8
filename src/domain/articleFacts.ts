/** The kinds of fact a trade-press article states, as the extractor proposes them and the review accepts them. */
export const FACT_TYPES = [
  'deal',
  'rumour',
  'mandate',
  'selection',
  'withdrawal',
  'award',
  'boxOffice',
  'release',
  'credit',
  'titleCompany',
  'sourceMaterial',
  'productionStatus',
] as const;
export type FactType = (typeof FACT_TYPES)[number];

/** [start, end) character offsets into the article text. */
export type Span = [number, number];
