/**
 * Which money is confidential: the one place that says so (docs/security.md,
 * "Money and who sees it"). A user without the financial-terms permission may
 * neither read nor write these fields; every read that can carry them
 * (contracts, lists and exports, the audit log, article facts, the title page,
 * the market picture, the home page) and every write that can set them
 * (contracts, accepting a press fact) goes by this list.
 *
 * Deal terms are confidential: a contract's minimum guarantee and the price a
 * press fact reports for a deal (accepted, it becomes the contract's MG).
 * Box-office grosses are not: they are public trade information the press
 * prints, shown to everyone; so are the words of a press article itself.
 */
export interface FinancialField {
  /** The record that carries it: a store table, or an article fact's type. */
  entity: 'contracts' | 'deal facts' | 'offers';
  /** The field's name wherever it appears: in the API, the store, the audit log. */
  field: string;
  /** What it is, in the trade's words (for error messages and docs). */
  label: string;
}

export const FINANCIAL_FIELDS: readonly FinancialField[] = [
  { entity: 'contracts', field: 'mg', label: 'minimum guarantee' },
  { entity: 'contracts', field: 'mg_amount', label: 'minimum guarantee (store column)' },
  { entity: 'contracts', field: 'mg_currency', label: 'minimum guarantee currency (store column)' },
  { entity: 'deal facts', field: 'price', label: 'reported deal price' },
  { entity: 'offers', field: 'paymentSchedule', label: "offer's payment schedule" },
  { entity: 'offers', field: 'payment_schedule', label: "offer's payment schedule (store column)" },
];

/**
 * The accounts (migration 0005) are confidential as whole records, not field by field: terms,
 * ledger entries, revenue reports, exchange rates and statements. Their audit entries are hidden
 * from users without the permission, like the records themselves.
 */
export const FINANCIAL_ENTITIES: readonly string[] = [
  'contract_terms',
  'receipts',
  'expenses',
  'payments',
  'revenue_lines',
  'exchange_rates',
  'statements',
];

const NAMES: ReadonlySet<string> = new Set(FINANCIAL_FIELDS.map((f) => f.field));

export function isFinancialField(name: string): boolean {
  return NAMES.has(name);
}

/** The financial fields an object carries as its own keys (present, even when null). */
export function financialFieldsIn(value: unknown): string[] {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return [];
  return Object.keys(value).filter(isFinancialField);
}

/**
 * A copy of `value` without any financial field, at any depth. Parts that
 * carry none are returned as they are (not copied), so a large answer without
 * money costs a walk, not a copy.
 */
export function withoutFinancialFields<T>(value: T): T {
  return strip(value) as T;
}

function strip(v: unknown): unknown {
  if (Array.isArray(v)) {
    let out: unknown[] | null = null;
    for (let i = 0; i < v.length; i++) {
      const x = strip(v[i]);
      if (x !== v[i]) (out ??= v.slice())[i] = x;
    }
    return out ?? v;
  }
  if (v && typeof v === 'object' && isPlain(v)) {
    let out: Record<string, unknown> | null = null;
    for (const [k, x] of Object.entries(v)) {
      if (NAMES.has(k)) {
        out ??= { ...(v as Record<string, unknown>) };
        delete out[k];
        continue;
      }
      const y = strip(x);
      if (y !== x) (out ??= { ...(v as Record<string, unknown>) })[k] = y;
    }
    return out ?? v;
  }
  return v;
}

/** Plain data (JSON-like objects), not a Buffer, a Date or a stream. */
function isPlain(v: object): boolean {
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}
