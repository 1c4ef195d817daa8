/**
 * The rights part of a plan (src/interchange/plan.ts), as EMA avails and
 * deal and catalog sheets give it: the checks that need no database, then,
 * inside the writer's transaction, companies found or created, new titles
 * (with their directors), and contracts with their blocks through
 * checkContract / writeContractIn (conflicts become problems at the rows
 * they came from).
 */
import type { Kysely } from 'kysely';
import { DomainError } from '../../domain/errors.js';
import { WE, type PlannedBlock, type RunOptions, type RunResult } from '../../interchange/plan.js';
import type { Problems } from '../../interchange/problems.js';
import type { Database } from '../../store/index.js';
import type { Actor, FilmRights } from '../app.js';
import { checkCredit, checkTitle, insertCredit, insertTitle } from '../catalog.js';
import { checkContract, weCompanyIn, writeContractIn, type ContractContext, type ContractInput } from '../contracts.js';
import { NameIndex, checkCompany, findOrCreateCompanyIn, findOrCreatePersonIn } from '../people.js';
import type { WritePlan } from './records.js';

export type CheckedTitles = Map<string, ReturnType<typeof checkTitle>>;

/** The checks that need no database: new titles, and each block and MG of the contracts. */
export function precheck(plan: WritePlan, problems: Problems): CheckedTitles {
  const checkedTitles: CheckedTitles = new Map();
  for (const t of plan.titles) {
    if (t.existingId || !t.input) continue;
    const c = problems.catching(t.rows[0] ?? t.label, () => checkTitle(t.input!, (n) => `title "${t.label}": ${n}`));
    if (c) checkedTitles.set(t.key, c);
  }
  const placeholder = (k: string) => `key:${k}`;
  for (const c of plan.contracts) {
    c.blocks.forEach((b, i) => {
      problems.catching(b.rows.join('; ') || c.ref, () =>
        checkContract(
          { status: c.status, titleIds: c.titleKeys.map(placeholder), blocks: [{ ...blockInput(b, placeholder(b.titleKey)) }] },
          (n) => (n.startsWith('blocks[0]') ? n.replace('blocks[0]', `block ${i + 1}`) : n),
        ),
      );
    });
    if (c.mg) problems.catching(c.rows[0] ?? c.ref, () => checkContract({ status: c.status, titleIds: ['x'], mg: c.mg }, (n) => n));
  }
  return checkedTitles;
}

