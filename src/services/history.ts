/**
 * Undo from a record's history: a deleted title, company, person, festival,
 * edition, section, selection, award, release, box-office figure or credit
 * comes back as its deletion kept it (deals have their own restore, which
 * checks their rights again: contracts.ts).
 */
import { invalid } from '../domain/errors.js';
import type { Actor, FilmRights } from './app.js';
import { restoreTitle } from './catalog.js';
import { restorePersonOrCompany } from './people.js';
import { restoreRow, ROW_TABLES, type RowTable } from './rows.js';

export const RESTORABLE = ['titles', 'companies', 'people', ...ROW_TABLES] as const;
export type Restorable = (typeof RESTORABLE)[number];

export async function restoreFromHistory(
  app: FilmRights,
  actor: Actor,
  entity: string,
  id: string,
): Promise<{ entity: Restorable; id: string; restored: unknown; skipped: string[] }> {
  if (!(RESTORABLE as readonly string[]).includes(entity)) {
    throw invalid(
      'entity',
      entity,
      `entity: "${entity}" cannot be restored here (one of ${RESTORABLE.join(', ')}; deals: POST /api/contracts/:id/restore)`,
    );
  }
  const e = entity as Restorable;
  const r =
    e === 'titles'
      ? await restoreTitle(app, actor, id)
      : e === 'companies' || e === 'people'
        ? await restorePersonOrCompany(app, actor, e, id)
        : await restoreRow(app, actor, e as RowTable, id);
  return { entity: e, id, ...r };
}
