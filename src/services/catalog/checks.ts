/**
 * What a title, its credits and its companies must be before anything is
 * written: the input shapes the API, the CLI and the importers send, and the
 * checks that turn them into checked values (every error names its field).
 */
import type { Kysely } from 'kysely';
import type { AliasInput, CreditEntryInput, TitleCompanyEntryInput, TitleInput } from '../../contract/index.js';
import { DomainError, invalid } from '../../domain/errors.js';
import { parseLanguages } from '../../domain/languages.js';
import { checkNode, SERIES_STATUSES, TITLE_KINDS, TitleTree, type SeriesStatus, type TitleKind } from '../../domain/series.js';
import {
  COMPANY_KINDS,
  CREDIT_ROLES,
  PRODUCTION_STATUSES,
  TITLE_COMPANY_ROLES,
  type CompanyKind,
  type CreditRole,
  type Database,
  type ProductionStatus,
  type TitleCompanyRole,
} from '../../store/index.js';
import { countryCodes, oneOf, optionalInt, optionalOneOf, optionalName, optionalText, requiredName } from '../lookup.js';

/** A record as the title page and the audit name it. */
export type Named = { id: string; name: string };
/** Names a field in an error, e.g. `n => "titles[3]." + n`. */
export type Field = (name: string) => string;
const plain: Field = (n) => n;

// ------------------------------------------------------------------ titles: input

/** The input shapes, declared once in the API contract (src/contract/catalog.ts). */
export type { AliasInput, TitleInput, CreditEntryInput, TitleCompanyEntryInput, CreditInput } from '../../contract/index.js';

export interface CheckedTitle {
  original_title: string;
  english_title: string | null;
  year: number | null;
  countries: string[];
  languages: string[];
  runtime_minutes: number | null;
  synopsis: string | null;
  source_material: string | null;
  source_material_note: string | null;
  production_status: ProductionStatus | null;
  aliases: Array<{ alias: string; language: string | null; kind: string | null }>;
  kind: TitleKind;
  parent_id: string | null;
  number: number | null;
  season_count: number | null;
  episode_count: number | null;
  counts_final: 0 | 1;
  series_status: SeriesStatus | null;
}

function checkLanguages(value: unknown, field: string): string[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw invalid(field, value, `${field}: expected a list of language codes`);
  if (value.length === 0) return [];
  const parsed = parseLanguages(value as string[], field);
  return parsed === null ? [] : [...parsed];
}

function checkAliases(value: unknown, f: Field): CheckedTitle['aliases'] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw invalid(f('aliases'), value, `${f('aliases')}: expected a list of names`);
  return value.map((a, i) => {
    const af = `${f('aliases')}[${i}]`;
    if (typeof a === 'string') return { alias: requiredName(a, af), language: null, kind: null };
    if (typeof a !== 'object' || a === null) throw invalid(af, a, `${af}: expected a name or {alias, language, kind}`);
    const o = a as AliasInput;
    const language = o.language ? (checkLanguages([o.language], `${af}.language`)[0] ?? null) : null;
    return { alias: requiredName(o.alias, `${af}.alias`), language, kind: optionalText(o.kind, `${af}.kind`) };
  });
}

/** Checks a whole title (for create). `f` names the fields in errors, e.g. `n => "titles[3]." + n`. */
export function checkTitle(input: TitleInput, f: Field = plain): CheckedTitle {
  if (typeof input !== 'object' || input === null) throw invalid(f('originalTitle'), input, `${f('originalTitle')}: expected a title`);
  const original = requiredName(input.originalTitle, f('originalTitle'));
  const english = optionalName(input.englishTitle, f('englishTitle'));
  return {
    original_title: original,
    english_title: english === original ? null : english,
    year: optionalInt(input.year, f('year'), 1870, 2200),
    countries: countryCodes(input.countries, f('countries')),
    languages: checkLanguages(input.languages, f('languages')),
    runtime_minutes: optionalInt(input.runtimeMinutes, f('runtimeMinutes'), 1, 10_000),
    synopsis: optionalText(input.synopsis, f('synopsis')),
    source_material: optionalText(input.sourceMaterial, f('sourceMaterial')),
    source_material_note: optionalText(input.sourceMaterialNote, f('sourceMaterialNote')),
    production_status: optionalOneOf(input.productionStatus, PRODUCTION_STATUSES, f('productionStatus')),
    aliases: checkAliases(input.aliases, f),
    kind: input.kind === undefined ? 'film' : oneOf(input.kind, TITLE_KINDS, f('kind')),
    parent_id: optionalText(input.parentId, f('parentId')),
    number: optionalInt(input.number, f('number'), 1, 100_000),
    season_count: optionalInt(input.seasonCount, f('seasonCount'), 0, 100_000),
    episode_count: optionalInt(input.episodeCount, f('episodeCount'), 0, 100_000),
    counts_final: input.countsFinal === true ? 1 : 0,
    series_status: optionalOneOf(input.seriesStatus, SERIES_STATUSES, f('seriesStatus')),
  };
}

/**
 * Checks a title's place in the catalog's tree against the store (docs/domain.md, "Series,
 * seasons and episodes"): its parent exists and is of the right kind, no cycle, its number is
 * free under its parent, and the titles under it may stay there. `id`: the title's id when it
 * exists (an update), else null.
 */
