/**
 * Deleting and restoring the one-row records of the festival and market
 * record (a festival, an edition, a section, a selection, an award, a
 * release, a box-office figure): the deletion's audit entry keeps the row
 * and its source links, and a restore from the history writes them back,
 * as deals are restored. A parent deleted since (the title, the edition) is
 * said so; an optional reference deleted since (a section, a person, a
 * distributor) is left empty and said so.
 */
import { recordRightsChange } from './changeFeed.js';
import { titleAndBelow } from './engineBlocks.js';
import type { Kysely } from 'kysely';
import { DomainError, invalid } from '../domain/errors.js';
import type { Database } from '../store/index.js';
import type { Actor, FilmRights } from './app.js';
import { requireWriter } from './access.js';
import { audit, deletedSnapshot } from './audit.js';
import { NotFoundError } from './errors.js';
import { dropFactLinks, factLinksOf, FACT_TABLES, restoreFactLinks, type FactLinkRow, type FactTable } from './provenance.js';

export const ROW_TABLES = [
  'festivals',
  'festival_editions',
  'sections',
  'selections',
  'awards',
  'releases',
  'box_office',
  'credits',
] as const;
export type RowTable = (typeof ROW_TABLES)[number];

export const ROW_WHAT: Record<RowTable, string> = {
  festivals: 'festival',
  festival_editions: 'festival edition',
  sections: 'section',
  selections: 'selection',
  awards: 'award',
  releases: 'release',
  box_office: 'box-office figure',
  credits: 'credit',
};

type Row = Record<string, unknown> & { id: string };
export type RowSnapshot = Row & { sourceLinks?: FactLinkRow[]; sections?: Row[] };

/** Required parents (the row cannot come back without them) and optional references (left empty when gone). */
type ParentTable = RowTable | 'titles' | 'people' | 'companies';
const PARENTS: Record<RowTable, Array<{ column: string; table: ParentTable; what: string; optional?: boolean }>> = {
  festivals: [],
  festival_editions: [{ column: 'festival_id', table: 'festivals', what: 'festival' }],
  sections: [{ column: 'edition_id', table: 'festival_editions', what: 'festival edition' }],
  selections: [
    { column: 'edition_id', table: 'festival_editions', what: 'festival edition' },
    { column: 'title_id', table: 'titles', what: 'title' },
    { column: 'section_id', table: 'sections', what: 'section', optional: true },
  ],
  awards: [
    { column: 'edition_id', table: 'festival_editions', what: 'festival edition' },
    { column: 'title_id', table: 'titles', what: 'title' },
    { column: 'person_id', table: 'people', what: 'person', optional: true },
  ],
  releases: [
    { column: 'title_id', table: 'titles', what: 'title' },
    { column: 'distributor_id', table: 'companies', what: 'distributor', optional: true },
  ],
  box_office: [{ column: 'title_id', table: 'titles', what: 'title' }],
  credits: [
    { column: 'title_id', table: 'titles', what: 'title' },
    { column: 'person_id', table: 'people', what: 'person' },
  ],
};

const isFactTable = (t: string): t is FactTable => (FACT_TABLES as readonly string[]).includes(t);

/**
 * Deletes one row in the caller's transaction, with its source links (and an
 * edition's sections), and writes the audit entry that can bring it back.
 */
export async function deleteRowIn(trx: Kysely<Database>, actor: Actor, table: RowTable, id: string): Promise<RowSnapshot> {
  const row = (await trx.selectFrom(table).selectAll().where('id', '=', id).executeTakeFirst()) as Row | undefined;
  if (!row) throw new NotFoundError(ROW_WHAT[table], id);
  const snapshot: RowSnapshot = { ...row };
  if (table === 'festival_editions') {
    snapshot.sections = (await trx.selectFrom('sections').selectAll().where('edition_id', '=', id).orderBy('name').execute()) as Row[];
  }
  if (isFactTable(table)) {
    snapshot.sourceLinks = await factLinksOf(trx, [{ table, ids: [id] }]);
    await dropFactLinks(trx, table, [id]);
  }
  await trx.deleteFrom(table).where('id', '=', id).execute();
  await audit(trx, actor, { action: 'delete', entity: table, entityId: id, before: snapshot, after: null });
  // windows that follow the title's releases are resolved again (docs/domain.md, "Windows that depend on events")
  if (table === 'releases') await recordRightsChange(trx, await titleAndBelow(trx, String(row.title_id)));
  return snapshot;
}

/** One row deleted in its own transaction; what it was comes back. */
export async function deleteRow(
  app: FilmRights,
  actor: Actor,
  table: RowTable,
  id: string,
): Promise<{ deleted: RowSnapshot; removed: Record<string, number> }> {
  requireWriter(actor);
  const deleted = await app.store.transaction((trx) => deleteRowIn(trx, actor, table, id));
  if (table === 'releases') await app.refreshTitles(await titleAndBelow(app.store.db, String(deleted.title_id)));
  const removed: Record<string, number> = {};
  if (deleted.sourceLinks?.length) removed['source links'] = deleted.sourceLinks.length;
  if (deleted.sections?.length) removed.sections = deleted.sections.length;
  return { deleted, removed };
}

async function exists(trx: Kysely<Database>, table: ParentTable, id: string): Promise<boolean> {
  return !!(await trx.selectFrom(table).select('id').where('id', '=', id).executeTakeFirst());
}

/** Brings back a row as its deletion kept it (see the file's comment). */
export async function restoreRow(
  app: FilmRights,
  actor: Actor,
  table: RowTable,
  id: string,
): Promise<{ restored: Row; skipped: string[] }> {
  requireWriter(actor);
  const result = await app.store.transaction(async (trx) => {
    const snap = await deletedSnapshot<RowSnapshot>(trx, table, id, ROW_WHAT[table]);
    if (await exists(trx, table, id)) throw invalid('id', id, `id: a ${ROW_WHAT[table]} "${id}" exists again; nothing to restore`);
    const { sourceLinks, sections, ...row } = snap;
    const skipped: string[] = [];
    for (const p of PARENTS[table]) {
      const ref = row[p.column];
      if (typeof ref !== 'string' || (await exists(trx, p.table, ref))) continue;
      if (!p.optional)
        throw new DomainError(
          'parent-gone',
          'id',
          id,
          `id: the ${ROW_WHAT[table]} cannot come back: its ${p.what} "${ref}" was deleted since; restore that first`,
        );
      row[p.column] = null;
      skipped.push(`its ${p.what} (${ref}) was deleted since; left empty`);
    }
    // the row as its deletion read it, column for column (the table's own shape, kept as JSON)
    await trx
      .insertInto(table)
      .values(row as never)
      .execute();
    if (sections?.length)
      await trx
        .insertInto('sections')
        .values(sections as never)
        .execute();
    skipped.push(...(await restoreFactLinks(trx, sourceLinks ?? [])));
    await audit(trx, actor, {
      action: 'restore',
      entity: table,
      entityId: id,
      before: { ...row, ...(sections ? { sections } : {}) },
      after: row,
    });
    // a release back dates the windows that follow it again
    if (table === 'releases') await recordRightsChange(trx, await titleAndBelow(trx, String(row.title_id)));
    return { restored: row, skipped };
  });
  if (table === 'releases') await app.refreshTitles(await titleAndBelow(app.store.db, String(result.restored.title_id)));
  return result;
}
