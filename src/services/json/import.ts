/**
 * The JSON interchange format (docs/json-format.md): the whole record written
 * by hand or by a program, with names instead of ids ("Neon", "One Second",
 * "TIFF 2021").
 *
 * `importJson` checks the WHOLE document first and refuses it as a whole,
 * every error naming the record and the field
 * (`contracts[2].blocks[0].territories: unknown territory "Germny". Did you
 * mean: Germany?`). It then writes everything in ONE transaction: the
 * document is planned by json/plan.ts (inside that transaction) and written
 * by the one writer of imports, commitPlan (services/write), whose
 * contracts go through the same write path as saveContract
 * (`writeContractIn`, with its conflict check); any failure rolls the whole
 * document back, leaving the database exactly as it was.
 */
import type { ImportOptions, ImportSummary, InterchangeDocument } from '../../interchange/json/document.js';
import { Problems } from '../../interchange/problems.js';
import type { Actor, FilmRights } from '../app.js';
import { ForbiddenError } from '../errors.js';
import { commitPlan } from '../write/commitPlan.js';
import { jsonWritePlan, sourceFilePath } from './plan.js';
import { requireFinancialWrite } from '../access.js';

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
  if ((doc as { accounts?: unknown }).accounts != null && !actor.canSeeFinancials) {
    throw new ForbiddenError(
      `accounts: ${actor.username} does not have the financial-terms permission, so may not import the accounts (financial terms, ledger, revenue reports, exchange rates, statements); nothing was imported`,
      'accounts',
    );
  }
  refuseOfferMoney(actor, (doc as { offers?: unknown }).offers);
  const result = await commitPlan(app, actor, (trx) => jsonWritePlan(trx, doc, opts), new Problems(), { commit: true });
  return result.summary!;
}

/** An offer's money (MG, payment schedule) only from a user with the financial-terms permission: 403 naming the first such field. */
function refuseOfferMoney(actor: Actor, offers: unknown): void {
  if (actor.canSeeFinancials || !Array.isArray(offers)) return;
  offers.forEach((o: unknown, i) => {
    const versions = (o as { versions?: unknown } | null)?.versions;
    if (!Array.isArray(versions)) return;
    versions.forEach((v: unknown, j) => {
      if (v && typeof v === 'object')
        requireFinancialWrite(
          actor,
          Object.keys(v).filter((k) => (v as Record<string, unknown>)[k] !== undefined),
          `offers[${i}].versions[${j}].`,
        );
    });
  });
}
