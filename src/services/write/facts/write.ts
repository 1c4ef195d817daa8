/**
 * Writing one accepted article fact through the same services as manual
 * entry, inside the writer's transaction: names found or created
 * (resolve.ts), a deal through checkContract / writeContractIn (deal.ts),
 * a record already on file only gaining the article as a source, and every
 * record tied to its source and span (link.ts).
 */
import { invalid } from '../../../domain/errors.js';
import { normalizeName } from '../../../domain/fuzzy.js';
import type { FactType, Span } from '../../../ingest/types.js';
import { nowIso, type WrittenFact } from '../../../store/index.js';
import type { FilmRights } from '../../app.js';
import { sameAward } from '../../articles/review.js';
import { audit } from '../../audit.js';
import { checkCredit, checkTitle, insertCredit, insertTitleCompany } from '../../catalog.js';
import { checkAward, checkSelection, insertAward, insertSelection } from '../../festivals.js';
import { checkBoxOffice, checkRelease, insertBoxOffice, insertRelease } from '../../market.js';
import type { FactTable } from '../../provenance.js';
import { writeDeal } from './deal.js';
import { linkFact, type FactSource } from './link.js';
import { str, type FactWriter } from './resolve.js';

/** Writes one accepted fact; answers what it became. Runs inside the caller's transaction. */
export async function writeFact(
  app: FilmRights,
  w: FactWriter,
  fact: { type: FactType; fields: Record<string, unknown> },
  source: FactSource,
  span: Span,
  override: { reason: string } | null | undefined,
): Promise<WrittenFact> {
  const { trx, actor } = w;
  const f = fact.fields;
  const title = str(f.title);
  if (!title && fact.type !== 'rumour') throw invalid('fields.title', f.title, 'fields.title: required, the film the fact is about');
  const link = (table: FactTable, id: string, existed: boolean) => linkFact(trx, actor, source, span, table, id, existed);

  switch (fact.type) {
    case 'rumour':
      // kept with the article as a reviewed note: talks and denials never become contracts
      return { table: 'article_facts', id: '', linkId: null, existed: false };
    case 'deal':
      return writeDeal(app, w, f, title!, source, span, override, link);
    case 'mandate': {
      const titleId = await w.title(title!, f.titleId);
      const company = str(f.company);
      if (!company) throw invalid('fields.company', f.company, 'fields.company: required, who handles the sales');
      const companyId = await w.company('company', company, 'seller', f.companyId);
      const existed = !!(await trx
        .selectFrom('title_companies')
        .select('title_id')
        .where('title_id', '=', titleId)
        .where('company_id', '=', companyId)
        .where('role', '=', 'sales-agent')
        .executeTakeFirst());
      const factId = await insertTitleCompany(trx, actor, titleId, companyId, 'sales-agent');
      return link('title_companies', factId, existed);
    }
    case 'titleCompany': {
      const titleId = await w.title(title!, f.titleId);
      const company = str(f.company);
      const role = f.role as 'production' | 'co-production' | 'sales-agent' | 'distributor';
      if (!company) throw invalid('fields.company', f.company, 'fields.company: required');
      const companyId = await w.company(
        'company',
        company,
        role === 'production' || role === 'co-production' ? 'production' : role === 'sales-agent' ? 'seller' : 'distributor',
        f.companyId,
      );
      const existed = !!(await trx
        .selectFrom('title_companies')
        .select('title_id')
        .where('title_id', '=', titleId)
        .where('company_id', '=', companyId)
        .where('role', '=', role)
        .executeTakeFirst());
      const factId = await insertTitleCompany(trx, actor, titleId, companyId, role);
      return link('title_companies', factId, existed);
    }
    case 'selection':
    case 'withdrawal': {
      const titleId = await w.title(title!, f.titleId);
      const editionId = await w.edition(String(f.festival ?? ''), f.year, f.edition, f.festivalId);
      const existing = await trx
        .selectFrom('selections')
        .selectAll()
        .where('edition_id', '=', editionId)
        .where('title_id', '=', titleId)
        .executeTakeFirst();
      const withdrawn = fact.type === 'withdrawal';
      if (existing) {
        if (withdrawn && !existing.withdrawn) {
          const reason = str(f.reason);
          await trx.updateTable('selections').set({ withdrawn: 1, withdrawal_reason: reason }).where('id', '=', existing.id).execute();
          await audit(trx, actor, {
            action: 'withdraw',
            entity: 'selections',
            entityId: existing.id,
            before: existing,
            after: { ...existing, withdrawn: 1, withdrawal_reason: reason },
            reason,
          });
        }
        return link('selections', existing.id, true);
      }
      const checked = checkSelection(
        {
          section: str(f.section),
          premiereStatus: withdrawn ? null : (str(f.premiere) as never),
          slot: withdrawn ? null : (str(f.slot) as never),
          withdrawn,
          withdrawalReason: withdrawn ? str(f.reason) : null,
        },
        (n) => `fields.${n}`,
      );
      return link('selections', await insertSelection(trx, actor, editionId, titleId, checked), false);
    }
    case 'award': {
      const titleId = await w.title(title!, f.titleId);
      if (!f.year) {
        // "the Oscar-winning Parasite": the award of that ceremony already on record, when there is exactly one
        const known = await w.awardWithoutYear(String(f.festival ?? ''), titleId, f.festivalId);
        if (known) return link('awards', known, true);
      }
      const editionId = await w.edition(String(f.festival ?? ''), f.year, f.edition, f.festivalId);
      const award = str(f.award);
      if (!award) throw invalid('fields.award', f.award, 'fields.award: required, the prize');
      const rows = await trx
        .selectFrom('awards')
        .select(['id', 'name'])
        .where('edition_id', '=', editionId)
        .where('title_id', '=', titleId)
        .execute();
      const same = rows.find((a) => sameAward(a.name, award));
      if (same) return link('awards', same.id, true);
      const personId = str(f.person) ? await w.person('person', str(f.person)!, f.personId) : null;
      return link(
        'awards',
        await insertAward(
          trx,
          actor,
          editionId,
          titleId,
          personId,
          checkAward({ name: award, tied: f.tied === true }, (n) => `fields.${n}`),
        ),
        false,
      );
    }
    case 'boxOffice': {
      const titleId = await w.title(title!, f.titleId);
      const checked = checkBoxOffice(
        {
          territory: str(f.territory),
          amount: String(f.amount ?? ''),
          currency: String(f.currency ?? ''),
          periodStart: str(f.periodStart),
          periodEnd: str(f.periodEnd),
          asOf: str(f.asOf),
          cumulative: f.cumulative !== false,
        },
        (n) => `fields.${n}`,
      );
      let q = trx.selectFrom('box_office').select(['id', 'amount', 'currency']).where('title_id', '=', titleId);
      q = checked.territory ? q.where('territory', '=', checked.territory) : q.where('territory', 'is', null);
      const same = (await q.execute()).find((b) => b.currency === checked.currency && Number(b.amount) === checked.amount);
      if (same) return link('box_office', same.id, true);
      return link('box_office', await insertBoxOffice(trx, actor, titleId, checked), false);
    }
    case 'release': {
      const titleId = await w.title(title!, f.titleId);
      const checked = checkRelease({ territory: String(f.territory ?? ''), date: str(f.date), kind: 'theatrical' }, (n) => `fields.${n}`);
      const same = await trx
        .selectFrom('releases')
        .select('id')
        .where('title_id', '=', titleId)
        .where('territory', '=', checked.territory)
        .executeTakeFirst();
      if (same) return link('releases', same.id, true);
      const distributor = str(f.distributor);
      const distributorId = distributor ? await w.company('distributor', distributor, 'distributor', f.distributorId) : null;
      return link('releases', await insertRelease(trx, actor, titleId, distributorId, checked), false);
    }
    case 'credit': {
      const titleId = await w.title(title!, f.titleId);
      const name = str(f.name);
      if (!name) throw invalid('fields.name', f.name, 'fields.name: required, who');
      const checked = checkCredit({ role: f.role, character: str(f.character) }, (n) => `fields.${n}`);
      const personId = await w.person('person', name, f.personId);
      const same = await trx
        .selectFrom('credits')
        .select('id')
        .where('title_id', '=', titleId)
        .where('person_id', '=', personId)
        .where('role', '=', checked.role)
        .executeTakeFirst();
      if (same) return link('credits', same.id, true);
      return link('credits', await insertCredit(trx, actor, titleId, personId, checked), false);
    }
    case 'sourceMaterial':
    case 'productionStatus': {
      const titleId = await w.title(title!, f.titleId);
      const before = await trx.selectFrom('titles').selectAll().where('id', '=', titleId).executeTakeFirstOrThrow();
      const patch =
        fact.type === 'sourceMaterial'
          ? { source_material: str(f.material), ...(str(f.note) ? { source_material_note: str(f.note) } : {}) }
          : {
              production_status: checkTitle(
                { originalTitle: before.original_title, productionStatus: f.status as never },
                (n) => `fields.${n === 'productionStatus' ? 'status' : n}`,
              ).production_status,
            };
      const same =
        fact.type === 'sourceMaterial'
          ? before.source_material && normalizeName(before.source_material) === normalizeName(str(f.material) ?? '')
          : before.production_status === patch.production_status;
      if (!same) {
        await trx
          .updateTable('titles')
          .set({ ...patch, updated_at: nowIso() })
          .where('id', '=', titleId)
          .execute();
        await audit(trx, actor, { action: 'update', entity: 'titles', entityId: titleId, before, after: { ...before, ...patch } });
      }
      return link('titles', titleId, !!same);
    }
  }
}
