/** Candidate facts as the article review shows them: their kinds and order, a one-line summary, and the fields an editor may change. */
import { humanize } from '../../lib/format';

export type Span = [number, number];
export type Fields = Record<string, unknown>;

export interface EntityMatch {
  name: string;
  kind: string;
  status: 'known' | 'similar' | 'new' | 'ambiguous';
  id: string | null;
  matched: string | null;
  candidates: Array<{ id: string; name: string; detail?: string }>;
}

export interface Fact {
  id: string;
  position: number;
  type: string;
  fields: Fields;
  confidence: number;
  span: Span;
  spans: Span[];
  quote: string;
  status: 'pending' | 'accepted' | 'rejected';
  resolution: Record<string, EntityMatch>;
  known: { table: string; id: string; sources: number; fromThisArticle: boolean } | null;
  written: { table: string; id: string; existed: boolean } | null;
}

/** A sentence the reader did not read, wholly or in part (`names`: the companies no fact of it names). */
export interface UnreadSentence {
  span: Span;
  partly: boolean;
  names: string[];
  /** Titles the sentence may name (quoted, or in a title's place). */
  titles: string[];
  /** A person read it and found nothing to add (who, when); null while it waits. */
  checked: { by: string | null; at: string } | null;
}

export interface Article {
  id: string;
  title: string | null;
  outlet: string | null;
  publishedOn: string | null;
  url: string | null;
  file: string | null;
  text: string;
  counts: Record<'pending' | 'accepted' | 'rejected', number>;
  facts: Fact[];
  /** Sentences with a sale's words that gave no deal, talks or mandate, or leave out a company they name: for the reviewer to read. */
  unread: UnreadSentence[];
}

export interface ArticleList {
  items: Array<{
    id: string;
    title: string | null;
    outlet: string | null;
    publishedOn: string | null;
    url: string | null;
    createdAt: string;
    counts: Article['counts'];
    /** Sentences listed as not read that no one has checked yet. */
    toRead: number;
  }>;
  total: number;
  page: number;
  pageSize: number;
}

export const TYPE_LABEL: Record<string, string> = {
  deal: 'Deal',
  rumour: 'Rumour',
  mandate: 'Sales mandate',
  selection: 'Festival selection',
  withdrawal: 'Withdrawal',
  award: 'Award',
  boxOffice: 'Box office',
  release: 'Release',
  credit: 'Credit',
  titleCompany: 'Company',
  sourceMaterial: 'Source material',
  productionStatus: 'Production status',
};
export const TYPE_ORDER = [
  'deal',
  'mandate',
  'rumour',
  'selection',
  'withdrawal',
  'award',
  'boxOffice',
  'release',
  'credit',
  'titleCompany',
  'sourceMaterial',
  'productionStatus',
];

const s = (v: unknown): string | null => (typeof v === 'string' && v ? v : null);
const money = (m: unknown) =>
  m && typeof m === 'object'
    ? `${(m as { currency: string }).currency} ${Number((m as { amount: string }).amount).toLocaleString('en-US')}`
    : null;

/** One line, as the trade press would say it. */
export function summary(type: string, f: Fields): string {
  const title = s(f.title) ?? '?';
  switch (type) {
    case 'deal': {
      const fest =
        f.festival && typeof f.festival === 'object'
          ? `${(f.festival as { name: string }).name} ${(f.festival as { year: number | null }).year ?? ''}`.trim()
          : null;
      return [
        `${s(f.buyer)} acquired ${s(f.territories) ?? '(territories not reported)'}${s(f.media) ? `, ${s(f.media)}` : ''} of ${title}`,
        s(f.seller) ? `from ${s(f.seller)}` : null,
        money(f.price) ? `for ${money(f.price)}` : null,
        fest ? `at ${fest}` : null,
      ]
        .filter(Boolean)
        .join(' ');
    }
    case 'rumour':
      return `${s(f.party)}: ${s(f.kind)} about ${title}${s(f.territories) ? ` (${s(f.territories)})` : ''}`;
    case 'mandate':
      return `${s(f.company)} handles ${s(f.territories) ?? 'international'} sales of ${title}`;
    case 'selection':
      return `${title} at ${s(f.festival)} ${f.year ?? '(year?)'}${s(f.section) ? `, ${s(f.section)}` : ''}${s(f.premiere) ? `, ${humanize(s(f.premiere))} premiere` : ''}${s(f.slot) ? `, ${humanize(s(f.slot))}` : ''}`;
    case 'withdrawal':
      return `${title} withdrawn from ${s(f.festival)} ${f.year ?? ''}${s(f.section) ? ` (${s(f.section)})` : ''}${s(f.reason) ? `: “${s(f.reason)}”` : ''}`;
    case 'award':
      return `${title} won the ${s(f.award)}${f.tied ? ' (tied)' : ''} at ${s(f.festival)} ${f.year ?? '(year?)'}${s(f.person) ? `, ${s(f.person)}` : ''}`;
    case 'boxOffice':
      return `${title} grossed ${money({ amount: f.amount, currency: f.currency })} in ${s(f.territory) ?? 'the world'}${s(f.period) ? ` (${s(f.period)})` : ''}`;
    case 'release':
      return `${title} released in ${s(f.territory)}${s(f.date) ? ` on ${s(f.date)}` : ''}${s(f.distributor) ? ` by ${s(f.distributor)}` : ''}`;
    case 'credit':
      return `${s(f.name)}: ${humanize(s(f.role))} of ${title}${s(f.character) ? ` (as ${s(f.character)})` : ''}`;
    case 'titleCompany':
      return `${s(f.company)}: ${humanize(s(f.role))} of ${title}`;
    case 'sourceMaterial':
      return `${title} is adapted from a ${s(f.material)}`;
    case 'productionStatus':
      return `${title}: ${humanize(s(f.status))}`;
    default:
      return title;
  }
}

