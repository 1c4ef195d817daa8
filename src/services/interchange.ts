/**
 * The JSON interchange format (docs/json-format.md): the whole record written
 * by hand or by a program, with names instead of ids ("Neon", "One Second",
 * "TIFF 2021").
 *
 * `importJson` checks the WHOLE document first and refuses it as a whole,
 * every error naming the record and the field
 * (`contracts[2].blocks[0].territories: unknown territory "Germny". Did you
 * mean: Germany?`). It then writes everything in ONE transaction: contracts
 * go through the same write path as saveContract (`writeContractIn`, with its
 * conflict check, inside this transaction), and any failure rolls the
 * whole document back, leaving the database exactly as it was.
 *
 * `exportJson` writes the same format back, deterministically (sorted by
 * name), so export → import into an empty database → export gives the same
 * document.
 */
import { readFileSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { realpathSync } from 'node:fs';
import type { Kysely } from 'kysely';
import { DomainError, invalid, unknownName } from '../domain/errors.js';
import { closest, normalizeName } from '../domain/fuzzy.js';
import {
  CREDIT_ROLES,
  TITLE_COMPANY_ROLES,
  parseJson,
  toJson,
  type CompanyKind,
  type ContractDirection,
  type ContractStatus,
  type CreditRole,
  type Database,
  type DatePrecision,
  type FestivalKind,
  type NegotiatorSide,
  type PremiereStatus,
  type ProductionStatus,
  type SelectionSlot,
  type SourceKind,
  type TitleCompanyRole,
} from '../store/index.js';
import type { Actor, FilmRights } from './app.js';
import { requireWriter, visibleTo } from './access.js';
import { audit } from './audit.js';
import {
  TitleIndex,
  checkCredit,
  checkTitle,
  insertCredit,
  insertTitle,
  insertTitleCompany,
  type CheckedCredit,
  type CheckedTitle,
} from './catalog.js';
import { checkContract, weCompanyIn, writeContractIn, type CheckedContract, type ContractInput } from './contracts.js';
import {
  FestivalIndex,
  checkAward,
  checkEdition,
  checkFestival,
  checkSelection,
  defaultTieGroup,
  ensureSectionIn,
  findOrCreateEditionIn,
  findOrCreateFestivalIn,
  insertAward,
  insertSelection,
  type CheckedAward,
  type CheckedEdition,
  type CheckedFestival,
  type CheckedSelection,
} from './festivals.js';
import { oneOf, optionalBool, optionalInt, optionalText, requiredText } from './lookup.js';
import {
  checkBoxOffice,
  checkRelease,
  formatReleaseDate,
  insertBoxOffice,
  insertRelease,
  type CheckedBoxOffice,
  type CheckedRelease,
} from './market.js';
import { formatMoney, type Money } from './money.js';
import { NameIndex, checkCompany, findOrCreateCompanyIn, findOrCreatePersonIn, type CheckedCompany } from './people.js';
import {
  checkFactLink,
  checkSource,
  insertFactLink,
  insertSource,
  titleCompanyFactId,
  type CheckedSource,
  type FactTable,
} from './provenance.js';

export const FORMAT = 'filmrights/1';

/** `file` resolved inside `baseDir` (symbolic links followed), or null when it points outside it. */
export function sourceFilePath(baseDir: string, file: string): string | null {
  if (isAbsolute(file) || file.includes('\0')) return null;
  let base: string;
  let target: string;
  try {
    base = realpathSync(baseDir);
    target = realpathSync(resolve(base, file));
  } catch {
    const lexical = resolve(baseDir, file);
    const rel = relative(resolve(baseDir), lexical);
    return rel && !rel.startsWith('..') && !isAbsolute(rel) ? lexical : null;
  }
  const rel = relative(base, target);
  return rel && !rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel) ? target : null;
}

// ------------------------------------------------------------------ the document

export interface CompanyDoc {
  name: string;
  kind: CompanyKind;
  country?: string | null;
}
export interface PersonDoc {
  name: string;
  sortName?: string | null;
}
export interface CreditDoc {
  role: CreditRole;
  name: string;
  character?: string | null;
}
export interface TitleCompanyDoc {
  role: TitleCompanyRole;
  name: string;
}
export interface AliasDoc {
  alias: string;
  language?: string | null;
  kind?: string | null;
}
export interface TitleDoc {
  /** The title as the catalog shows it (the English title when there is one). */
  title: string;
  /** The title as released at home, when it differs ("一秒钟"). */
  originalTitle?: string | null;
  year?: number | null;
  countries?: string[];
  languages?: string[];
  runtimeMinutes?: number | null;
  synopsis?: string | null;
  sourceMaterial?: string | null;
  sourceMaterialNote?: string | null;
  productionStatus?: ProductionStatus | null;
  aliases?: Array<string | AliasDoc>;
  credits?: CreditDoc[];
  companies?: TitleCompanyDoc[];
}
export interface BlockDoc {
  /** One of the contract's titles; absent: every title of the contract. */
  title?: string;
  territories: string;
  media: string;
  languages?: string[] | string | null;
  start?: string | null;
  end?: string | null;
  exclusive?: boolean;
}
export interface HoldbackDoc {
  title?: string;
  territories: string;
  media: string;
  start?: string | null;
  end?: string | null;
  description: string;
}
export interface NegotiatorDoc {
  name: string;
  company?: string | null;
  side: NegotiatorSide;
}
/** An edition: "TIFF 2021", or {festival, year} / {festival, number}. */
export type EditionRef = string | { festival: string; year?: number; number?: number };
export interface ContractDoc {
  ref: string;
  direction?: ContractDirection;
  status: ContractStatus;
  licensor?: string | null;
  licensee?: string | null;
  salesAgent?: string | null;
  titles: string[];
  blocks?: BlockDoc[];
  holdbacks?: HoldbackDoc[];
  negotiators?: NegotiatorDoc[];
  mg?: Money | null;
  signedOn?: string | null;
  announcedOn?: string | null;
  edition?: EditionRef | null;
  notes?: string | null;
  /** Why the deal was saved although it conflicts (recorded; lets the import save it). */
  overrideReason?: string | null;
}
export interface SelectionDoc {
  title: string;
  section?: string | null;
  premiereStatus?: PremiereStatus | null;
  slot?: SelectionSlot | null;
  withdrawn?: boolean;
  withdrawalReason?: string | null;
}
export interface AwardDoc {
  name: string;
  title: string;
  person?: string | null;
  tied?: boolean;
  tieGroup?: string | null;
}
export interface EditionDoc {
  number?: number | null;
  year: number;
  start?: string | null;
  end?: string | null;
  sections?: string[];
  selections?: SelectionDoc[];
  awards?: AwardDoc[];
}
export interface FestivalDoc {
  name: string;
  shortName?: string | null;
  aliases?: string[];
  kind?: FestivalKind;
  country?: string | null;
  city?: string | null;
  editions?: EditionDoc[];
}
export interface ReleaseDoc {
  title: string;
  territory: string;
  date?: string | null;
  precision?: DatePrecision;
  distributor?: string | null;
  kind?: string;
}
export interface BoxOfficeDoc {
  title: string;
  territory?: string | null;
  amount: string;
  currency: string;
  periodStart?: string | null;
  periodEnd?: string | null;
  asOf?: string | null;
  cumulative?: boolean;
}

export const FACT_KINDS = [
  'title',
  'alias',
  'person',
  'company',
  'credit',
  'titleCompany',
  'contract',
  'festival',
  'edition',
  'selection',
  'award',
  'release',
  'boxOffice',
] as const;
export type FactKind = (typeof FACT_KINDS)[number];
/** Which fact a text span states, by names (only the keys its kind needs). */
export interface FactDoc {
  fact: FactKind;
  title?: string;
  alias?: string;
  name?: string;
  role?: string;
  company?: string;
  ref?: string;
  festival?: string;
  year?: number;
  award?: string;
  territory?: string | null;
  quote?: string | null;
  /** [start, end) character offsets into the source text; found from the quote when absent. */
  span?: [number, number] | null;
  reviewed?: boolean;
  accepted?: boolean;
}
export interface SourceDoc {
  kind?: SourceKind;
  outlet?: string | null;
  publishedOn?: string | null;
  url?: string | null;
  /** A file the text is read from (relative to the document) when `text` is absent. */
  file?: string | null;
  title?: string | null;
  text?: string | null;
  facts?: FactDoc[];
}

