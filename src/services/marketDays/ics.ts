/**
 * The schedule as iCalendar (src/interchange/ics/): exported for the whole market or one of our
 * people, and imported into meetings from another tool's file with a preview (nothing written)
 * and errors per event. An event's buyer is the company the event names (organizer, attendees,
 * summary), or the default buyer given; a second import of the same event (same UID) is skipped, and
 * so is an event of this market's own export (its UID names the meeting or screening it came from).
 * A commit writes every new event in one transaction, or nothing: any event with errors refuses the
 * whole file unless `skipInvalid` leaves those out.
 */
import { DomainError, invalid } from '../../domain/errors.js';
import { localOf } from '../../domain/marketTime.js';
import type { IcsImportInput, IcsImportResult } from '../../contract/marketDays.js';
import { readIcs, type IcsCandidate } from '../../interchange/ics/read.js';
import { writeIcs, type IcsEvent } from '../../interchange/ics/write.js';
import { isUniqueViolation, newId } from '../../store/index.js';
import { requireWriter } from '../access.js';
import type { Actor, FilmRights } from '../app.js';
import { audit } from '../audit.js';
import { marketRow } from './market.js';
import { checkMeeting, insertMeeting, readSchedule, type CheckedMeeting } from './schedule.js';

const UID_MAX = 255;

/** The UID the export gives a meeting or screening that did not come from another calendar; an import knows it again. */
function ownUid(kind: 'meeting' | 'screening', id: string): string {
  return `${kind}-${id}@filmrights`;
}

/** The market's schedule (or one person's) as an .ics file. */
export async function exportIcs(
  app: FilmRights,
  _actor: Actor,
  marketId: string,
  person?: string,
): Promise<{ name: string; text: string }> {
  const { market: m, meetings, screenings } = await readSchedule(app.store.db, marketId);
  const mine = <T extends { people: Array<{ key: string }> }>(x: T) => !person || x.people.some((p) => p.key === person);
  const events: IcsEvent[] = [
    ...meetings.filter(mine).map((x) => ({
      uid: x.icsUid ?? ownUid('meeting', x.id),
      start: Date.parse(x.start),
      end: Date.parse(x.end),
      summary: `Meeting: ${x.buyer.name}`,
      location: x.place,
      description:
        [
          x.people.length ? `With: ${x.people.map((p) => p.name).join(', ')}` : '',
          x.titles.length ? `Titles: ${x.titles.map((t) => t.name).join(', ')}` : '',
          x.notes ? `Notes: ${x.notes}` : '',
          x.nextStep ? `Next step: ${x.nextStep}` : '',
        ]
          .filter(Boolean)
          .join('\n') || null,
      categories: ['Meeting'],
    })),
    ...screenings.filter(mine).map((x) => ({
      uid: ownUid('screening', x.id),
      start: Date.parse(x.start),
      end: Date.parse(x.end),
      summary: `Screening: ${x.title.name}`,
      location: x.venue,
      description: x.invited.length ? `Invited: ${x.invited.map((b) => b.company.name).join(', ')}` : null,
      categories: ['Screening'],
    })),
  ].sort((a, b) => a.start - b.start || a.uid.localeCompare(b.uid));
  const name = `${m.name} ${m.start_date.slice(0, 4)}`;
  return { name: `${name}${person ? ` (${person})` : ''}`, text: writeIcs({ name, zone: m.time_zone, stamp: Date.now(), events }) };
}

