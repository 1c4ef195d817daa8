/**
 * Writing a plan's contracts as a document gives them (holdbacks,
 * negotiators, sales agent, edition, override): through writeContractIn
 * with its conflict check, rights-in and market intelligence first so that
 * rights-out find the rights they grant. Conflicts refuse the whole import,
 * each naming the contract's block.
 */
import type { Kysely } from 'kysely';

import { ImportError, type ImportIssue, type ImportSummary } from '../../interchange/json/document.js';
import type { Database } from '../../store/index.js';
import type { Actor, FilmRights } from '../app.js';
import { weCompanyIn, writeContractIn, type ContractInput } from '../contracts.js';
import type { ContractPlan, Keys, RecordPlan } from './records.js';

/** A contract plan with every key turned into the id written for it. */
function resolveContract(k: ContractPlan, keys: Keys): ContractPlan {
  const id = (key: string) => keys.id(key);
  const i = k.checked.input;
  const input: ContractInput = {
    ...i,
    titleIds: i.titleIds.map(id),
    licensorId: keys.maybe(i.licensorId),
    licenseeId: keys.maybe(i.licenseeId),
    salesAgentId: keys.maybe(i.salesAgentId),
    editionId: keys.maybe(i.editionId),
    negotiators: (i.negotiators ?? []).map((n) => ({
      ...n,
      personId: id(n.personId),
      companyId: keys.maybe(n.companyId),
    })),
  };
  const blocks = k.checked.blocks.map((b) => ({
    ...b,
    titleIds: b.titleIds.map(id),
    input: {
      ...b.input,
      ...(b.input.titleId ? { titleId: id(b.input.titleId) } : {}),
      ...(b.input.covers ? { covers: b.input.covers.map(id) } : {}),
      ...(b.input.excludes ? { excludes: b.input.excludes.map(id) } : {}),
    },
  }));
  const holdbacks = k.checked.holdbacks.map((h) => ({
    ...h,
    titleIds: h.titleIds.map(id),
    input: { ...h.input, ...(h.input.titleId ? { titleId: id(h.input.titleId) } : {}) },
  }));
  return { field: k.field, checked: { ...k.checked, input, blocks, holdbacks } };
}

export async function writeDocumentContracts(
  trx: Kysely<Database>,
  app: FilmRights,
  actor: Actor,
  p: RecordPlan,
  keys: Keys,
  summary: ImportSummary,
): Promise<void> {
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
  const resolved = p.contractPlans.map((k) => resolveContract(k, keys));
  const outFirst = (k: ContractPlan) => {
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
}