export interface InterchangeDocument {
  format?: string;
  /** The company running the install: makes contracts rights-in or rights-out. */
  we?: string | null;
  companies?: CompanyDoc[];
  people?: PersonDoc[];
  titles?: TitleDoc[];
  contracts?: ContractDoc[];
  festivals?: FestivalDoc[];
  releases?: ReleaseDoc[];
  boxOffice?: BoxOfficeDoc[];
  sources?: SourceDoc[];
}

export interface ImportIssue {
  field: string;
  message: string;
  suggestions: string[];
}

/** The document was refused as a whole; nothing was written. `issues` lists every error found. */
export class ImportError extends DomainError {
  constructor(readonly issues: ImportIssue[]) {
    super(
      'invalid-document',
      issues[0]?.field ?? 'document',
      null,
      issues.length === 1
        ? issues[0].message
        : `${issues.length} errors, nothing was imported:\n${issues.map((i) => `  ${i.message}`).join('\n')}`,
      issues[0]?.suggestions ?? [],
    );
    this.name = 'ImportError';
  }
}

export interface ImportSummary {
  companies: number;
  people: number;
  titles: number;
  contracts: number;
  festivals: number;
  editions: number;
  selections: number;
  awards: number;
  releases: number;
  boxOffice: number;
  sources: number;
  facts: number;
}

export interface ImportOptions {
  /** Where `sources[].file` paths are read from (the document's folder). Without it, a source needs its `text`. */
  baseDir?: string;
}

// ------------------------------------------------------------------ import: the plan

const NEW = 'new:';

interface TitlePlan {
  key: string;
  checked: CheckedTitle;
  credits: Array<{ personKey: string; checked: CheckedCredit }>;
  companies: Array<{ companyKey: string; role: TitleCompanyRole }>;
}
interface EditionPlan {
  key: string;
  festivalKey: string;
  checked: CheckedEdition;
  sections: string[];
  selections: Array<{ titleKey: string; checked: CheckedSelection }>;
  awards: Array<{ titleKey: string; personKey: string | null; checked: CheckedAward }>;
}
interface FactPlan {
  field: string;
  doc: FactDoc;
  table: FactTable;
  keys: Record<string, string | number | null>;
}
interface SourcePlan {
  checked: CheckedSource;
  facts: FactPlan[];
}

/** Issues are collected, never thrown, until the whole document has been read. */
class Collector {
  readonly issues: ImportIssue[] = [];
  attempt<T>(fn: () => T): T | undefined {
    try {
      return fn();
    } catch (e) {
      if (e instanceof ImportError) this.issues.push(...e.issues);
      else if (e instanceof DomainError) this.issues.push({ field: e.field, message: e.message, suggestions: e.suggestions });
      else throw e;
      return undefined;
    }
  }
  add(field: string, message: string, suggestions: string[] = []): void {
    this.issues.push({ field, message: `${field}: ${message}`, suggestions });
  }
}

function list<T>(doc: Record<string, unknown>, key: string, c: Collector, field = key): T[] {
  const v = doc[key];
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) {
    c.add(field, 'expected a list');
    return [];
  }
  return v
    .map((x, i) => {
      if (typeof x !== 'object' || x === null || Array.isArray(x)) c.add(`${field}[${i}]`, 'expected an object');
      return x as T;
    })
    .filter((x) => typeof x === 'object' && x !== null);
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const KNOWN_KEYS: Record<string, readonly string[]> = {
  document: [
    'format',
    'we',
    'companies',
    'people',
    'titles',
    'contracts',
    'festivals',
    'releases',
    'boxOffice',
    'sources',
    '$schema',
    'about',
  ],
};