/** The rights part of a plan: companies found or created, new titles (with directors), contracts with their blocks. */
export async function writeRights(
  trx: Kysely<Database>,
  app: FilmRights,
  actor: Actor,
  plan: WritePlan,
  checkedTitles: CheckedTitles,
  problems: Problems,
  opts: RunOptions,
  result: RunResult,
  touched: Set<string>,
): Promise<void> {
  const titleName = new Map(plan.titles.map((t) => [t.key, t.label]));
  const companyName = new Map(plan.companies.map((c) => [c.key, c.name]));
  const we = await weCompanyIn(trx);
  const companies = await NameIndex.load(trx, 'companies');
  const companyIds = new Map<string, string>();
  if (we) companyIds.set(WE, we);
  for (const c of plan.companies) {
    const found = companies.find(c.name);
    const r = found
      ? { id: found, created: false }
      : await findOrCreateCompanyIn(trx, actor, checkCompany({ name: c.name, kind: c.kind }), companies);
    companyIds.set(c.key, r.id);
    result.companies.push({ name: c.name, action: r.created ? 'create' : 'existing' });
    if (r.created) result.created.companies++;
  }
  const titleIds = new Map<string, string>();
  const people = plan.titles.some((t) => t.directors?.length) ? await NameIndex.load(trx, 'people') : null;
  for (const t of plan.titles) {
    if (t.existingId) {
      titleIds.set(t.key, t.existingId);
      result.titles.push({ name: t.label, id: t.existingId, action: 'existing' });
      continue;
    }
    const c = checkedTitles.get(t.key)!;
    const parentId = t.parentKey ? titleIds.get(t.parentKey) : undefined;
    const id = await insertTitle(trx, actor, parentId ? { ...c, parent_id: parentId } : c);
    titleIds.set(t.key, id);
    for (const d of t.directors ?? []) {
      const person = await findOrCreatePersonIn(trx, actor, { name: d }, people!);
      await insertCredit(trx, actor, id, person.id, checkCredit({ role: 'director' }));
    }
    result.titles.push({ name: t.label, id: opts.commit ? id : null, action: 'create' });
    result.created.titles++;
  }
  const idLabel = new Map([...titleIds].map(([k, id]) => [id, titleName.get(k) ?? id]));
  const written = new Map<string, { licensor: string | null; licensee: string | null }>();
  // a conflict names the parties of the contracts in the way, read on demand after a start from a
  // snapshot: those of the titles that were there before this import (titles made in this transaction
  // have no contracts yet, and are not read into the lookups: a dry run rolls them back)
  await app.ensureTitleNames(
    [...titleIds.values()].filter((id) => app.knowsTitle(id)),
    trx,
  );
  const ctx: ContractContext = {
    titleName: (id) => idLabel.get(id) ?? app.titleName(id),
    parties: (ref) => written.get(ref) ?? app.contractParties(ref),
  };
  let done = 0;
  for (const c of plan.contracts) {
    const input: ContractInput = {
      ref: c.ref,
      status: c.status,
      licensorId: c.licensor ? (companyIds.get(c.licensor) ?? null) : null,
      licenseeId: c.licensee ? (companyIds.get(c.licensee) ?? null) : null,
      titleIds: c.titleKeys.map((k) => titleIds.get(k)!),
      blocks: c.blocks.map((b) => blockInput(b, titleIds.get(b.titleKey)!)),
      // absent when the sheet gives none: only users with the financial-terms permission may set an MG
      ...(c.mg ? { mg: c.mg } : {}),
      notes: c.notes ?? null,
    };
    if (c.licensor === WE && !we)
      problems.warn(
        c.rows[0] ?? c.ref,
        'no company is set as "us" (settings): the deal is recorded without a licensor, as market intelligence',
      );
    try {
      const checked = checkContract(input);
      const w = await writeContractIn(trx, app.store, ctx, actor, checked);
      if (!w.ok) {
        for (const b of w.report.blocks) {
          const pb = c.blocks[b.block];
          for (const r of b.conflicts) {
            problems.error(
              pb?.rows.join('; ') || c.ref,
              `conflict: ${r.titles.join(', ')}, ${r.territoryLabel}, ${r.mediaLabel}, ${r.start ?? 'any time'} to ${r.end ?? 'perpetuity'}: ${r.reasons.map((x) => x.message).join('; ')}`,
            );
          }
        }
      } else {
        w.titleIds.forEach((t) => touched.add(t));
        written.set(c.ref, {
          licensor: c.licensor ? (companyName.get(c.licensor) ?? null) : null,
          licensee: c.licensee ? (companyName.get(c.licensee) ?? null) : null,
        });
        result.contracts.push({
          ref: c.ref,
          direction: w.direction,
          licensor: c.licensor ? (companyName.get(c.licensor) ?? (c.licensor === WE ? 'us' : null)) : null,
          licensee: c.licensee ? (companyName.get(c.licensee) ?? null) : null,
          titles: c.titleKeys.map((k) => titleName.get(k) ?? k),
          blocks: c.blocks.map(({ titleKey, ...b }) => ({ ...b, title: titleName.get(titleKey) ?? titleKey })),
        });
        result.created.contracts++;
        result.created.blocks += c.blocks.length;
      }
    } catch (e) {
      if (e instanceof DomainError) problems.error(c.rows.join('; ') || c.ref, e.message, e.suggestions);
      else throw e;
    }
    opts.onProgress?.(++done, plan.contracts.length);
  }
}

function blockInput(b: PlannedBlock, titleId: string) {
  return {
    titleId,
    territories: b.territories,
    media: b.media,
    languages: b.languages,
    start: b.start,
    end: b.end,
    ...(b.startCondition ? { startCondition: b.startCondition } : {}),
    ...(b.endCondition ? { endCondition: b.endCondition } : {}),
    exclusive: b.exclusive,
  };
}