/** The fields a reviewer may edit, per type (entity fields get a picker when the name is ambiguous). */
export const EDITABLE: Record<string, string[]> = {
  deal: ['title', 'buyer', 'seller', 'territories', 'media', 'start', 'end', 'exclusive', 'status', 'priceAmount', 'priceCurrency'],
  rumour: ['title', 'party'],
  mandate: ['title', 'company', 'territories'],
  selection: ['title', 'festival', 'year', 'section', 'premiere', 'slot'],
  withdrawal: ['title', 'festival', 'year', 'section', 'reason'],
  award: ['title', 'award', 'festival', 'year', 'person'],
  boxOffice: ['title', 'territory', 'amount', 'currency', 'periodStart', 'asOf'],
  release: ['title', 'territory', 'date', 'distributor'],
  credit: ['title', 'role', 'name', 'character'],
  titleCompany: ['title', 'role', 'company'],
  sourceMaterial: ['title', 'material'],
  productionStatus: ['title', 'status'],
};
export const CHOICE_FIELD: Record<string, string> = {
  title: 'titleId',
  buyer: 'buyerId',
  seller: 'sellerId',
  company: 'companyId',
  name: 'personId',
  person: 'personId',
  festival: 'festivalId',
  distributor: 'distributorId',
};

/** Fields edited with a choice instead of free text: [value, label]. */
export const FIELD_CHOICES: Record<string, Array<[string, string]>> = {
  exclusive: [
    ['true', 'Exclusive'],
    ['false', 'Non-exclusive'],
  ],
  status: [
    ['announced', 'Announced'],
    ['signed', 'Signed'],
    ['negotiating', 'In negotiation'],
  ],
};

/** Fields that hold money: shown and sent only to users who may see financial terms. */
export const MONEY_FIELDS = new Set(['priceAmount', 'priceCurrency']);

/** Labels of the fields whose code does not read as a label. */
export const FIELD_LABEL: Record<string, string> = {
  start: 'Term start',
  end: 'Term end',
  exclusive: 'Exclusivity',
  priceAmount: 'Price',
  priceCurrency: 'Currency',
};

/** Hints under fields whose empty value means something. */
export const FIELD_HINT: Record<string, string> = {
  start: 'Empty: the announcement.',
  end: 'Empty: term not reported (recorded as unknown, not perpetuity).',
};

/**
 * The fact's field a server error is about, as the edit form names it: "fields.blocks[0].end" → "end",
 * "fields.price.amount" or "fields.mg.amount" → "priceAmount", "fields.licenseeId" → "buyer",
 * "fields.buyerId" → "buyer". Undefined when the error is not about one of the fact's fields.
 */
export function factFieldKey(serverField: string): string | undefined {
  const m = /^fields\.(.+)$/.exec(serverField);
  if (!m) return undefined;
  const f = m[1];
  const block = /^blocks\[\d+\]\.(\w+)/.exec(f);
  if (block) return block[1].replace(/Condition$/, '');
  const money = /^(?:price|mg)(?:\.(amount|currency))?$/.exec(f);
  if (money) return money[1] === 'currency' ? 'priceCurrency' : 'priceAmount';
  const head = f.split(/[.[]/)[0];
  const PARTY: Record<string, string> = { licensorId: 'seller', licenseeId: 'buyer', titleIds: 'title' };
  if (PARTY[head]) return PARTY[head];
  // a choice among records of the same name: "fields.buyerId" is the Buyer field's
  return /^\w+Id$/.test(head) ? head.slice(0, -2) : head;
}

/** The label a fact's field has on the edit form. */
export const factFieldLabel = (k: string): string => FIELD_LABEL[k] ?? humanize(k);

/** Date fields (a date input). */
export const DATE_FIELDS = new Set(['start', 'end']);

/** A deal's price as the form shows it: its amount and currency as two fields. */
export function fieldValue(fields: Fields, k: string): string {
  const price = fields.price as { amount?: string; currency?: string } | null | undefined;
  if (k === 'priceAmount') return price?.amount ?? '';
  if (k === 'priceCurrency') return price?.currency ?? '';
  if (k === 'exclusive') return fields.exclusive === false ? 'false' : 'true';
  if (k === 'status') return typeof fields.status === 'string' ? fields.status : 'announced';
  const v = fields[k];
  return v === null || v === undefined ? '' : String(v);
}

/** The edited fields as the server reads them: the price's two fields become {amount, currency} (or null). */
export function editedFields(draft: Fields, original: Fields): Fields {
  const out: Fields = {};
  for (const [k, v] of Object.entries(draft)) {
    if (MONEY_FIELDS.has(k)) continue;
    if (k === 'year' || k === 'amountNumber') out[k] = v === '' ? null : Number(v);
    else if (k === 'exclusive') out[k] = v !== 'false';
    else out[k] = v === '' ? null : v;
  }
  if ('priceAmount' in draft || 'priceCurrency' in draft) {
    const amount = String('priceAmount' in draft ? draft.priceAmount : fieldValue(original, 'priceAmount')).trim();
    const currency = String('priceCurrency' in draft ? draft.priceCurrency : fieldValue(original, 'priceCurrency'))
      .trim()
      .toUpperCase();
    out.price = amount ? { amount, currency } : null;
  }
  return out;
}
