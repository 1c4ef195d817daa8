/**
 * Writing a plan's sources and the facts they state: each fact is found
 * among the records on file (or just written) and linked to its source with
 * its quote and span. A fact that names no record refuses the import.
 */
import type { Kysely } from 'kysely';

import { normalizeName } from '../../domain/fuzzy.js';
import { ImportError, type FactDoc, type ImportIssue, type ImportSummary } from '../../interchange/json/document.js';
import type { CreditRole, Database, TitleCompanyRole } from '../../store/index.js';
import type { Actor } from '../app.js';
import { checkRelease } from '../market.js';
import { checkFactLink, insertFactLink, insertSource, titleCompanyFactId, type FactTable } from '../provenance.js';
import type { Keys, RecordPlan } from './records.js';

/** Fact keys that hold a value, not a record's key. */
const VALUE_KEYS = new Set(['role', 'alias', 'award', 'ref', 'territory']);

export async function writeSources(trx: Kysely<Database>, actor: Actor, p: RecordPlan, keys: Keys, summary: ImportSummary): Promise<void> {
  const missing: ImportIssue[] = [];
  for (const s of p.sourcePlans) {
    const sid = await insertSource(trx, actor, s.checked);
    summary.sources++;
    for (const f of s.facts) {
      const factKeys = Object.fromEntries(
        Object.entries(f.keys).map(([k, v]) => [k, typeof v === 'string' && !VALUE_KEYS.has(k) ? keys.id(v) : v]),
      );
      const factId = await findFact(trx, f.table, factKeys);
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
}

function describeFact(f: FactDoc): string {
  return Object.entries(f)
    .filter(([k]) => !['fact', 'quote', 'span', 'reviewed', 'accepted'].includes(k))
    .map(([k, v]) => `${k} ${JSON.stringify(v)}`)
    .join(', ');
}

/** The record a fact names, by its keys (ids, and values such as the role or the award's name). */
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