function normal(s: string): string {
  return s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

/** The company an event names: the longest company name found in its organizer, attendees or summary. */
function buyerFor(c: IcsCandidate, companies: Array<{ id: string; name: string }>): { id: string; name: string } | null {
  const hay = c.names.map(normal);
  let best: { id: string; name: string } | null = null;
  for (const co of companies) {
    const n = normal(co.name);
    if (n.length < 2) continue;
    const re = new RegExp(`(^|[^\\p{L}\\p{N}])${n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^\\p{L}\\p{N}])`, 'u');
    if (hay.some((h) => re.test(h)) && (!best || co.name.length > best.name.length)) best = co;
  }
  return best;
}

export async function importIcs(app: FilmRights, actor: Actor, marketId: string, input: IcsImportInput): Promise<IcsImportResult> {
  if (input.commit) requireWriter(actor);
  return app.store.transaction(async (trx) => {
    const m = await marketRow(trx, marketId);
    const candidates = readIcs(input.ics, m.time_zone);
    if (!candidates.length) throw invalid('ics', null, 'ics: the file holds no events (VEVENT)');
    const companies = await trx.selectFrom('companies').select(['id', 'name']).execute();
    let fallback: { id: string; name: string } | null = null;
    if (input.defaultBuyerId) {
      fallback = companies.find((c) => c.id === input.defaultBuyerId) ?? null;
      if (!fallback) throw invalid('defaultBuyerId', input.defaultBuyerId, `defaultBuyerId: no company "${input.defaultBuyerId}"`);
    }
    // the UIDs of the market's meetings and screenings: those imported, and those our export gives them
    const meetings = await trx.selectFrom('market_meetings').select(['id', 'ics_uid']).where('market_id', '=', marketId).execute();
    const screenings = await trx.selectFrom('market_screenings').select('id').where('market_id', '=', marketId).execute();
    const imported = new Set<string>([
      ...meetings.flatMap((r) => (r.ics_uid ? [r.ics_uid, ownUid('meeting', r.id)] : [ownUid('meeting', r.id)])),
      ...screenings.map((r) => ownUid('screening', r.id)),
    ]);
    const inFile = new Set<string>();
    const checked: CheckedMeeting[] = [];
    const events: IcsImportResult['events'] = [];
    for (const c of candidates) {
      const errors = [...c.errors];
      const buyer = buyerFor(c, companies) ?? fallback;
      if (c.uid && c.uid.length > UID_MAX) errors.push(`UID: longer than ${UID_MAX} characters`);
      const uid = c.uid && c.uid.length <= UID_MAX ? c.uid : null;
      let status: 'new' | 'already-imported' | 'error' = 'new';
      if (uid && (imported.has(uid) || inFile.has(uid))) status = 'already-imported';
      if (uid) inFile.add(uid);
      if (!buyer && status === 'new')
        errors.push('buyer: the event names no known company (in its organizer, attendees or summary); give a default buyer');
      if (!errors.length && status === 'new' && buyer && c.start !== null && c.end !== null) {
        try {
          const notes = [c.summary, c.description].filter(Boolean).join('\n').slice(0, 2_000) || null;
          checked.push(
            await checkMeeting(
              trx,
              m,
              {
                buyerId: buyer.id,
                start: localOf(m.time_zone, c.start),
                end: localOf(m.time_zone, c.end),
                place: c.location?.slice(0, 500) ?? null,
                notes,
              },
              newId(),
              uid,
              { start: c.start, end: c.end },
            ),
          );
        } catch (e) {
          if (!(e instanceof DomainError)) throw e;
          errors.push(e.message);
        }
      }
      if (errors.length) status = 'error';
      events.push({
        index: c.index,
        uid: c.uid,
        summary: c.summary,
        start: c.start === null ? null : new Date(c.start).toISOString(),
        end: c.end === null ? null : new Date(c.end).toISOString(),
        localStart: c.start === null ? null : localOf(m.time_zone, c.start),
        buyer,
        place: c.location,
        status,
        errors: errors.map((e) => `event ${c.index}${c.summary ? ` (${c.summary.slice(0, 60)})` : ''}: ${e}`),
      });
    }
    const bad = events.filter((e) => e.status === 'error');
    if (!input.commit) return { events, committed: false, created: 0 };
    if (bad.length && !input.skipInvalid)
      throw invalid('ics', null, `ics: ${bad.length} of ${events.length} events have errors; nothing was imported. ${bad[0].errors[0]}`);
    for (const c of checked) {
      try {
        await insertMeeting(trx, c);
      } catch (e) {
        if (!isUniqueViolation(e)) throw e;
        throw invalid(
          'ics',
          null,
          `ics: event ${c.row.ics_uid} was imported by someone else at the same moment; nothing was imported. Preview again`,
        );
      }
      await audit(trx, actor, {
        action: 'import',
        entity: 'market_meetings',
        entityId: c.row.id,
        before: null,
        after: { ...c.row, people: c.people, titles: c.titles },
      });
    }
    return { events, committed: true, created: checked.length };
  });
}
