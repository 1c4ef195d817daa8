/**
 * A `filmrights/1` document read against the database as the import's
 * transaction sees it: every name found or planned for creation, every
 * record checked by the same rules as manual entry, every issue collected.
 * Nothing is written here: the plan's records (services/write/records.ts)
 * go to the one writer, commitPlan.
 */
import { readFileSync } from 'node:fs';

import type { Kysely } from 'kysely';

import { DomainError, invalid, unknownName } from '../../domain/errors.js';
import { checkNode, TitleTree } from '../../domain/series.js';
import { loadTrees } from '../seriesRights.js';
import { closest } from '../../domain/fuzzy.js';
import { TITLE_COMPANY_ROLES, type Database } from '../../store/index.js';
import { TitleIndex, checkCredit, checkTitle } from '../catalog.js';
import { checkContract, type ContractInput } from '../contracts.js';
import { FestivalIndex, checkAward, checkEdition, checkFestival, checkSelection, type CheckedFestival } from '../festivals.js';
import { oneOf, optionalBool, optionalInt, optionalText, requiredName, requiredText } from '../lookup.js';

import { checkBoxOffice, checkRelease, type CheckedBoxOffice, type CheckedRelease } from '../market.js';
import { NameIndex, checkCompany, type CheckedCompany } from '../people.js';
import { checkFactLink, checkSource } from '../provenance.js';
import { checkContactFields } from '../buyers/contacts.js';
import { checkProfile } from '../buyers/profile.js';

import {
  FACT_KINDS,
  FORMAT,
  ImportError,
  type AwardDoc,
  type BlockDoc,
  type BoxOfficeDoc,
  type BuyerContactDoc,
  type BuyerDoc,
  type CompanyDoc,
  type ContractDoc,
  type CreditDoc,
  type EditionDoc,
  type FactDoc,
  type FestivalDoc,
  type HoldbackDoc,
  type ImportIssue,
  type ImportOptions,
  type InterchangeDocument,
  type NegotiatorDoc,
  type PersonDoc,
  type ReleaseDoc,
  type SelectionDoc,
  type SourceDoc,
  type TitleCompanyDoc,
  type TitleDoc,
} from '../../interchange/json/document.js';
import { checkDocumentKeys } from '../../interchange/json/keys.js';
import { Collector, NEW, isObject, list } from '../../interchange/json/read.js';
import { planAccounts } from './accounts.js';
import { planMarketMode } from './marketMode.plan.js';
import { factPlan, sourceFilePath } from './facts.js';

export { sourceFilePath };
import type { BuyerPlan, ContractPlan, EditionPlan, FactPlan, RecordPlan, SourcePlan, TitlePlan, WritePlan } from '../write/records.js';

/** A document's plan: its records, or the issues that refuse it. */
export interface JsonPlan extends RecordPlan {
  issues: ImportIssue[];
}

/** The plan the one writer commits: a document has no rights-only part, everything is in its records. */
export async function jsonWritePlan(trx: Kysely<Database>, doc: InterchangeDocument, opts: ImportOptions): Promise<WritePlan> {
  const { issues, ...records } = await planJson(trx, doc, opts);
  if (issues.length) throw new ImportError(issues);
  return { titles: [], companies: [], contracts: [], records };
}

