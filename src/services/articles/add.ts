/**
 * A fact a person read in an article: a deal, talks or a mandate the extractor missed, added as a pending
 * fact tied to the sentence that states it, then reviewed and accepted as any other (acceptFact writes it).
 */
import type { AddFactInput } from '../../contract/articles.js';
import { invalid } from '../../domain/errors.js';
import { financialFieldsIn } from '../../domain/financial.js';
import { currencyCode, parseAmount } from '../../domain/money/amounts.js';
import type { DealFields, MandateFields, RumourFields } from '../../ingest/types.js';
import { newId } from '../../store/index.js';
import type { Actor, FilmRights } from '../app.js';
import { requireFinancialWrite, requireWriter } from '../access.js';
import { audit } from '../audit.js';
import { NotFoundError } from '../errors.js';
import { factView } from './accept.js';
import { pendingFactRow } from './ingest.js';
import type { FactView } from './views.js';

const clean = (v: string | null | undefined): string | null => {
  const t = typeof v === 'string' ? v.trim() : '';
  return t ? t : null;
};

/** The fact's whole fields, as the extractor would have written them; a field the type needs, named when missing. */
function factFields(input: AddFactInput): DealFields | RumourFields | MandateFields {
  const f = input.fields;
  const need = (field: 'buyer' | 'party' | 'company', what: string): string => {
    const v = clean(f[field]);
    if (!v) throw invalid(`fields.${field}`, f[field] ?? null, `fields.${field}: ${what}`);
    return v;
  };
  const title = clean(f.title);
  if (!title) throw invalid('fields.title', f.title, 'fields.title: the film or series the sentence is about');
  const territories = clean(f.territories);
  const extra = (allowed: readonly string[]) => {
    const other = Object.keys(f).find((k) => k !== 'title' && k !== 'territories' && !allowed.includes(k));
    if (other) throw invalid(`fields.${other}`, f[other as keyof typeof f], `fields.${other}: not a field of a ${input.type} fact`);
  };
  if (input.type === 'deal') {
    extra(['buyer', 'seller', 'media', 'price']);
    let price: DealFields['price'] = null;
    if (f.price) {
      const currency = currencyCode(f.price.currency, 'fields.price.currency');
      parseAmount(f.price.amount, currency, 'fields.price.amount');
      price = { amount: f.price.amount.replace(/[,_\s]/g, ''), currency };
    }
    return {
      title,
      buyer: need('buyer', 'a deal needs its buyer (who acquired the rights)'),
      seller: clean(f.seller),
      territories,
      media: clean(f.media),
      price,
      priceNote: null,
      negotiators: [],
      festival: null,
      announcedOn: null,
    };
  }
  if (input.type === 'rumour') {
    extra(['party', 'kind']);
    return { title, party: need('party', 'talks need the party in talks'), kind: f.kind ?? 'talks', territories };
  }
  extra(['company']);
  return { title, company: need('company', 'a mandate needs the sales company'), territories };
}

/**
 * Adds a fact the reviewer read in the article (pending, confidence 1: a person's reading). The span must
 * lie in the article's text; a price needs the financial-terms permission, as on accepting.
 */
export async function addFact(app: FilmRights, actor: Actor, articleId: string, input: AddFactInput): Promise<FactView> {
  requireWriter(actor);
  const db = app.store.db;
  const a = await db
    .selectFrom('articles as a')
    .innerJoin('sources as s', 's.id', 'a.source_id')
    .select(['a.id', 's.text'])
    .where('a.id', '=', articleId)
    .executeTakeFirst();
  if (!a) throw new NotFoundError('article', articleId);
  const fields = factFields(input);
  requireFinancialWrite(actor, financialFieldsIn(input.fields as Record<string, unknown>), 'fields.');
  const [start, end] = input.span;
  const length = (a.text ?? '').length;
  if (!(start < end && end <= length))
    throw invalid('span', input.span, `span: [${start}, ${end}] is not a stretch of the article's text (0 to ${length}, start before end)`);
  const id = newId();
  await app.store.transaction(async (trx) => {
    const last = await trx
      .selectFrom('article_facts')
      .select((eb) => eb.fn.max('position').as('position'))
      .where('article_id', '=', articleId)
      .executeTakeFirst();
    const position = last?.position === null || last?.position === undefined ? 0 : Number(last.position) + 1;
    await trx
      .insertInto('article_facts')
      .values(
        pendingFactRow(id, articleId, position, {
          type: input.type,
          key: `added:${id}`,
          fields,
          confidence: 1,
          span: [start, end],
          spans: [],
        }),
      )
      .execute();
    await audit(trx, actor, {
      action: 'add',
      entity: 'article_facts',
      entityId: id,
      before: null,
      after: { article: articleId, type: input.type, fields, span: [start, end] },
    });
  });
  return factView(app, actor, articleId, id);
}