/** Reads the whole document against the database as `trx` sees it; returns the plan or the issues. */
async function plan(trx: Kysely<Database>, doc: InterchangeDocument, opts: ImportOptions) {
  const c = new Collector();
  if (!isObject(doc)) throw new ImportError([{ field: 'document', message: 'document: expected a JSON object', suggestions: [] }]);
  for (const k of Object.keys(doc)) {
    if (!KNOWN_KEYS.document.includes(k)) c.add(k, `unknown section "${k}"`, closest(k, KNOWN_KEYS.document, 3));
  }
  if (doc.format !== undefined && doc.format !== FORMAT) c.add('format', `"${String(doc.format)}" is not "${FORMAT}"`);
  const d = doc as unknown as Record<string, unknown>;

  // --- companies
  const companies = await NameIndex.load(trx, 'companies');
  const newCompanies: Array<{ key: string; checked: CheckedCompany }> = [];
  list<CompanyDoc>(d, 'companies', c).forEach((co, i) => {
    const checked = c.attempt(() => checkCompany(co, (n) => `companies[${i}].${n}`));
    if (!checked) return;
    if (companies.find(checked.name)) return; // already known: kept as it is
    const key = `${NEW}company:${i}`;
    companies.add(checked.name, key);
    newCompanies.push({ key, checked });
  });
  const companyRef = (name: unknown, field: string): string | undefined =>
    c.attempt(() => {
      const n = requiredText(name, field);
      const id = companies.find(n);
      if (!id) throw unknownName(field, n, 'company', closest(n, companies.names, 3));
      return id;
    });
  const optionalCompany = (name: unknown, field: string): string | null | undefined =>
    name === undefined || name === null || name === '' ? null : companyRef(name, field);

  // --- people (named anywhere: created when new)
  const people = await NameIndex.load(trx, 'people');
  const newPeople: Array<{ key: string; name: string; sortName: string | null }> = [];
  const personRef = (name: unknown, field: string, sortName: string | null = null): string | undefined =>
    c.attempt(() => {
      const n = requiredText(name, field);
      const id = people.find(n);
      if (id) return id;
      const key = `${NEW}person:${newPeople.length}`;
      people.add(n, key);
      newPeople.push({ key, name: n, sortName });
      return key;
    });
  list<PersonDoc>(d, 'people', c).forEach((p, i) => {
    const sort = c.attempt(() => optionalText(p.sortName, `people[${i}].sortName`)) ?? null;
    personRef(p.name, `people[${i}].name`, sort);
  });

  // --- we
  let we: string | null | undefined;
  if (doc.we !== undefined && doc.we !== null) we = companyRef(doc.we, 'we');

  // --- titles
  const titles = await TitleIndex.load(trx);
  const titlePlans: TitlePlan[] = [];
  list<TitleDoc>(d, 'titles', c).forEach((t, i) => {
    const f = (n: string) => `titles[${i}].${n === 'englishTitle' ? 'title' : n}`;
    const hasOriginal = t.originalTitle !== undefined && t.originalTitle !== null && t.originalTitle !== '';
    const checked = c.attempt(() =>
      checkTitle(
        { ...t, originalTitle: (hasOriginal ? t.originalTitle : t.title) as string, englishTitle: hasOriginal ? t.title : null },
        (n) => (n === 'originalTitle' && !hasOriginal ? f('title') : f(n)),
      ),
    );
    if (!checked) return;
    const display = checked.english_title ?? checked.original_title;
    const dup = titles.find(display, checked.year);
    if (dup.length) {
      c.add(
        f('title'),
        `"${display}"${checked.year ? ` (${checked.year})` : ''} is already in the catalog${dup[0].startsWith(NEW) ? ' (listed twice in this document)' : ''}`,
      );
      return;
    }
    const key = `${NEW}title:${i}`;
    titles.add(key, [checked.english_title, checked.original_title, ...checked.aliases.map((a) => a.alias)], checked.year);
    const p: TitlePlan = { key, checked, credits: [], companies: [] };
    list<CreditDoc>(t as unknown as Record<string, unknown>, 'credits', c, f('credits')).forEach((cr, j) => {
      const cf = (n: string) => `${f('credits')}[${j}].${n}`;
      const cc = c.attempt(() => checkCredit(cr, cf));
      const pk = personRef(cr.name, cf('name'));
      if (cc && pk) p.credits.push({ personKey: pk, checked: cc });
    });
    list<TitleCompanyDoc>(t as unknown as Record<string, unknown>, 'companies', c, f('companies')).forEach((tc, j) => {
      const tf = (n: string) => `${f('companies')}[${j}].${n}`;
      const role = c.attempt(() => oneOf(tc.role, TITLE_COMPANY_ROLES, tf('role')));
      const ck = companyRef(tc.name, tf('name'));
      if (role && ck) p.companies.push({ companyKey: ck, role });
    });
    titlePlans.push(p);
  });
  const titleRef = (name: unknown, field: string): string | undefined => c.attempt(() => titles.resolve(name, field));

  // --- festivals and editions
  const festivals = await FestivalIndex.load(trx);
  const dbEditions = await trx.selectFrom('festival_editions').select(['id', 'festival_id', 'number', 'year']).execute();
  const editions: Array<{ key: string; festivalKey: string; number: number | null; year: number }> = dbEditions.map((e) => ({
    key: e.id,
    festivalKey: e.festival_id,
    number: e.number,
    year: e.year,
  }));
  const festivalPlans: Array<{ key: string; checked: CheckedFestival }> = [];
  const editionPlans: EditionPlan[] = [];
  const selectionKeys = new Set<string>();
  const dbSelections = await trx.selectFrom('selections').select(['edition_id', 'title_id']).execute();
  for (const s of dbSelections) selectionKeys.add(`${s.edition_id}|${s.title_id}`);
  list<FestivalDoc>(d, 'festivals', c).forEach((fe, i) => {
    const f = (n: string) => `festivals[${i}].${n}`;
    const checked = c.attempt(() => checkFestival(fe, f));
    if (!checked) return;
    let fkey = festivals.find(checked.name) ?? (checked.short_name ? festivals.find(checked.short_name) : undefined);
    if (!fkey) {
      fkey = `${NEW}festival:${i}`;
      festivals.add(fkey, [checked.name, checked.short_name, ...checked.aliases]);
      festivalPlans.push({ key: fkey, checked });
    }
    const festivalKey = fkey;
    list<EditionDoc>(fe as unknown as Record<string, unknown>, 'editions', c, f('editions')).forEach((ed, j) => {
      const ef = (n: string) => `${f('editions')}[${j}].${n}`;
      const ec = c.attempt(() => checkEdition(ed, ef));
      if (!ec) return;
      const existing = editions.find(
        (e) => e.festivalKey === festivalKey && (ec.number !== null ? e.number === ec.number : e.number === null && e.year === ec.year),
      );
      if (existing && existing.key.startsWith(NEW)) {
        c.add(ef(ec.number !== null ? 'number' : 'year'), `this edition is listed twice for ${checked.name}`);
        return;
      }
      const key = existing?.key ?? `${NEW}edition:${i}:${j}`;
      if (!existing) editions.push({ key, festivalKey, number: ec.number, year: ec.year });
      const ep: EditionPlan = { key, festivalKey, checked: ec, sections: [], selections: [], awards: [] };
      if (ed.sections !== undefined && !Array.isArray(ed.sections)) c.add(ef('sections'), 'expected a list of section names');
      else
        (ed.sections ?? []).forEach((s, k) => {
          const n = c.attempt(() => requiredText(s, `${ef('sections')}[${k}]`));
          if (n) ep.sections.push(n);
        });
      list<SelectionDoc>(ed as unknown as Record<string, unknown>, 'selections', c, ef('selections')).forEach((s, k) => {
        const sf = (n: string) => `${ef('selections')}[${k}].${n}`;
        const sc = c.attempt(() => checkSelection(s, sf));
        const tk = titleRef(s.title, sf('title'));
        if (!sc || !tk) return;
        if (selectionKeys.has(`${key}|${tk}`)) {
          c.add(sf('title'), `"${s.title}" is already selected at this edition`);
          return;
        }
        selectionKeys.add(`${key}|${tk}`);
        ep.selections.push({ titleKey: tk, checked: sc });
      });
      list<AwardDoc>(ed as unknown as Record<string, unknown>, 'awards', c, ef('awards')).forEach((a, k) => {
        const af = (n: string) => `${ef('awards')}[${k}].${n}`;
        const ac = c.attempt(() => checkAward(a, af));
        const tk = titleRef(a.title, af('title'));
        const pk = a.person === undefined || a.person === null || a.person === '' ? null : personRef(a.person, af('person'));
        if (!ac || !tk || pk === undefined) return;
        ep.awards.push({ titleKey: tk, personKey: pk, checked: ac });
      });
      editionPlans.push(ep);
    });
  });
  const editionRef = (ref: unknown, field: string): string | undefined =>
    c.attempt(() => {
      let festivalName: string;
      let year: number | undefined;
      let number: number | undefined;
      if (typeof ref === 'string') {
        const m = /^(.*\S)\s+(\d{4})$/.exec(ref.trim());
        if (!m) throw invalid(field, ref, `${field}: "${ref}" is not an edition; write the festival and the year, e.g. "TIFF 2021"`);
        [festivalName, year] = [m[1], Number(m[2])];
      } else if (isObject(ref)) {
        festivalName = requiredText(ref.festival, `${field}.festival`);
        year = optionalInt(ref.year, `${field}.year`, 1870, 2200) ?? undefined;
        number = optionalInt(ref.number, `${field}.number`, 1, 10_000) ?? undefined;
        if (year === undefined && number === undefined)
          throw invalid(`${field}.year`, ref.year, `${field}.year: give the edition's year or number`);
      } else throw invalid(field, ref, `${field}: expected an edition, e.g. "TIFF 2021"`);
      const fk = festivals.find(festivalName);
      if (!fk) throw unknownName(`${field}`, festivalName, 'festival', closest(festivalName, festivals.names, 3));
      const found = editions.filter((e) => e.festivalKey === fk && (number !== undefined ? e.number === number : e.year === year));
      if (found.length === 1) return found[0].key;
      if (found.length > 1)
        throw invalid(field, ref, `${field}: ${festivalName} has ${found.length} editions in ${year}; give {festival, number}`);
      throw invalid(
        field,
        ref,
        `${field}: ${festivalName} has no edition ${number !== undefined ? `number ${number}` : `in ${year}`} (add it under festivals[].editions)`,
      );
    });

  // --- contracts
  const refs = new Set((await trx.selectFrom('contracts').select('ref').execute()).map((r) => r.ref));
  const contractPlans: Array<{ field: string; checked: CheckedContract }> = [];
  list<ContractDoc>(d, 'contracts', c).forEach((k, i) => {
    const f = (n: string) => `contracts[${i}].${n}`;
    const ref = c.attempt(() => requiredText(k.ref, f('ref')));
    if (ref && refs.has(ref))
      c.add(
        f('ref'),
        `a contract "${ref}" already exists${contractPlans.some((p) => p.checked.input.ref === ref) ? ' (listed twice in this document)' : ''}`,
      );
    if (ref) refs.add(ref);
    if (!Array.isArray(k.titles) || k.titles.length === 0) {
      c.add(f('titles'), 'a contract names at least one title');
      return;
    }
    const titleIds = k.titles.map((t, j) => titleRef(t, `${f('titles')}[${j}]`));
    const licensorId = optionalCompany(k.licensor, f('licensor'));
    const licenseeId = optionalCompany(k.licensee, f('licensee'));
    const salesAgentId = optionalCompany(k.salesAgent, f('salesAgent'));
    const editionId = k.edition === undefined || k.edition === null || k.edition === '' ? null : editionRef(k.edition, f('edition'));
    const blocks = list<BlockDoc>(k as unknown as Record<string, unknown>, 'blocks', c, f('blocks'));
    const blockTitles = blocks.map((b, j) =>
      b.title === undefined || b.title === null ? undefined : titleRef(b.title, `${f('blocks')}[${j}].title`),
    );
    const holdbacks = list<HoldbackDoc>(k as unknown as Record<string, unknown>, 'holdbacks', c, f('holdbacks'));
    const holdbackTitles = holdbacks.map((h, j) =>
      h.title === undefined || h.title === null ? undefined : titleRef(h.title, `${f('holdbacks')}[${j}].title`),
    );
    const negotiators = list<NegotiatorDoc>(k as unknown as Record<string, unknown>, 'negotiators', c, f('negotiators')).map((n, j) => ({
      personId: personRef(n.name, `${f('negotiators')}[${j}].name`),
      companyId: optionalCompany(n.company, `${f('negotiators')}[${j}].company`),
      side: n.side,
    }));
    const overrideReason = c.attempt(() => optionalText(k.overrideReason, f('overrideReason')));
    // A name that did not resolve is reported already; the rest of the record is still checked.
    const unresolved =
      titleIds.some((t) => !t) ||
      [licensorId, licenseeId, salesAgentId, editionId].some((x) => x === undefined) ||
      negotiators.some((n) => !n.personId || n.companyId === undefined) ||
      blocks.some((b, j) => b.title && !blockTitles[j]) ||
      holdbacks.some((h, j) => h.title && !holdbackTitles[j]);
    const placeholder = `${NEW}unresolved`;
    if (licensorId && licensorId === licenseeId) c.add(f('licensee'), 'the licensee is the licensor');
    const input: ContractInput = {
      ref: ref ?? undefined,
      direction: k.direction,
      status: k.status,
      licensorId,
      licenseeId,
      salesAgentId,
      titleIds: titleIds.map((t) => t ?? placeholder),
      blocks: blocks.map((b, j) => ({
        ...(b.title ? { titleId: blockTitles[j] ?? placeholder } : {}),
        territories: b.territories,
        media: b.media,
        languages: b.languages ?? null,
        start: b.start ?? null,
        end: b.end ?? null,
        exclusive: b.exclusive ?? true,
      })),
      holdbacks: holdbacks.map((h, j) => ({
        ...(h.title ? { titleId: holdbackTitles[j] ?? placeholder } : {}),
        territories: h.territories,
        media: h.media,
        start: h.start ?? null,
        end: h.end ?? null,
        description: h.description,
      })),
      negotiators: negotiators.map((n) => ({ personId: n.personId ?? placeholder, companyId: n.companyId ?? null, side: n.side })),
      // absent, not null, when the document has none: only users with the financial-terms permission may set an MG
      ...(k.mg !== undefined ? { mg: k.mg } : {}),
      signedOn: k.signedOn ?? null,
      announcedOn: k.announcedOn ?? null,
      editionId,
      notes: c.attempt(() => optionalText(k.notes, f('notes'))) ?? null,
      override: overrideReason ? { reason: overrideReason } : null,
    };
    const checked = c.attempt(() => checkContract(input, f));
    if (checked && !unresolved) contractPlans.push({ field: `contracts[${i}]`, checked });
  });

  // --- releases and box office
  const releasePlans: Array<{ titleKey: string; distributorKey: string | null; checked: CheckedRelease }> = [];
  list<ReleaseDoc>(d, 'releases', c).forEach((r, i) => {
    const f = (n: string) => `releases[${i}].${n}`;
    const tk = titleRef(r.title, f('title'));
    const dk = optionalCompany(r.distributor, f('distributor'));
    const checked = c.attempt(() => checkRelease(r, f));
    if (tk && dk !== undefined && checked) releasePlans.push({ titleKey: tk, distributorKey: dk, checked });
  });
  const boxOfficePlans: Array<{ titleKey: string; checked: CheckedBoxOffice }> = [];
  list<BoxOfficeDoc>(d, 'boxOffice', c).forEach((b, i) => {
    const f = (n: string) => `boxOffice[${i}].${n}`;
    const tk = titleRef(b.title, f('title'));
    const checked = c.attempt(() => checkBoxOffice(b, f));
    if (tk && checked) boxOfficePlans.push({ titleKey: tk, checked });
  });

  // --- sources and the facts they state
  const sourcePlans: SourcePlan[] = [];
  list<SourceDoc>(d, 'sources', c).forEach((s, i) => {
    const f = (n: string) => `sources[${i}].${n}`;
    let text = s.text ?? null;
    if (text === null && typeof s.file === 'string' && s.file.trim() && opts.baseDir) {
      // a source file is read from the document's own folder (or below it), never from elsewhere
      const path = sourceFilePath(opts.baseDir, s.file);
      if (!path)
        c.add(f('file'), `"${s.file}" is not a file in the document's folder: give a relative path such as "articles/one-second.txt"`);
      else {
        try {
          text = readFileSync(path, 'utf8');
        } catch {
          c.add(f('file'), `cannot read "${s.file}" in the document's folder`);
        }
      }
    }
    const checked = c.attempt(() => checkSource({ ...s, text }, f));
    if (!checked) return;
    const facts: FactPlan[] = [];
    list<FactDoc>(s as unknown as Record<string, unknown>, 'facts', c, f('facts')).forEach((fact, j) => {
      const ff = `${f('facts')}[${j}]`;
      const kind = c.attempt(() => oneOf(fact.fact, FACT_KINDS, `${ff}.fact`));
      if (!kind) return;
      const fp = c.attempt(() =>
        factPlan(kind, fact, ff, { titleRef: (n, fld) => titles.resolve(n, fld), companies, people, festivals, editions }),
      );
      if (!fp) return;
      const span = fact.span;
      if (span !== undefined && span !== null && (!Array.isArray(span) || span.length !== 2)) {
        c.add(`${ff}.span`, 'expected [start, end]');
        return;
      }
      const link = c.attempt(() =>
        checkFactLink(
          {
            sourceId: '',
            factTable: fp.table,
            factId: '',
            quote: fact.quote ?? null,
            spanStart: span?.[0] ?? null,
            spanEnd: span?.[1] ?? null,
            reviewed: fact.reviewed ?? false,
            accepted: fact.accepted ?? false,
          },
          checked.text,
          (n) => `${ff}.${n}`,
        ),
      );
      if (!link) return;
      c.attempt(() => optionalBool(fact.reviewed, `${ff}.reviewed`));
      facts.push(fp);
    });
    sourcePlans.push({ checked, facts });
  });

  return {
    issues: c.issues,
    we,
    newCompanies,
    newPeople,
    titlePlans,
    festivalPlans,
    editionPlans,
    contractPlans,
    releasePlans,
    boxOfficePlans,
    sourcePlans,
    companies,
    titles,
  };
}

