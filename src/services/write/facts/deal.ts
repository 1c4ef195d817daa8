/**
 * An accepted deal: the title, buyer, seller, negotiators and festival it
 * names found or created, and a contract ("announced", as the article
 * reports it) through checkContract / writeContractIn, conflict-checked. A
 * deal already on record (same title, buyer and territories) only gains
 * the article as a source.
 */
import { invalid } from '../../../domain/errors.js';
import { normalizeName } from '../../../domain/fuzzy.js';
import type { Span } from '../../../ingest/types.js';
import type { WrittenFact } from '../../../store/index.js';
import type { FilmRights } from '../../app.js';
import { findContract } from '../../articles/review.js';
import { checkContract, writeContractIn, type ContractContext, type ContractInput } from '../../contracts.js';
import { RightsConflictError } from '../../errors.js';
import type { FactTable } from '../../provenance.js';
import type { FactSource } from './link.js';
import { str, uniqueRef, type FactWriter } from './resolve.js';

/** The statuses a reviewer may give a deal read from the press: as announced (the default), signed, or still in negotiation. */
export const DEAL_FACT_STATUSES = ['announced', 'signed', 'negotiating'] as const;

export async function writeDeal(
  app: FilmRights,
  w: FactWriter,
  f: Record<string, unknown>,
  title: string,
  source: FactSource,
  span: Span,
  override: { reason: string } | null | undefined,
  link: (table: FactTable, id: string, existed: boolean) => Promise<WrittenFact>,
): Promise<WrittenFact> {
  const { trx, actor } = w;
  const titleId = await w.title(title, f.titleId);
  const buyer = str(f.buyer);
  if (!buyer) throw invalid('fields.buyer', f.buyer, 'fields.buyer: required, who acquired the rights');
  const buyerId = await w.company('buyer', buyer, 'buyer', f.buyerId);
  const seller = str(f.seller);
  const sellerId = seller ? await w.company('seller', seller, 'seller', f.sellerId) : null;
  const territories = str(f.territories);
  const existing = await findContract(trx, titleId, buyerId, territories);
  if (existing) return link('contracts', existing.id, true);
  const media = str(f.media);
  const negotiators: ContractInput['negotiators'] = [];
  const list = Array.isArray(f.negotiators)
    ? (f.negotiators as Array<{ name?: string; company?: string | null; side?: string | null }>)
    : [];
  for (let i = 0; i < list.length; i++) {
    const n = list[i];
    if (!str(n.name)) continue;
    const personId = await w.person(`negotiators[${i}]`, n.name!, undefined);
    const side =
      n.side === 'licensor' || n.side === 'licensee'
        ? n.side
        : n.company && normalizeName(n.company) === normalizeName(buyer)
          ? 'licensee'
          : 'licensor';
    const companyId = n.company
      ? normalizeName(n.company) === normalizeName(buyer)
        ? buyerId
        : seller && normalizeName(n.company) === normalizeName(seller)
          ? sellerId
          : await w.company(`negotiators[${i}].company`, n.company, 'other', undefined)
      : side === 'licensee'
        ? buyerId
        : sellerId;
    if (!negotiators.some((x) => x.personId === personId)) negotiators.push({ personId, companyId, side });
  }
  const festival =
    f.festival && typeof f.festival === 'object' ? (f.festival as { name?: string; year?: number | null; edition?: number | null }) : null;
  const editionId =
    festival?.name && festival.year ? await w.edition(festival.name, festival.year, festival.edition ?? null, f.festivalId) : null;
  const price = f.price && typeof f.price === 'object' ? (f.price as { amount: string; currency: string }) : null;
  const announcedOn = str(f.announcedOn) ?? source.publishedOn;
  // the term and the deal's other fields as the reviewer entered them; a press deal whose end is not reported is
  // recorded from its announcement with its term *not reported* (an unknown end, not a perpetual licence:
  // availability treats it as undated, docs/domain.md), and its notes say so
  const start = str(f.start) ?? announcedOn;
  const end = str(f.end);
  const termReported = !!end;
  const exclusive = !(f.exclusive === false || (typeof f.exclusive === 'string' && /^(?:false|no|non-exclusive)$/i.test(f.exclusive)));
  const status = f.status === undefined || f.status === null || f.status === '' ? 'announced' : str(f.status);
  if (!status || !DEAL_FACT_STATUSES.includes(status as (typeof DEAL_FACT_STATUSES)[number]))
    throw invalid('fields.status', f.status, `fields.status: one of ${DEAL_FACT_STATUSES.join(', ')}`);
  const notes = [
    `As reported by ${source.outlet ?? 'the trade press'}${source.publishedOn ? ` on ${source.publishedOn}` : ''}: “${source.text.slice(span[0], span[1]).replace(/\s+/g, ' ').trim()}”`,
    territories ? null : 'Territories not reported.',
    media ? null : 'Media not reported (recorded as All Media).',
    termReported ? null : `Term not reported (recorded from ${str(f.start) ? 'the start given' : 'the announcement'}, end unknown).`,
    str(f.priceNote) ? `Price: ${str(f.priceNote)}.` : null,
  ]
    .filter(Boolean)
    .join(' ');

  const input: ContractInput = {
    ref: await uniqueRef(trx, `${buyer}-${title}`),
    status: status as (typeof DEAL_FACT_STATUSES)[number],
    licensorId: sellerId,
    licenseeId: buyerId,
    salesAgentId:
      sellerId && (await trx.selectFrom('companies').select('kind').where('id', '=', sellerId).executeTakeFirst())?.kind === 'sales-agent'
        ? sellerId
        : null,
    titleIds: [titleId],
    blocks: territories ? [{ territories, media: media ?? 'All Media', start, end: end ?? null, termReported, exclusive }] : [],
    negotiators,
    mg: price,
    announcedOn,
    editionId,
    notes,
    override: override?.reason ? { reason: override.reason } : null,
  };
  const checked = checkContract(
    input,
    (n) => `fields.${n === 'blocks[0].territories' ? 'territories' : n === 'blocks[0].media' ? 'media' : n}`,
  );
  // a conflict names the parties of the contracts in the way (read on demand after a start from a snapshot)
  // (a title made in this transaction has none yet, and is not read into the lookups: it may roll back)
  if (app.knowsTitle(titleId)) await app.ensureTitleNames([titleId], trx);
  const ctx: ContractContext = { titleName: app.titleName, parties: app.contractParties };
  // the MG is the price as the article reports it (a reviewer's edit of it needs the financial-terms permission: acceptFact)
  const r = await writeContractIn(trx, app.store, ctx, actor, checked, { mgFromSource: true });
  if (!r.ok) throw new RightsConflictError(r.report);
  return link('contracts', r.id, false);
}