/** Reads the whole document against the database as `trx` sees it; returns the plan or the issues. */
export async function planJson(trx: Kysely<Database>, doc: InterchangeDocument, opts: ImportOptions): Promise<JsonPlan> {
  const c = new Collector();
  if (!isObject(doc)) throw new ImportError([{ field: 'document', message: 'document: expected a JSON object', suggestions: [] }]);
  // every object of the document has only the keys of its record: a field written wrong is refused, never dropped
  checkDocumentKeys(doc as Record<string, unknown>, c);
  if (doc.format !== undefined && doc.format !== FORMAT) c.add('format', `"${String(doc.format)}" is not "${FORMAT}"`);
  const d: object = doc;

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
      const n = requiredName(name, field);
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
      const n = requiredName(name, field);
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

  // --- buyers (docs/market.md): a company already a buyer keeps its profile, as known companies are kept
  const buyerPlans: BuyerPlan[] = [];
  const buyerKeys = new Set<string>();
  const existingBuyers = new Set((await trx.selectFrom('buyers').select('company_id').execute()).map((b) => b.company_id));
  list<BuyerDoc>(d, 'buyers', c).forEach((b, i) => {
    const f = (n: string) => `buyers[${i}].${n}`;
    const companyKey = companyRef(b.company, f('company'));
    const checked = c.attempt(() => checkProfile(b, f('')));
    const contacts = list<BuyerContactDoc>(b, 'contacts', c, f('contacts')).map((ct, j) => ({
      personKey:
        ct.person === undefined || ct.person === null || ct.person === ''
          ? null
          : (personRef(ct.person, f(`contacts[${j}].person`)) ?? null),
      checked: c.attempt(() => checkContactFields(ct, f(`contacts[${j}].`))),
    }));
    if (!companyKey || !checked || contacts.some((ct) => !ct.checked)) return;
    if (buyerKeys.has(companyKey)) return c.add(f('company'), `"${String(b.company)}" is a buyer twice in the document`);
    buyerKeys.add(companyKey);
    if (existingBuyers.has(companyKey)) return; // already a buyer: kept as it is
    buyerPlans.push({ companyKey, checked, contacts: contacts.map((ct) => ({ personKey: ct.personKey, checked: ct.checked! })) });
  });

  // --- titles
  const titles = await TitleIndex.load(trx);
  const titlePlans: TitlePlan[] = [];
  const parents: Array<{ plan: TitlePlan; ref: string; field: string }> = [];
  const titleFields = new Map<string, (n: string) => string>();
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
    const p: TitlePlan = { key, checked: { ...checked, parent_id: null }, credits: [], companies: [] };
    titleFields.set(key, f);
    if (t.parent !== undefined && t.parent !== null && t.parent !== '') parents.push({ plan: p, ref: t.parent, field: f('parent') });
    list<CreditDoc>(t, 'credits', c, f('credits')).forEach((cr, j) => {
      const cf = (n: string) => `${f('credits')}[${j}].${n}`;
      const cc = c.attempt(() => checkCredit(cr, cf));
      const pk = personRef(cr.name, cf('name'));
      if (cc && pk) p.credits.push({ personKey: pk, checked: cc });
    });
    list<TitleCompanyDoc>(t, 'companies', c, f('companies')).forEach((tc, j) => {
      const tf = (n: string) => `${f('companies')}[${j}].${n}`;
      const role = c.attempt(() => oneOf(tc.role, TITLE_COMPANY_ROLES, tf('role')));
      const ck = companyRef(tc.name, tf('name'));
      if (role && ck) p.companies.push({ companyKey: ck, role });
    });
    titlePlans.push(p);
  });
  const titleRef = (name: unknown, field: string): string | undefined => c.attempt(() => titles.resolve(name, field));
  // the titles they sit under, named as the document names titles; parents are written first
  for (const { plan, ref, field } of parents) {
    const key = titleRef(ref, field);
    if (key) plan.parent = { key, field };
  }
  titlePlans.sort((a, b) => depthIn(titlePlans, a) - depthIn(titlePlans, b));
  await checkPlaces(trx, titlePlans, titleFields, c);

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
    list<EditionDoc>(fe, 'editions', c, f('editions')).forEach((ed, j) => {
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
      list<SelectionDoc>(ed, 'selections', c, ef('selections')).forEach((s, k) => {
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
      list<AwardDoc>(ed, 'awards', c, ef('awards')).forEach((a, k) => {
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
  const contractPlans: ContractPlan[] = [];
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
    const blocks = list<BlockDoc>(k, 'blocks', c, f('blocks'));
    const blockTitles = blocks.map((b, j) =>
      b.title === undefined || b.title === null ? undefined : titleRef(b.title, `${f('blocks')}[${j}].title`),
    );
    const holdbacks = list<HoldbackDoc>(k, 'holdbacks', c, f('holdbacks'));
    const holdbackTitles = holdbacks.map((h, j) =>
      h.title === undefined || h.title === null ? undefined : titleRef(h.title, `${f('holdbacks')}[${j}].title`),
    );
    const negotiators = list<NegotiatorDoc>(k, 'negotiators', c, f('negotiators')).map((n, j) => ({
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
    const titleRefs = (names: readonly string[], field: string) => names.map((n, x) => titleRef(n, `${field}[${x}]`) ?? placeholder);
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
        ...(b.startCondition ? { startCondition: b.startCondition } : {}),
        ...(b.endCondition ? { endCondition: b.endCondition } : {}),
        ...(b.termReported === false ? { termReported: false } : {}),
        exclusive: b.exclusive ?? true,
        ...(b.includesFuture === false
          ? { includesFuture: false, covers: b.covers == null ? null : titleRefs(b.covers, `${f('blocks')}[${j}].covers`) }
          : {}),
        ...(b.excludes?.length ? { excludes: titleRefs(b.excludes, `${f('blocks')}[${j}].excludes`) } : {}),
      })),
      holdbacks: holdbacks.map((h, j) => ({
        ...(h.title ? { titleId: holdbackTitles[j] ?? placeholder } : {}),
        territories: h.territories,
        media: h.media,
        start: h.start ?? null,
        end: h.end ?? null,
        ...(h.startCondition ? { startCondition: h.startCondition } : {}),
        ...(h.endCondition ? { endCondition: h.endCondition } : {}),
        description: h.description,
      })),
      negotiators: negotiators.map((n) => ({ personId: n.personId ?? placeholder, companyId: n.companyId ?? null, side: n.side })),
      // absent, not null, when the document has none: only users with the financial-terms permission may set an MG
      ...(k.mg !== undefined ? { mg: k.mg } : {}),
      signedOn: k.signedOn ?? null,
      announcedOn: k.announcedOn ?? null,
      ...(k.deliveryDate ? { deliveryDate: k.deliveryDate } : {}),
      editionId,
      notes: c.attempt(() => optionalText(k.notes, f('notes'))) ?? null,
      override: overrideReason ? { reason: overrideReason } : null,
    };
    const checked = c.attempt(() => checkContract(input, f));
    if (checked && !unresolved) contractPlans.push({ field: `contracts[${i}]`, checked });
  });

  // --- the accounts (their contracts are the database's and the document's)
  const accounts = planAccounts((doc as { accounts?: unknown }).accounts, refs, c);

  // --- markets and offers (docs/json-format.md): named as the rest of the document names things
  const marketMode = planMarketMode(
    d,
    {
      title: titleRef,
      company: companyRef,
      person: personRef,
      edition: editionRef,
      contracts: refs,
      users: new Map((await trx.selectFrom('users').select(['id', 'username']).execute()).map((u) => [u.username, u.id])),
      editionsWithMarket: new Set((await trx.selectFrom('markets').select('edition_id').execute()).map((m) => m.edition_id)),
      offerRefs: new Set((await trx.selectFrom('offers').select('ref').execute()).map((o) => o.ref)),
    },
    c,
  );

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
    list<FactDoc>(s, 'facts', c, f('facts')).forEach((fact, j) => {
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
    ...(accounts ? { accounts } : {}),
    ...(marketMode ? { marketMode } : {}),
    buyerPlans,
  };
}

/** How many titles new in the plan a title sits under (0 for a title under none, or under one already in the catalog). */
function depthIn(plans: readonly TitlePlan[], p: TitlePlan): number {
  let d = 0;
  for (let at: TitlePlan | undefined = p; at?.parent && d < 10; d++) {
    const parentKey: string = at.parent.key;
    at = plans.find((x) => x.key === parentKey);
    if (!at) break;
  }
  return d;
}

/** Each new title's place among series, seasons and episodes, checked before anything is written (errors name the document's field). */
async function checkPlaces(
  trx: Kysely<Database>,
  plans: readonly TitlePlan[],
  fields: ReadonlyMap<string, (n: string) => string>,
  c: Collector,
): Promise<void> {
  const existing = plans.flatMap((p) => (p.parent && !p.parent.key.startsWith(NEW) ? [p.parent.key] : []));
  const tree = existing.length ? await loadTrees(trx, existing) : new TitleTree();
  for (const p of plans) tree.put({ id: p.key, kind: p.checked.kind, parent: p.parent?.key ?? null, number: p.checked.number });
  for (const p of plans) {
    const f = fields.get(p.key) ?? ((n: string) => n);
    c.attempt(() => {
      try {
        checkNode(tree, { id: p.key, kind: p.checked.kind, parent: p.parent?.key ?? null, number: p.checked.number }, 'title');
      } catch (e) {
        if (!(e instanceof DomainError)) throw e;
        const name = e.field === 'title.parent' ? 'parent' : e.field.replace(/^title\./, '');
        throw new DomainError(e.code, f(name), e.value, `${f(name)}${e.message.replace(/^title\.\w+/, '')}`);
      }
    });
  }
}