interface FactContext {
  titleRef: (name: unknown, field: string) => string;
  companies: NameIndex;
  people: NameIndex;
  festivals: FestivalIndex;
  editions: Array<{ key: string; festivalKey: string; number: number | null; year: number }>;
}

/** Resolves a fact's names to keys (ids or new-record keys); the row itself is found after the writes. */
function factPlan(kind: FactKind, fact: FactDoc, ff: string, ctx: FactContext): FactPlan {
  const need = (key: keyof FactDoc): string => requiredText(fact[key], `${ff}.${key}`);
  const company = (key: keyof FactDoc) => {
    const n = need(key);
    const id = ctx.companies.find(n);
    if (!id) throw unknownName(`${ff}.${key}`, n, 'company', closest(n, ctx.companies.names, 3));
    return id;
  };
  const person = (key: keyof FactDoc) => {
    const n = need(key);
    const id = ctx.people.find(n);
    if (!id) throw unknownName(`${ff}.${key}`, n, 'person', closest(n, ctx.people.names, 3));
    return id;
  };
  const festival = () => {
    const n = need('festival');
    const id = ctx.festivals.find(n);
    if (!id) throw unknownName(`${ff}.festival`, n, 'festival', closest(n, ctx.festivals.names, 3));
    return id;
  };
  const edition = () => {
    const fk = festival();
    const year = optionalInt(fact.year, `${ff}.year`, 1870, 2200);
    if (year === null) throw invalid(`${ff}.year`, fact.year, `${ff}.year: the edition's year`);
    const e = ctx.editions.find((x) => x.festivalKey === fk && x.year === year);
    if (!e) throw invalid(`${ff}.year`, year, `${ff}.year: ${fact.festival} has no edition in ${year}`);
    return e.key;
  };
  const title = () => ctx.titleRef(fact.title, `${ff}.title`);
  const base = { field: ff, doc: fact };
  switch (kind) {
    case 'title':
      return { ...base, table: 'titles', keys: { title: title() } };
    case 'alias':
      return { ...base, table: 'title_aliases', keys: { title: title(), alias: need('alias') } };
    case 'person':
      return { ...base, table: 'people', keys: { person: person('name') } };
    case 'company':
      return { ...base, table: 'companies', keys: { company: company('name') } };
    case 'credit':
      return {
        ...base,
        table: 'credits',
        keys: { title: title(), role: oneOf(fact.role, CREDIT_ROLES, `${ff}.role`), person: person('name') },
      };
    case 'titleCompany':
      return {
        ...base,
        table: 'title_companies',
        keys: { title: title(), role: oneOf(fact.role, TITLE_COMPANY_ROLES, `${ff}.role`), company: company('company') },
      };
    case 'contract':
      return { ...base, table: 'contracts', keys: { ref: need('ref') } };
    case 'festival':
      return { ...base, table: 'festivals', keys: { festival: festival() } };
    case 'edition':
      return { ...base, table: 'festival_editions', keys: { edition: edition() } };
    case 'selection':
      return { ...base, table: 'selections', keys: { title: title(), edition: edition() } };
    case 'award':
      return { ...base, table: 'awards', keys: { title: title(), edition: edition(), award: need('award') } };
    case 'release':
      return { ...base, table: 'releases', keys: { title: title(), territory: need('territory') } };
    case 'boxOffice':
      return {
        ...base,
        table: 'box_office',
        keys: {
          title: title(),
          territory:
            fact.territory === undefined || fact.territory === null || /^(worldwide|world|ww)$/i.test(String(fact.territory))
              ? null
              : need('territory'),
        },
      };
  }
}