export async function checkPlace(db: Kysely<Database>, id: string | null, c: CheckedTitle, f: Field = plain): Promise<void> {
  if (c.parent_id === null && c.kind === 'film' && id === null) return;
  const tree = new TitleTree();
  const put = (r: { id: string; kind: TitleKind; parent_id: string | null; number: number | null }) =>
    tree.put({ id: r.id, kind: r.kind, parent: r.parent_id, number: r.number });
  const cols = ['id', 'kind', 'parent_id', 'number'] as const;
  // the parent's line up to the top, the parent's children, and the title's own children
  for (let p = c.parent_id, n = 0; p !== null && n < 10; n++) {
    const row = await db.selectFrom('titles').select(cols).where('id', '=', p).executeTakeFirst();
    if (!row) break;
    put(row);
    p = row.parent_id;
  }
  if (c.parent_id !== null)
    for (const row of await db.selectFrom('titles').select(cols).where('parent_id', '=', c.parent_id).execute()) put(row);
  if (id !== null) for (const row of await db.selectFrom('titles').select(cols).where('parent_id', '=', id).execute()) put(row);
  try {
    checkNode(tree, { id: id ?? '\u0000new', kind: c.kind, parent: c.parent_id, number: c.number }, 'title');
  } catch (e) {
    if (e instanceof DomainError) {
      const field = f(e.field.replace(/^title\./, '').replace(/^parent$/, 'parentId'));
      throw new DomainError(e.code, field, e.value, e.message.replace(/^title\.\w+/, field));
    }
    throw e;
  }
}

// ------------------------------------------------------------------ a title's credits and companies, as lists

export interface CheckedCreditEntry {
  personId: string | null;
  name: string | null;
  role: CreditRole;
  character: string | null;
}

export const MAX_CREDITS = 2000;

/** Checks a credit list (null when absent: leave the credits as they are). */
export function checkCreditEntries(value: unknown, field: string): CheckedCreditEntry[] | null {
  if (value === undefined) return null;
  if (!Array.isArray(value)) throw invalid(field, value, `${field}: expected a list of credits`);
  if (value.length > MAX_CREDITS) throw invalid(field, value.length, `${field}: at most ${MAX_CREDITS} credits`);
  return value.map((c, i) => {
    const cf = `${field}[${i}]`;
    if (typeof c !== 'object' || c === null) throw invalid(cf, c, `${cf}: expected {personId or name, role, character?}`);
    const o = c as CreditEntryInput;
    const checked = checkCredit({ role: o.role, character: o.character }, (n) => `${cf}.${n}`);
    const personId = optionalText(o.personId, `${cf}.personId`);
    const name = optionalName(o.name, `${cf}.name`);
    if (!personId && !name) throw invalid(`${cf}.name`, o.name, `${cf}.name: say who (pick a person or type a name)`);
    return { personId, name: personId ? null : name, role: checked.role, character: checked.character };
  });
}

export interface CheckedCompanyEntry {
  companyId: string | null;
  name: string | null;
  kind: CompanyKind | null;
  role: TitleCompanyRole;
}

export function checkCompanyEntries(value: unknown, field: string): CheckedCompanyEntry[] | null {
  if (value === undefined) return null;
  if (!Array.isArray(value)) throw invalid(field, value, `${field}: expected a list of {companyId or name, role}`);
  if (value.length > 500) throw invalid(field, value.length, `${field}: at most 500 companies`);
  return value.map((c, i) => {
    const cf = `${field}[${i}]`;
    if (typeof c !== 'object' || c === null) throw invalid(cf, c, `${cf}: expected {companyId or name, role}`);
    const o = c as TitleCompanyEntryInput;
    const role = oneOf(o.role, TITLE_COMPANY_ROLES, `${cf}.role`);
    const companyId = optionalText(o.companyId, `${cf}.companyId`);
    const name = optionalName(o.name, `${cf}.name`);
    if (!companyId && !name) throw invalid(`${cf}.name`, o.name, `${cf}.name: say which company (pick one or type a name)`);
    const kind = o.kind === undefined || o.kind === null ? null : oneOf(o.kind, COMPANY_KINDS, `${cf}.kind`);
    return { companyId, name: companyId ? null : name, kind, role };
  });
}

// ------------------------------------------------------------------ credits and title companies

export interface CheckedCredit {
  role: CreditRole;
  character: string | null;
  position: number | null;
}

export function checkCredit(input: { role: unknown; character?: unknown; position?: unknown }, f: Field = plain): CheckedCredit {
  const role = oneOf(input.role, CREDIT_ROLES, f('role'));
  const character = optionalText(input.character, f('character'));
  if (character && role !== 'cast') throw invalid(f('character'), character, `${f('character')}: only a cast credit names a character`);
  return { role, character, position: optionalInt(input.position, f('position'), 0, 100_000) };
}

const ENTITY = {
  titles: 'title',
  people: 'person',
  companies: 'company',
  festivals: 'festival',
  festival_editions: 'festival edition',
  sections: 'section',
  sources: 'source',
  selections: 'selection',
  awards: 'award',
} as const;

export async function mustExist(
  db: Kysely<Database>,
  table: 'titles' | 'people' | 'companies' | 'festivals' | 'festival_editions' | 'sections' | 'sources' | 'selections' | 'awards',
  id: string,
  field: string,
): Promise<void> {
  if (typeof id !== 'string' || id === '') throw invalid(field, id, `${field}: required`);
  const row = await db.selectFrom(table).select('id').where('id', '=', id).executeTakeFirst();
  if (!row) throw new DomainError('unknown-id', field, id, `${field}: no ${ENTITY[table]} with id "${id}"`);
}
