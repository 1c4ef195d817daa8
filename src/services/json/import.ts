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
 * The document is read and checked by json/plan.ts.
 */
import type { Kysely } from 'kysely';

import { normalizeName } from '../../domain/fuzzy.js';
import { toJson, type CreditRole, type Database, type TitleCompanyRole } from '../../store/index.js';
import type { Actor, FilmRights } from '../app.js';

import { requireWriter } from '../access.js';
import { audit } from '../audit.js';

import { insertCredit, insertTitle, insertTitleCompany } from '../catalog.js';
import { weCompanyIn, writeContractIn, type ContractInput } from '../contracts.js';
import {
  FestivalIndex,
  ensureSectionIn,
  findOrCreateEditionIn,
  findOrCreateFestivalIn,
  insertAward,
  insertSelection,
} from '../festivals.js';
import { checkRelease, insertBoxOffice, insertRelease } from '../market.js';
import { NameIndex, findOrCreateCompanyIn, findOrCreatePersonIn } from '../people.js';
import { checkFactLink, insertFactLink, insertSource, titleCompanyFactId, type FactTable } from '../provenance.js';

import {
  FORMAT,
  ImportError,
  type FactDoc,
  type ImportIssue,
  type ImportOptions,
  type ImportSummary,
  type InterchangeDocument,
} from '../../interchange/json/document.js';
import { NEW } from '../../interchange/json/read.js';
import { planJson, sourceFilePath } from './plan.js';

export { sourceFilePath };

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
    const p = await planJson(trx, doc, opts);
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