// ------------------------------------------------------------------ import: the writes

/**
 * Imports a document: checks all of it, then writes all of it in one
 * transaction, or nothing. Throws ImportError listing every problem.
 */
export async function importJson(
  app: FilmRights,
  actor: Actor,
  doc: InterchangeDocument,
  opts: ImportOptions = {},
): Promise<ImportSummary> {
  requireWriter(actor);
  const summary: ImportSummary = {
    companies: 0,
    people: 0,
    titles: 0,
    contracts: 0,
    festivals: 0,
    editions: 0,
    selections: 0,
    awards: 0,
    releases: 0,
    boxOffice: 0,
    sources: 0,
    facts: 0,
  };
  await app.store.transaction(async (trx) => {
    const p = await plan(trx, doc, opts);
    if (p.issues.length) throw new ImportError(p.issues);

    const ids = new Map<string, string>();
    const id = (key: string): string => (key.startsWith(NEW) ? ids.get(key)! : key);
    const companyIndex = await NameIndex.load(trx, 'companies');
    for (const co of p.newCompanies) {
      ids.set(co.key, (await findOrCreateCompanyIn(trx, actor, co.checked, companyIndex)).id);
      summary.companies++;
    }
    const peopleIndex = await NameIndex.load(trx, 'people');
    for (const pe of p.newPeople) {
      ids.set(pe.key, (await findOrCreatePersonIn(trx, actor, { name: pe.name, sortName: pe.sortName }, peopleIndex)).id);
      summary.people++;
    }
    if (p.we) {
      const before = await weCompanyIn(trx);
      const value = toJson(id(p.we));
      await trx.deleteFrom('settings').where('key', '=', 'we_company_id').execute();
      await trx.insertInto('settings').values({ key: 'we_company_id', value }).execute();
      await audit(trx, actor, { action: 'update', entity: 'settings', entityId: 'we_company_id', before, after: id(p.we) });
    }
    for (const t of p.titlePlans) {
      const tid = await insertTitle(trx, actor, t.checked);
      ids.set(t.key, tid);
      summary.titles++;
      for (const cr of t.credits) await insertCredit(trx, actor, tid, id(cr.personKey), cr.checked);
      for (const tc of t.companies) await insertTitleCompany(trx, actor, tid, id(tc.companyKey), tc.role);
    }
    const festivalIndex = await FestivalIndex.load(trx);
    for (const f of p.festivalPlans) {
      ids.set(f.key, (await findOrCreateFestivalIn(trx, actor, f.checked, festivalIndex)).id);
      summary.festivals++;
    }
    for (const e of p.editionPlans) {
      const { id: eid, created } = await findOrCreateEditionIn(trx, actor, id(e.festivalKey), e.checked);
      if (e.key.startsWith(NEW)) ids.set(e.key, eid);
      if (created) summary.editions++;
      for (const s of e.sections) await ensureSectionIn(trx, actor, eid, s);
      for (const s of e.selections) {
        await insertSelection(trx, actor, eid, id(s.titleKey), s.checked);
        summary.selections++;
      }
      for (const a of e.awards) {
        await insertAward(trx, actor, eid, id(a.titleKey), a.personKey ? id(a.personKey) : null, a.checked);
        summary.awards++;
      }
    }

    // Contracts: rights-in and market intelligence first, so that rights-out find the rights they grant.
    const we = await weCompanyIn(trx);
    const names = new Map<string, string>();
    for (const t of await trx.selectFrom('titles').select(['id', 'original_title', 'english_title']).execute())
      names.set(t.id, t.english_title ?? t.original_title);
    const companyNames = new Map((await trx.selectFrom('companies').select(['id', 'name']).execute()).map((x) => [x.id, x.name]));
    const parties = new Map<string, { licensor: string | null; licensee: string | null }>();
    for (const k of await trx
      .selectFrom('contracts as c')
      .leftJoin('companies as lor', 'lor.id', 'c.licensor_id')
      .leftJoin('companies as lee', 'lee.id', 'c.licensee_id')
      .select(['c.ref', 'lor.name as licensor', 'lee.name as licensee'])
      .execute()) {
      parties.set(k.ref, { licensor: k.licensor, licensee: k.licensee });
    }
    const resolved = p.contractPlans.map((k) => {
      const i = k.checked.input;
      const input: ContractInput = {
        ...i,
        titleIds: i.titleIds.map(id),
        licensorId: i.licensorId ? id(i.licensorId) : null,
        licenseeId: i.licenseeId ? id(i.licenseeId) : null,
        salesAgentId: i.salesAgentId ? id(i.salesAgentId) : null,
        editionId: i.editionId ? id(i.editionId) : null,
        negotiators: (i.negotiators ?? []).map((n) => ({
          ...n,
          personId: id(n.personId),
          companyId: n.companyId ? id(n.companyId) : null,
        })),
      };
      const blocks = k.checked.blocks.map((b) => ({
        ...b,
        titleIds: b.titleIds.map(id),
        input: { ...b.input, ...(b.input.titleId ? { titleId: id(b.input.titleId) } : {}) },
      }));
      const holdbacks = k.checked.holdbacks.map((h) => ({
        ...h,
        titleIds: h.titleIds.map(id),
        input: { ...h.input, ...(h.input.titleId ? { titleId: id(h.input.titleId) } : {}) },
      }));
      return { field: k.field, checked: { ...k.checked, input, blocks, holdbacks } };
    });
    const outFirst = (k: (typeof resolved)[number]) => {
      const i = k.checked.input;
      const dir = i.direction ?? (we && i.licensorId === we ? 'out' : 'other');
      return dir === 'out' ? 1 : 0;
    };
    const conflicts: ImportIssue[] = [];
    for (const k of [...resolved].sort((a, b) => outFirst(a) - outFirst(b))) {
      const r = await writeContractIn(
        trx,
        app.store,
        { titleName: (t) => names.get(t) ?? t, parties: (ref) => parties.get(ref) },
        actor,
        k.checked,
      );
      if (!r.ok) {
        for (const b of r.report.blocks) {
          for (const row of b.conflicts) {
            conflicts.push({
              field: `${k.field}.blocks[${b.block}]`,
              message: `${k.field}.blocks[${b.block}]: conflicts with existing rights: ${row.titles.join(', ')}, ${row.territoryLabel}, ${row.mediaLabel}, ${row.start ?? 'any time'} to ${row.end ?? 'perpetuity'}: ${row.reasons.map((x) => x.message).join('; ')} (add an overrideReason to save it anyway)`,
              suggestions: [],
            });
          }
        }
        continue;
      }
      const i = k.checked.input;
      parties.set(i.ref!, {
        licensor: i.licensorId ? (companyNames.get(i.licensorId) ?? null) : null,
        licensee: i.licenseeId ? (companyNames.get(i.licenseeId) ?? null) : null,
      });
      summary.contracts++;
    }
    if (conflicts.length) throw new ImportError(conflicts);

    for (const r of p.releasePlans) {
      await insertRelease(trx, actor, id(r.titleKey), r.distributorKey ? id(r.distributorKey) : null, r.checked);
      summary.releases++;
    }
    for (const b of p.boxOfficePlans) {
      await insertBoxOffice(trx, actor, id(b.titleKey), b.checked);
      summary.boxOffice++;
    }

    const missing: ImportIssue[] = [];
    for (const s of p.sourcePlans) {
      const sid = await insertSource(trx, actor, s.checked);
      summary.sources++;
      for (const f of s.facts) {
        const keys = Object.fromEntries(
          Object.entries(f.keys).map(([k, v]) => [
            k,
            typeof v === 'string' && k !== 'role' && k !== 'alias' && k !== 'award' && k !== 'ref' && k !== 'territory' ? id(v) : v,
          ]),
        );
        const factId = await findFact(trx, f.table, keys);
        if (!factId) {
          missing.push({
            field: f.field,
            message: `${f.field}: no such ${f.doc.fact} in the catalog or this document (${describeFact(f.doc)})`,
            suggestions: [],
          });
          continue;
        }
        const span = f.doc.span ?? null;
        await insertFactLink(
          trx,
          actor,
          checkFactLink(
            {
              sourceId: sid,
              factTable: f.table,
              factId,
              quote: f.doc.quote ?? null,
              spanStart: span?.[0] ?? null,
              spanEnd: span?.[1] ?? null,
              reviewed: f.doc.reviewed ?? false,
              accepted: f.doc.accepted ?? false,
            },
            s.checked.text,
          ),
        );
        summary.facts++;
      }
    }
    if (missing.length) throw new ImportError(missing);
    await audit(trx, actor, { action: 'import', entity: 'documents', entityId: FORMAT, before: null, after: summary });
  });
  await app.rebuildIndex();
  return summary;
}

