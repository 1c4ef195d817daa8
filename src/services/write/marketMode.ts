/**
 * Writing a document's market mode (services/json/marketMode.plan.ts) inside the writer's
 * transaction, after the titles, companies, people, editions and contracts it names: each market
 * with its line-up, screenings (invited buyers, our people), meetings (people, titles) and
 * follow-up tasks; then each offer with every version, its status history as it happened (who and
 * when), the link to its contract and the expiry of the hold it placed. Audited per record.
 */
import type { Kysely } from 'kysely';

import type { ImportSummary } from '../../interchange/json/document.js';
import { newId, nowIso, toJson, type Database } from '../../store/index.js';
import type { Actor } from '../app.js';
import { audit } from '../audit.js';
import type { Keys, MarketModePlan, PlannedOffer, PlannedPerson } from './records.js';

type Db = Kysely<Database>;

const person = (keys: Keys, p: PlannedPerson, position: number) => ({ position, user_id: p.user, person_id: keys.maybe(p.person) });

export async function writeMarketMode(trx: Db, actor: Actor, plan: MarketModePlan, keys: Keys, summary: ImportSummary): Promise<void> {
  for (const m of plan.markets) {
    const id = newId();
    await trx
      .insertInto('markets')
      .values({
        id,
        edition_id: keys.id(m.editionKey),
        name: m.name,
        time_zone: m.timeZone,
        start_date: m.start,
        end_date: m.end,
        created_at: nowIso(),
      })
      .execute();
    if (m.lineup.length)
      await trx
        .insertInto('market_lineup')
        .values(
          m.lineup.map((l, position) => ({ market_id: id, title_id: keys.id(l.title), status: l.status, position, logline: l.logline })),
        )
        .execute();
    for (const s of m.screenings) {
      const sid = newId();
      await trx
        .insertInto('market_screenings')
        .values({
          id: sid,
          market_id: id,
          title_id: keys.id(s.title),
          starts_at: s.startsAt,
          ends_at: s.endsAt,
          venue: s.venue,
          notes: s.notes,
        })
        .execute();
      if (s.buyers.length)
        await trx
          .insertInto('screening_buyers')
          .values(
            s.buyers.map((b) => ({
              screening_id: sid,
              company_id: keys.id(b.company),
              attended: b.attended === null ? null : b.attended ? 1 : 0,
            })),
          )
          .execute();
      if (s.people.length)
        await trx
          .insertInto('screening_people')
          .values(s.people.map((p, i) => ({ screening_id: sid, ...person(keys, p, i) })))
          .execute();
    }
    const meetingIds: string[] = [];
    for (const x of m.meetings) {
      const mid = newId();
      meetingIds.push(mid);
      await trx
        .insertInto('market_meetings')
        .values({
          id: mid,
          market_id: id,
          company_id: keys.id(x.buyer),
          starts_at: x.startsAt,
          ends_at: x.endsAt,
          place: x.place,
          notes: x.notes,
          next_step: x.nextStep,
          ics_uid: x.icsUid,
          created_at: nowIso(),
        })
        .execute();
      if (x.people.length)
        await trx
          .insertInto('meeting_people')
          .values(x.people.map((p, i) => ({ meeting_id: mid, ...person(keys, p, i) })))
          .execute();
      if (x.titles.length)
        await trx
          .insertInto('meeting_titles')
          .values(x.titles.map((t) => ({ meeting_id: mid, title_id: keys.id(t) })))
          .execute();
    }
    for (const t of m.tasks) {
      await trx
        .insertInto('market_tasks')
        .values({
          id: newId(),
          market_id: id,
          due_on: t.dueOn,
          owner_id: t.owner,
          text: t.text,
          meeting_id: t.meeting === null ? null : meetingIds[t.meeting],
          company_id: keys.maybe(t.buyer),
          done: t.done ? 1 : 0,
          created_at: nowIso(),
        })
        .execute();
    }
    await audit(trx, actor, {
      action: 'import',
      entity: 'markets',
      entityId: id,
      before: null,
      after: { name: m.name, lineup: m.lineup.length, screenings: m.screenings.length, meetings: m.meetings.length, tasks: m.tasks.length },
    });
    summary.markets = (summary.markets ?? 0) + 1;
  }
  for (const o of plan.offers) await writeOffer(trx, actor, o, keys, summary);
}

async function writeOffer(trx: Db, actor: Actor, o: PlannedOffer, keys: Keys, summary: ImportSummary): Promise<void> {
  const id = newId();
  const contract = o.contract
    ? (await trx.selectFrom('contracts').select('id').where('ref', '=', o.contract).executeTakeFirstOrThrow()).id
    : null;
  await trx
    .insertInto('offers')
    .values({
      id,
      ref: o.ref,
      buyer_id: keys.id(o.buyer),
      edition_id: keys.maybe(o.edition),
      status: o.status,
      current_version: o.versions.length,
      contract_id: contract,
      created_by: o.createdBy,
      created_at: o.createdAt,
      updated_at: o.updatedAt,
    })
    .execute();
  for (const [i, v] of o.versions.entries()) {
    const terms = { ...v.checked.terms, titleIds: v.checked.terms.titleIds.map((t) => keys.id(t)) };
    await trx
      .insertInto('offer_versions')
      .values({
        offer_id: id,
        version: i + 1,
        terms: toJson(terms),
        mg_amount: v.checked.mg?.minor ?? null,
        mg_currency: v.checked.mg?.currency ?? null,
        payment_schedule: v.checked.paymentSchedule ? toJson(v.checked.paymentSchedule) : null,
        note: v.note,
        created_by: v.createdBy,
        created_at: v.createdAt,
      })
      .execute();
  }
  const current = o.versions[o.versions.length - 1].checked.terms.titleIds.map((t) => keys.id(t));
  await trx
    .insertInto('offer_titles')
    .values(current.map((t) => ({ offer_id: id, title_id: t })))
    .execute();
  await trx
    .insertInto('offer_events')
    .values(
      o.events.map((e, i) => ({
        offer_id: id,
        seq: i + 1,
        from_status: e.from,
        to_status: e.to,
        version: e.version,
        user_id: e.user,
        username: e.by,
        at: e.at,
        note: e.note,
      })),
    )
    .execute();
  if (contract && o.holdExpiresOn) {
    await trx.deleteFrom('hold_expiries').where('contract_id', '=', contract).execute();
    await trx.insertInto('hold_expiries').values({ contract_id: contract, expires_on: o.holdExpiresOn }).execute();
  }
  await audit(trx, actor, {
    action: 'import',
    entity: 'offers',
    entityId: id,
    before: null,
    after: { ref: o.ref, status: o.status, versions: o.versions.length, contract: o.contract },
  });
  summary.offers = (summary.offers ?? 0) + 1;
}
