/**
 * An offer's status changes, and what they do to rights (docs/offers.md):
 * - accepting places a hold: a rights-out contract in negotiation, written through the contracts'
 *   one conflict-checked write (writeContractIn: titles locked, rights read from the store inside
 *   the transaction), refused (409, with the reason) when anything is in the way, another hold
 *   included: of two offers accepted at once for the same exclusive rights, exactly one holds;
 * - the hold carries an expiry day (hold_expiries); past it, the engine's loader and the index no
 *   longer count it, and the sweep gives the contract and the offer their final status (expired);
 * - signing turns the hold into the signed rights-out contract through the same write;
 * - declining or withdrawing releases the hold (the contract is rejected).
 * Each change is one transaction with its status event and audit entries.
 */
import type { Kysely } from 'kysely';
import { checkTransition, HOLDING_STATUSES, type OfferStatus, type OfferTerms } from '../../domain/offers.js';
import { DomainError } from '../../domain/errors.js';
import { isCalendarDate } from '../../domain/dates.js';
import { nowIso, type ContractStatus, type Database } from '../../store/index.js';
import type { ContractInput, OfferStatusInput, OfferView } from '../../contract/index.js';
import { SYSTEM, type Actor, type FilmRights } from '../app.js';
import { requireWriter } from '../access.js';
import { audit } from '../audit.js';
import { checkContract, inputOf, readContract, weCompanyIn, writeContractIn, type ContractContext } from '../contracts.js';
import { NotFoundError, RightsConflictError } from '../errors.js';
import { addDaysIso, todayIso } from '../lookup.js';
import type { ConflictReportView } from '../views.js';
import { getOffer } from './write.js';
import { offerRecord, readVersions } from './read.js';
import { recordEvent } from './write.js';

/** How long a hold lasts when the accept does not say. */
export const DEFAULT_HOLD_DAYS = 14;

/** The actor of the sweep that ends expired holds, as the audit log names it. */
export const HOLD_SWEEPER: Actor = { ...SYSTEM, id: 'holds', username: 'hold-expiry' };

/** An offer that cannot hold or be signed: 409, with what is in the way (sold, held back, not held, or another hold). */
export class OfferRefusedError extends RightsConflictError {
  constructor(report: ConflictReportView, message: string) {
    super(report);
    this.message = message;
  }
}

function refusal(offerRef: string, action: string, report: ConflictReportView, holdsBlock: boolean): OfferRefusedError {
  const blocks = report.blocks.map((b) => ({ ...b, conflicts: holdsBlock ? [...b.conflicts, ...b.holds] : b.conflicts }));
  const rows = blocks.flatMap((b) => b.conflicts);
  const first = rows[0];
  const where = first
    ? `${first.titles.join(', ')}: ${first.territoryLabel}, ${first.mediaLabel}: ${first.reasons.map((r) => r.message).join('; ')}${rows.length > 1 ? ` (and ${rows.length - 1} more)` : ''}`
    : 'its rights are not free';
  return new OfferRefusedError({ clear: false, blocks }, `${offerRef} cannot be ${action}: ${where}.`);
}

interface OfferState {
  id: string;
  ref: string;
  status: OfferStatus;
  buyerId: string;
  editionId: string | null;
  version: number;
  contractId: string | null;
  terms: OfferTerms;
  mg: { amount: string; currency: string } | null;
  conditions: string | null;
}

async function readState(trx: Kysely<Database>, id: string): Promise<OfferState> {
  const o = await trx.selectFrom('offers').selectAll().where('id', '=', id).executeTakeFirst();
  if (!o) throw new NotFoundError('offer', id);
  const v = (await readVersions(trx, id)).find((x) => x.version === o.current_version)!;
  return {
    id,
    ref: o.ref,
    status: o.status,
    buyerId: o.buyer_id,
    editionId: o.edition_id,
    version: o.current_version,
    contractId: o.contract_id,
    terms: v.terms,
    mg: v.mg ?? null,
    conditions: v.terms.conditions,
  };
}