function describeFact(f: FactDoc): string {
  return Object.entries(f)
    .filter(([k]) => !['fact', 'quote', 'span', 'reviewed', 'accepted'].includes(k))
    .map(([k, v]) => `${k} ${JSON.stringify(v)}`)
    .join(', ');
}

async function findFact(trx: Kysely<Database>, table: FactTable, k: Record<string, string | number | null>): Promise<string | undefined> {
  const s = (key: string) => String(k[key]);
  switch (table) {
    case 'titles':
      return s('title');
    case 'people':
      return s('person');
    case 'companies':
      return s('company');
    case 'festivals':
      return s('festival');
    case 'festival_editions':
      return s('edition');
    case 'title_aliases': {
      const rows = await trx.selectFrom('title_aliases').select(['id', 'alias']).where('title_id', '=', s('title')).execute();
      return rows.find((r) => normalizeName(r.alias) === normalizeName(s('alias')))?.id;
    }
    case 'credits':
      return (
        await trx
          .selectFrom('credits')
          .select('id')
          .where('title_id', '=', s('title'))
          .where('role', '=', s('role') as CreditRole)
          .where('person_id', '=', s('person'))
          .orderBy('position')
          .executeTakeFirst()
      )?.id;
    case 'title_companies': {
      const row = await trx
        .selectFrom('title_companies')
        .select('title_id')
        .where('title_id', '=', s('title'))
        .where('company_id', '=', s('company'))
        .where('role', '=', s('role') as TitleCompanyRole)
        .executeTakeFirst();
      return row ? titleCompanyFactId(s('title'), s('company'), s('role')) : undefined;
    }
    case 'contracts':
      return (await trx.selectFrom('contracts').select('id').where('ref', '=', s('ref')).executeTakeFirst())?.id;
    case 'selections':
      return (
        await trx
          .selectFrom('selections')
          .select('id')
          .where('title_id', '=', s('title'))
          .where('edition_id', '=', s('edition'))
          .orderBy('id')
          .executeTakeFirst()
      )?.id;
    case 'awards': {
      const rows = await trx
        .selectFrom('awards')
        .select(['id', 'name'])
        .where('title_id', '=', s('title'))
        .where('edition_id', '=', s('edition'))
        .orderBy('id')
        .execute();
      return rows.find((r) => normalizeName(r.name) === normalizeName(s('award')))?.id;
    }
    case 'releases': {
      const code = territoryOf(s('territory'));
      return (
        await trx
          .selectFrom('releases')
          .select('id')
          .where('title_id', '=', s('title'))
          .where('territory', '=', code)
          .orderBy('release_date')
          .orderBy('id')
          .executeTakeFirst()
      )?.id;
    }
    case 'box_office': {
      let q = trx.selectFrom('box_office').select('id').where('title_id', '=', s('title'));
      q = k.territory === null ? q.where('territory', 'is', null) : q.where('territory', '=', territoryOf(s('territory')));
      return (await q.orderBy('as_of').orderBy('id').executeTakeFirst())?.id;
    }
  }
}

function territoryOf(nameOrCode: string): string {
  try {
    return checkRelease({ territory: nameOrCode }).territory;
  } catch {
    return nameOrCode;
  }
}

// ------------------------------------------------------------------ export

function compact<T extends Record<string, unknown>>(o: T): T {
  for (const k of Object.keys(o)) {
    const v = o[k];
    if (v === undefined || v === null || (Array.isArray(v) && v.length === 0)) delete o[k];
  }
  return o;
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The whole record as an interchange document. Deleted contracts are left
 * out; without the financial-terms permission, MGs are too (box-office grosses
 * are public record and always exported: docs/security.md).
 */
export async function exportJson(app: FilmRights, actor: Actor): Promise<InterchangeDocument> {
  return app.store.transaction((trx) => exportIn(trx, actor));
}

async function exportIn(db: Kysely<Database>, actor: Actor): Promise<InterchangeDocument> {
  const companies = await db.selectFrom('companies').selectAll().execute();
  const companyName = new Map(companies.map((c) => [c.id, c.name]));
  const people = await db.selectFrom('people').selectAll().execute();
  const personName = new Map(people.map((p) => [p.id, p.name]));
  const titles = await db.selectFrom('titles').selectAll().execute();
  const aliases = await db.selectFrom('title_aliases').selectAll().execute();
  const credits = await db.selectFrom('credits').selectAll().execute();
  const titleCompanies = await db.selectFrom('title_companies').selectAll().execute();

  // A title is named by its display name, or "Name (year)" where the name is shared.
  const display = (t: (typeof titles)[number]) => t.english_title ?? t.original_title;
  const counts = new Map<string, number>();
  for (const t of titles) counts.set(normalizeName(display(t)), (counts.get(normalizeName(display(t))) ?? 0) + 1);
  const titleRef = new Map(
    titles.map((t) => [
      t.id,
      (counts.get(normalizeName(display(t))) ?? 0) > 1 && t.year !== null ? `${display(t)} (${t.year})` : display(t),
    ]),
  );
  const ref = (id: string) => titleRef.get(id) ?? id;

  const weId = await weCompanyIn(db);
  const doc: InterchangeDocument = { format: FORMAT };
  if (weId && companyName.has(weId)) doc.we = companyName.get(weId)!;
  doc.companies = companies
    .sort((a, b) => byText(a.name, b.name) || byText(a.id, b.id))
    .map((c) => compact({ name: c.name, kind: c.kind, country: c.country }));
  doc.people = people
    .sort((a, b) => byText(a.name, b.name) || byText(a.id, b.id))
    .map((p) => compact({ name: p.name, sortName: p.sort_name }));
  doc.titles = titles
    .sort((a, b) => byText(display(a), display(b)) || (a.year ?? 0) - (b.year ?? 0) || byText(a.id, b.id))
    .map((t) =>
      compact({
        title: display(t),
        originalTitle: t.english_title ? t.original_title : null,
        year: t.year,
        countries: parseJson(t.countries),
        languages: parseJson(t.languages),
        runtimeMinutes: t.runtime_minutes,
        synopsis: t.synopsis,
        sourceMaterial: t.source_material,
        sourceMaterialNote: t.source_material_note,
        productionStatus: t.production_status,
        aliases: aliases
          .filter((a) => a.title_id === t.id)
          .sort((a, b) => byText(a.alias, b.alias) || byText(a.kind ?? '', b.kind ?? ''))
          .map((a): string | AliasDoc =>
            a.language || a.kind ? compact({ alias: a.alias, language: a.language, kind: a.kind }) : a.alias,
          ),
        credits: credits
          .filter((c) => c.title_id === t.id)
          .sort(
            (a, b) =>
              CREDIT_ROLES.indexOf(a.role) - CREDIT_ROLES.indexOf(b.role) ||
              a.position - b.position ||
              byText(personName.get(a.person_id) ?? '', personName.get(b.person_id) ?? ''),
          )
          .map((c) => compact({ role: c.role, name: personName.get(c.person_id) ?? c.person_id, character: c.character })),
        companies: titleCompanies
          .filter((c) => c.title_id === t.id)
          .sort(
            (a, b) =>
              TITLE_COMPANY_ROLES.indexOf(a.role) - TITLE_COMPANY_ROLES.indexOf(b.role) ||
              byText(companyName.get(a.company_id) ?? '', companyName.get(b.company_id) ?? ''),
          )
          .map((c) => ({ role: c.role, name: companyName.get(c.company_id) ?? c.company_id })),
      }),
    );

  // Festivals before contracts in the data, though contracts come first in the document's reading order.
  const festivals = await db.selectFrom('festivals').selectAll().execute();
  const editions = await db.selectFrom('festival_editions').selectAll().execute();
  const sections = await db.selectFrom('sections').selectAll().execute();
  const selections = await db.selectFrom('selections').selectAll().execute();
  const awards = await db.selectFrom('awards').selectAll().execute();
  const festivalName = new Map(festivals.map((f) => [f.id, f.name]));
  const sectionName = new Map(sections.map((s) => [s.id, s.name]));
  const editionRef = (editionId: string): EditionRef => {
    const e = editions.find((x) => x.id === editionId)!;
    const festival = festivalName.get(e.festival_id)!;
    const sameYear = editions.filter((x) => x.festival_id === e.festival_id && x.year === e.year).length;
    return sameYear > 1 && e.number !== null ? { festival, number: e.number } : `${festival} ${e.year}`;
  };

  const contracts = await db.selectFrom('contracts').selectAll().where('deleted_at', 'is', null).execute();
  const contractTitles = await db.selectFrom('contract_titles').selectAll().execute();
  const blocks = await db.selectFrom('rights_blocks').selectAll().execute();
  const holdbacks = await db.selectFrom('holdbacks').selectAll().execute();
  const negotiators = await db.selectFrom('negotiators').selectAll().execute();
  doc.contracts = contracts
    .sort((a, b) => byText(a.ref, b.ref))
    .map((k) => {
      const kt = contractTitles
        .filter((x) => x.contract_id === k.id)
        .map((x) => x.title_id)
        .sort((a, b) => byText(ref(a), ref(b)));
      const out: ContractDoc = compact({
        ref: k.ref,
        direction: k.direction,
        status: k.status,
        licensor: k.licensor_id ? companyName.get(k.licensor_id) : null,
        licensee: k.licensee_id ? companyName.get(k.licensee_id) : null,
        salesAgent: k.sales_agent_id ? companyName.get(k.sales_agent_id) : null,
        titles: kt.map(ref),
        blocks: groupByTitle(
          blocks.filter((b) => b.contract_id === k.id),
          kt,
          (b) =>
            compact({
              territories: b.territories,
              media: b.media,
              languages: b.languages === null ? null : parseJson(b.languages),
              start: b.start_date,
              end: b.end_date,
              exclusive: b.exclusive === 1,
            }) as BlockDoc,
          ref,
        ).map(({ titleId, item }) => (titleId ? { title: ref(titleId), ...item } : item)),
        holdbacks: groupByTitle(
          holdbacks.filter((h) => h.contract_id === k.id),
          kt,
          (h) =>
            compact({
              territories: h.territories,
              media: h.media,
              start: h.start_date,
              end: h.end_date,
              description: h.description,
            }) as HoldbackDoc,
          ref,
        ).map(({ titleId, item }) => (titleId ? { title: ref(titleId), ...item } : item)),
        negotiators: negotiators
          .filter((n) => n.contract_id === k.id)
          .map(
            (n) =>
              compact({
                name: personName.get(n.person_id) ?? n.person_id,
                company: n.company_id ? companyName.get(n.company_id) : null,
                side: n.side,
              }) as NegotiatorDoc,
          )
          .sort((a, b) => byText(a.side, b.side) || byText(a.name, b.name)),
        mg: k.mg_amount !== null && k.mg_currency ? formatMoney(Number(k.mg_amount), k.mg_currency) : null,
        signedOn: k.signed_on,
        announcedOn: k.announced_on,
        edition: k.edition_id ? editionRef(k.edition_id) : null,
        notes: k.notes,
        overrideReason: k.override_reason,
      });
      return out;
    });

  doc.festivals = festivals
    .sort((a, b) => byText(a.name, b.name) || byText(a.id, b.id))
    .map(
      (f) =>
        compact({
          name: f.name,
          shortName: f.short_name,
          aliases: parseJson(f.aliases),
          kind: f.kind,
          country: f.country,
          city: f.city,
          editions: editions
            .filter((e) => e.festival_id === f.id)
            .sort((a, b) => a.year - b.year || (a.number ?? 0) - (b.number ?? 0))
            .map((e) => {
              const sel = selections.filter((s) => s.edition_id === e.id);
              const used = new Set(sel.map((s) => s.section_id));
              return compact({
                number: e.number,
                year: e.year,
                start: e.start_date,
                end: e.end_date,
                sections: sections
                  .filter((s) => s.edition_id === e.id && !used.has(s.id))
                  .map((s) => s.name)
                  .sort(byText),
                selections: sel
                  .map(
                    (s) =>
                      compact({
                        title: ref(s.title_id),
                        section: s.section_id ? sectionName.get(s.section_id) : null,
                        premiereStatus: s.premiere_status,
                        slot: s.slot,
                        withdrawn: s.withdrawn === 1 ? true : null,
                        withdrawalReason: s.withdrawal_reason,
                      }) as SelectionDoc,
                  )
                  .sort((a, b) => byText(a.section ?? '\uffff', b.section ?? '\uffff') || byText(a.title, b.title)),
                awards: awards
                  .filter((a) => a.edition_id === e.id)
                  .map(
                    (a) =>
                      compact({
                        name: a.name,
                        title: ref(a.title_id),
                        person: a.person_id ? personName.get(a.person_id) : null,
                        tied: a.tied === 1 ? true : null,
                        tieGroup: a.tie_group && a.tie_group !== defaultTieGroup(e.id, a.name) ? a.tie_group : null,
                      }) as AwardDoc,
                  )
                  .sort((a, b) => byText(a.name, b.name) || byText(a.title, b.title)),
              }) as EditionDoc;
            }),
        }) as FestivalDoc,
    );

  const releases = await db.selectFrom('releases').selectAll().execute();
  doc.releases = releases
    .map(
      (r) =>
        compact({
          title: ref(r.title_id),
          territory: r.territory,
          date: formatReleaseDate(r.release_date, r.date_precision),
          distributor: r.distributor_id ? companyName.get(r.distributor_id) : null,
          kind: r.kind,
        }) as ReleaseDoc,
    )
    .sort(
      (a, b) =>
        byText(a.title, b.title) ||
        byText(a.territory, b.territory) ||
        byText(a.date ?? '', b.date ?? '') ||
        byText(a.kind ?? '', b.kind ?? ''),
    );
  {
    // grosses are public record; only deal terms (MGs) are confidential
    const boxOffice = await db.selectFrom('box_office').selectAll().execute();
    doc.boxOffice = boxOffice
      .map((b) => {
        const m = formatMoney(Number(b.amount), b.currency);
        return compact({
          title: ref(b.title_id),
          territory: b.territory ?? 'Worldwide',
          amount: m.amount,
          currency: m.currency,
          periodStart: b.period_start,
          periodEnd: b.period_end,
          asOf: b.as_of,
          cumulative: b.is_cumulative === 1,
        }) as BoxOfficeDoc;
      })
      .sort(
        (a, b) =>
          byText(a.title, b.title) ||
          byText(a.territory ?? '', b.territory ?? '') ||
          byText(a.asOf ?? '', b.asOf ?? '') ||
          byText(a.periodStart ?? '', b.periodStart ?? ''),
      );
  }

  // Facts point at rows by id: turn each back into names.
  const sources = await db.selectFrom('sources').selectAll().execute();
  const factRows = await db.selectFrom('fact_sources').selectAll().execute();
  const contractRef = new Map(contracts.map((k) => [k.id, k.ref]));
  const editionOf = (id: string) => {
    const e = editions.find((x) => x.id === id);
    return e ? { festival: festivalName.get(e.festival_id)!, year: e.year } : undefined;
  };
  const boxOfficeRows = await db.selectFrom('box_office').select(['id', 'title_id', 'territory']).execute();
  const factRef = (table: string, fid: string): Omit<FactDoc, 'quote' | 'span' | 'reviewed' | 'accepted'> | undefined => {
    switch (table) {
      case 'titles':
        return titleRef.has(fid) ? { fact: 'title', title: ref(fid) } : undefined;
      case 'title_aliases': {
        const a = aliases.find((x) => x.id === fid);
        return a ? { fact: 'alias', title: ref(a.title_id), alias: a.alias } : undefined;
      }
      case 'people':
        return personName.has(fid) ? { fact: 'person', name: personName.get(fid)! } : undefined;
      case 'companies':
        return companyName.has(fid) ? { fact: 'company', name: companyName.get(fid)! } : undefined;
      case 'credits': {
        const c = credits.find((x) => x.id === fid);
        return c ? { fact: 'credit', title: ref(c.title_id), role: c.role, name: personName.get(c.person_id)! } : undefined;
      }
      case 'title_companies': {
        const [t, co, role] = fid.split('|');
        return titleCompanies.some((x) => x.title_id === t && x.company_id === co && x.role === role)
          ? { fact: 'titleCompany', title: ref(t), role, company: companyName.get(co)! }
          : undefined;
      }
      case 'contracts':
        return contractRef.has(fid) ? { fact: 'contract', ref: contractRef.get(fid)! } : undefined;
      case 'festivals':
        return festivalName.has(fid) ? { fact: 'festival', festival: festivalName.get(fid)! } : undefined;
      case 'festival_editions': {
        const e = editionOf(fid);
        return e ? { fact: 'edition', ...e } : undefined;
      }
      case 'selections': {
        const s = selections.find((x) => x.id === fid);
        return s ? { fact: 'selection', title: ref(s.title_id), ...editionOf(s.edition_id)! } : undefined;
      }
      case 'awards': {
        const a = awards.find((x) => x.id === fid);
        return a ? { fact: 'award', award: a.name, title: ref(a.title_id), ...editionOf(a.edition_id)! } : undefined;
      }
      case 'releases': {
        const r = releases.find((x) => x.id === fid);
        return r ? { fact: 'release', title: ref(r.title_id), territory: r.territory } : undefined;
      }
      case 'box_office': {
        const b = boxOfficeRows.find((x) => x.id === fid);
        return b ? { fact: 'boxOffice', title: ref(b.title_id), territory: b.territory ?? 'Worldwide' } : undefined;
      }
    }
    return undefined;
  };
  doc.sources = sources
    .sort(
      (a, b) =>
        byText(a.published_on ?? '', b.published_on ?? '') ||
        byText(a.outlet ?? '', b.outlet ?? '') ||
        byText(a.title ?? '', b.title ?? '') ||
        byText(a.file ?? '', b.file ?? '') ||
        byText(a.url ?? '', b.url ?? '') ||
        byText(a.created_at, b.created_at) ||
        byText(a.id, b.id),
    )
    .map((s) => {
      const facts = factRows
        .filter((f) => f.source_id === s.id)
        .map((f) => {
          const r = factRef(f.fact_table, f.fact_id);
          if (!r) return undefined;
          return compact({
            ...r,
            quote: f.quote,
            span: f.span_start !== null && f.span_end !== null ? ([f.span_start, f.span_end] as [number, number]) : null,
            reviewed: f.reviewed === 1 ? true : null,
            accepted: f.accepted === 1 ? true : null,
          }) as FactDoc;
        })
        .filter((f): f is FactDoc => f !== undefined)
        .sort(
          (a, b) =>
            (a.span?.[0] ?? -1) - (b.span?.[0] ?? -1) ||
            (a.span?.[1] ?? -1) - (b.span?.[1] ?? -1) ||
            byText(JSON.stringify(a), JSON.stringify(b)),
        );
      return compact({
        kind: s.kind,
        outlet: s.outlet,
        publishedOn: s.published_on,
        url: s.url,
        file: s.file,
        title: s.title,
        text: s.text,
        facts,
      }) as SourceDoc;
    });

  return visibleTo(actor, compact(doc as Record<string, unknown>) as InterchangeDocument);
}

/**
 * Blocks are stored per title; the document writes a block once when it
 * applies alike to every title of the contract, per title otherwise.
 */
function groupByTitle<R extends { title_id: string }, T>(
  rows: R[],
  contractTitles: string[],
  view: (r: R) => T,
  name: (titleId: string) => string,
): Array<{ titleId: string | null; item: T }> {
  const groups = new Map<string, { item: T; titles: Set<string> }>();
  for (const r of rows) {
    const item = view(r);
    const k = JSON.stringify(item);
    let g = groups.get(k);
    if (!g) groups.set(k, (g = { item, titles: new Set() }));
    g.titles.add(r.title_id);
  }
  const out: Array<{ titleId: string | null; item: T; key: string }> = [];
  for (const [k, g] of groups) {
    if (contractTitles.length > 0 && contractTitles.every((t) => g.titles.has(t))) out.push({ titleId: null, item: g.item, key: k });
    else for (const t of g.titles) out.push({ titleId: t, item: g.item, key: k });
  }
  return out
    .sort(
      (a, b) =>
        byText(JSON.stringify(a.item), JSON.stringify(b.item)) ||
        byText(a.titleId ? name(a.titleId) : '', b.titleId ? name(b.titleId) : ''),
    )
    .map(({ titleId, item }) => ({ titleId, item }));
}