/** The rights-out contract an accepted offer holds (status negotiating). */
function holdContract(s: OfferState, we: string | null): ContractInput {
  const t = s.terms;
  return {
    ref: s.ref,
    direction: 'out',
    status: 'negotiating',
    licensorId: we,
    licenseeId: s.buyerId,
    titleIds: t.titleIds,
    blocks: [{ territories: t.territories, media: t.media, languages: t.languages, start: t.start, end: t.end, exclusive: t.exclusive }],
    holdbacks: t.holdbacks.map((h) => ({ ...h })),
    mg: s.mg,
    editionId: s.editionId,
    notes: [`From offer ${s.ref} (version ${s.version}).`, t.conditions].filter(Boolean).join(' '),
  };
}

/** Rewrites the offer's contract in another status (signed, rejected, expired) through the conflict-checked write. */
async function moveContract(
  app: FilmRights,
  trx: Kysely<Database>,
  actor: Actor,
  s: OfferState,
  status: ContractStatus,
  extra: { signedOn?: string; action?: string; reason?: string | null },
): Promise<string[]> {
  const view = await readContract(trx, s.contractId!);
  if (!view || view.deletedAt) throw new NotFoundError('contract', s.contractId!);
  // the MG is left as stored (absent: unchanged): moving the status writes no figure of the actor's
  const { mg: _mg, ...input } = inputOf(view);
  const ctx: ContractContext = { titleName: app.titleName, parties: app.contractParties };
  const r = await writeContractIn(
    trx,
    app.store,
    ctx,
    actor,
    checkContract({ ...input, status, signedOn: extra.signedOn ?? input.signedOn }),
    {
      id: view.id,
      action: extra.action,
      reason: extra.reason ?? null,
    },
  );
  if (!r.ok) throw refusal(s.ref, status === 'signed' ? 'signed' : 'changed', r.report, false);
  await trx.deleteFrom('hold_expiries').where('contract_id', '=', view.id).execute();
  return r.titleIds;
}

/** Moves an offer along its status flow (illegal moves refused, 400 naming the allowed ones). */
export async function changeOfferStatus(app: FilmRights, actor: Actor, id: string, input: OfferStatusInput): Promise<OfferView> {
  requireWriter(actor);
  const to = input.status;
  const today = todayIso();
  if (input.holdExpiresOn !== undefined) {
    if (to !== 'accepted')
      throw new DomainError('invalid', 'holdExpiresOn', input.holdExpiresOn, 'holdExpiresOn: only when accepting an offer');
    if (!isCalendarDate(input.holdExpiresOn))
      throw new DomainError(
        'invalid',
        'holdExpiresOn',
        input.holdExpiresOn,
        `holdExpiresOn: "${input.holdExpiresOn}" is not a calendar date`,
      );
    if (input.holdExpiresOn < today)
      throw new DomainError(
        'invalid',
        'holdExpiresOn',
        input.holdExpiresOn,
        `holdExpiresOn: ${input.holdExpiresOn} is in the past (today is ${today})`,
      );
  }
  if (input.signedOn !== undefined && to !== 'signed')
    throw new DomainError('invalid', 'signedOn', input.signedOn, 'signedOn: only when signing an offer');
  let touched: string[] = [];
  // accepting or signing writes a contract, whose conflicts name the contracts on the offer's
  // titles: their parties read now (the transaction below holds the store's connection)
  await app.ensureTitleNames((await readState(app.store.db, id)).terms.titleIds);
  await app.store.transaction(async (trx) => {
    const first = await readState(trx, id);
    // the offer's titles are locked first: changes to its rights (and to its status) queue here
    await app.store.lockTitles(trx, [...first.terms.titleIds].sort());
    const s = await readState(trx, id);
    checkTransition(s.status, to);
    const before = await offerRecord(trx, id);
    let contractId = s.contractId;
    if (to === 'accepted') {
      const ctx: ContractContext = { titleName: app.titleName, parties: app.contractParties };
      const hold = holdContract(s, await weCompanyIn(trx));
      // the MG written is the offer's, not a figure the actor chose
      const r = await writeContractIn(trx, app.store, ctx, actor, checkContract(hold), {
        mgFromSource: true,
        reason: `offer ${s.ref} accepted`,
      });
      if (!r.ok) throw refusal(s.ref, 'accepted', r.report, true);
      // a hold is in the way too: exactly one of two offers for the same exclusive rights holds them
      if (r.holds.length) throw refusal(s.ref, 'accepted', { clear: false, blocks: r.holds }, true);
      contractId = r.id;
      touched = r.titleIds;
      await trx
        .insertInto('hold_expiries')
        .values({ contract_id: r.id, expires_on: input.holdExpiresOn ?? addDaysIso(today, DEFAULT_HOLD_DAYS) })
        .execute();
    } else if (to === 'signed') {
      touched = await moveContract(app, trx, actor, s, 'signed', { signedOn: input.signedOn ?? today, reason: `offer ${s.ref} signed` });
    } else if (HOLDING_STATUSES.includes(s.status) && s.contractId && (to === 'declined' || to === 'withdrawn' || to === 'expired')) {
      touched = await moveContract(app, trx, actor, s, to === 'expired' ? 'expired' : 'rejected', { reason: `offer ${s.ref} ${to}` });
    }
    await trx.updateTable('offers').set({ status: to, contract_id: contractId, updated_at: nowIso() }).where('id', '=', id).execute();
    await recordEvent(trx, actor, id, s.status, to, s.version, input.note ?? null);
    await audit(trx, actor, {
      action: 'status',
      entity: 'offers',
      entityId: id,
      before,
      after: await offerRecord(trx, id),
      reason: input.note ?? null,
    });
  });
  await app.refreshTitles(touched);
  return getOffer(app, actor, id);
}

/**
 * Ends the holds whose expiry day is before `today`: each contract becomes `expired` through the
 * contracts' write (audit entry "hold-expired"), its offer `expired` with a status event. Each
 * hold in its own transaction (one that fails does not keep the others). The read path already
 * ignores these holds from the day after their expiry; the sweep makes it the record.
 */
export async function sweepExpiredHolds(app: FilmRights, today: string = todayIso()): Promise<{ expired: string[] }> {
  const due = await app.store.db
    .selectFrom('hold_expiries as hx')
    // a CROSS JOIN with its condition in WHERE: SQLite reads the holds first, not every negotiating contract (app.ts, refreshHoldExpiries)
    .crossJoin('contracts as c')
    .whereRef('c.id', '=', 'hx.contract_id')
    .select(['c.id', 'c.ref', 'hx.expires_on'])
    .where('hx.expires_on', '<', today)
    .where('c.status', '=', 'negotiating')
    .where('c.deleted_at', 'is', null)
    .orderBy('hx.expires_on')
    .execute();
  const expired: string[] = [];
  for (const h of due) {
    let touched: string[] = [];
    await app.store.transaction(async (trx) => {
      const offer = await trx.selectFrom('offers').select(['id']).where('contract_id', '=', h.id).executeTakeFirst();
      const reason = `the hold expired on ${h.expires_on}`;
      if (offer) {
        const s = await readState(trx, offer.id);
        await app.store.lockTitles(trx, [...s.terms.titleIds].sort());
        const before = await offerRecord(trx, offer.id);
        touched = await moveContract(app, trx, HOLD_SWEEPER, s, 'expired', { action: 'hold-expired', reason });
        if (HOLDING_STATUSES.includes(s.status)) {
          await trx.updateTable('offers').set({ status: 'expired', updated_at: nowIso() }).where('id', '=', offer.id).execute();
          await recordEvent(trx, HOLD_SWEEPER, offer.id, s.status, 'expired', s.version, reason);
          await audit(trx, HOLD_SWEEPER, {
            action: 'hold-expired',
            entity: 'offers',
            entityId: offer.id,
            before,
            after: await offerRecord(trx, offer.id),
            reason,
          });
        }
      } else {
        await trx.deleteFrom('hold_expiries').where('contract_id', '=', h.id).execute();
      }
    });
    await app.refreshTitles(touched);
    expired.push(h.ref);
  }
  return { expired };
}
