/**
 * The deal page says where a deal came from (issue 12, "facts not yet reviewed are marked as
 * such wherever they show"): GET /api/contracts/:id carries the deal's sources, each with the
 * sentence quoted, when it was read, whether a person reviewed it, and the article's deal fact
 * to review it in. Accepting that fact in the review queue marks the source reviewed. A viewer
 * without the financial-terms permission sees the sources but not the MG. The deals list, the
 * company page and the title page's deals mark the deal while it waits. SQLite and PostgreSQL.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildServer } from '../../src/api/server.js';
import { FilmRights, SYSTEM } from '../../src/services/app.js';
import { importJson, type InterchangeDocument } from '../../src/services/interchange.js';
import { createUser } from '../../src/services/users.js';
import { describeEachDatabase } from '../support/databases.js';

const PASSWORD = 'correct horse battery';
// our own words: a distributor picks up a territory of a film from its sales agent
const SENTENCE = 'Harrow Lane Films has picked up German rights to “The Salt Orchard” from Kestrel Sales.';
const ARTICLE = `${SENTENCE} The drama about three sisters who keep a failing orchard opens in Berlin next spring.`;

const document = {
  format: 'filmrights/1',
  companies: [
    { name: 'Harrow Lane Films', kind: 'distributor' },
    { name: 'Kestrel Sales', kind: 'sales-agent' },
  ],
  titles: [{ title: 'The Salt Orchard', year: 2025 }],
  contracts: [
    {
      ref: 'HARROW-SALT-DE',
      direction: 'third-party',
      status: 'signed',
      licensor: 'Kestrel Sales',
      licensee: 'Harrow Lane Films',
      titles: ['The Salt Orchard'],
      blocks: [{ territories: 'Germany', media: 'All Media', exclusive: true }],
      mg: { amount: '80000.00', currency: 'EUR' },
    },
  ],
  sources: [
    {
      kind: 'article',
      outlet: 'Trade Weekly',
      publishedOn: '2025-05-14',
      title: 'Harrow Lane takes The Salt Orchard for Germany',
      text: ARTICLE,
      facts: [{ fact: 'contract', ref: 'HARROW-SALT-DE', quote: SENTENCE }],
    },
  ],
} as unknown as InterchangeDocument;

interface DealSource {
  quote: string | null;
  reviewed: boolean;
  reviewedBy: string | null;
  readAt: string;
  source: { outlet: string | null; publishedOn: string | null; title: string | null };
  article: { id: string; factId: string | null; factStatus: string | null } | null;
}

describeEachDatabase('the sources of a deal', (_open, database) => {
  let app: FilmRights;
  let server: FastifyInstance;
  let drop: () => Promise<void>;
  const cookies: Record<string, string> = {};
  let contractId = '';

  const send = (who: 'eva' | 'vic', method: 'POST' | 'GET', url: string, payload?: unknown) =>
    server.inject({ method, url, ...(payload ? { payload: payload as object } : {}), headers: { cookie: cookies[who] } });
  const deal = async (who: 'eva' | 'vic' = 'eva') => {
    const res = await send(who, 'GET', `/api/contracts/${contractId}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { ref: string; mg?: unknown; sources: DealSource[] };
  };

  /** Whether the deals list, the licensee's company page and the title page's deals mark the deal as not yet reviewed. */
  const marks = async () => {
    const list = (await send('eva', 'GET', '/api/contracts?q=HARROW')).json().items as Array<{ id: string; notReviewed: boolean }>;
    const licensee = (await deal()) as unknown as { licensee: { id: string } };
    const company = (await send('vic', 'GET', `/api/companies/${licensee.licensee.id}`)).json() as {
      contracts: Array<{ id: string; notReviewed: boolean }>;
    };
    const titleId = ((await deal()) as unknown as { titles: Array<{ id: string }> }).titles[0].id;
    const title = (await send('vic', 'GET', `/api/titles/${titleId}`)).json() as { contracts: Array<{ id: string; notReviewed: boolean }> };
    return {
      list: list.find((c) => c.id === contractId)!.notReviewed,
      company: company.contracts.find((c) => c.id === contractId)!.notReviewed,
      title: title.contracts.find((c) => c.id === contractId)!.notReviewed,
    };
  };

  beforeAll(async () => {
    const location = await database.create();
    drop = location.drop;
    app = await FilmRights.open(location.options);
    server = await buildServer(app);
    await createUser(app, { username: 'eva', password: PASSWORD, role: 'editor', canSeeFinancials: true });
    await createUser(app, { username: 'vic', password: PASSWORD, role: 'viewer', canSeeFinancials: false });
    for (const who of ['eva', 'vic']) {
      const login = await server.inject({ method: 'POST', url: '/api/auth/login', payload: { username: who, password: PASSWORD } });
      cookies[who] = `filmrights_session=${login.cookies.find((c) => c.name === 'filmrights_session')!.value}`;
    }
    await importJson(app, SYSTEM, document);
    const list = await send('eva', 'GET', '/api/contracts?q=HARROW');
    contractId = (list.json().items as Array<{ id: string; ref: string }>).find((c) => c.ref === 'HARROW-SALT-DE')!.id;
  });

  afterAll(async () => {
    await server?.close();
    await app?.close();
    await drop?.();
  });

  it('an imported press deal shows its sentence, not yet reviewed, with no article to review it in yet', async () => {
    const { sources } = await deal();
    expect(sources).toHaveLength(1);
    expect(sources[0]).toMatchObject({
      quote: SENTENCE,
      reviewed: false,
      reviewedBy: null,
      article: null,
      source: { outlet: 'Trade Weekly', publishedOn: '2025-05-14', title: 'Harrow Lane takes The Salt Orchard for Germany' },
    });
    expect(Number.isNaN(Date.parse(sources[0].readAt))).toBe(false);
    expect(await marks()).toEqual({ list: true, company: true, title: true });
  });

  it('once the article is read, the source names its deal fact waiting in the review queue', async () => {
    const posted = await send('eva', 'POST', '/api/articles', { text: ARTICLE, outlet: 'Trade Weekly', date: '2025-05-14' });
    expect(posted.statusCode, posted.body).toBe(201);
    const article = posted.json().article as { id: string; facts: Array<{ id: string; type: string }> };
    const fact = article.facts.find((f) => f.type === 'deal')!;
    expect(fact).toBeDefined();
    const { sources } = await deal();
    expect(sources).toHaveLength(1);
    expect(sources[0]).toMatchObject({ reviewed: false, article: { id: article.id, factId: fact.id, factStatus: 'pending' } });
  });

  it('a viewer without the financial-terms permission sees the sources and not the MG', async () => {
    const seen = await deal('vic');
    expect(seen).not.toHaveProperty('mg');
    expect(JSON.stringify(seen)).not.toMatch(/80000|80,000/);
    expect(seen.sources[0]).toMatchObject({ quote: SENTENCE, reviewed: false });
    expect((await deal('eva')).mg).toMatchObject({ currency: 'EUR' });
  });

  it('accepting the deal fact in the queue marks the source reviewed, by whom', async () => {
    const before = (await deal()).sources[0];
    const accepted = await send('eva', 'POST', `/api/articles/${before.article!.id}/facts/${before.article!.factId}/accept`, {});
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json().written).toMatchObject({ table: 'contracts', id: contractId });
    const { sources } = await deal();
    expect(sources).toHaveLength(1);
    expect(sources[0]).toMatchObject({ quote: SENTENCE, reviewed: true, reviewedBy: 'eva', article: { factStatus: 'accepted' } });
    expect(await marks()).toEqual({ list: false, company: false, title: false });
  });

  it('a deal entered by hand has no sources', async () => {
    const made = await send('eva', 'POST', '/api/contracts', {
      ref: 'BY-HAND-1',
      status: 'draft',
      direction: 'third-party',
      licenseeId: (await send('eva', 'GET', `/api/contracts/${contractId}`)).json().licensee.id,
      titleIds: [(await send('eva', 'GET', `/api/contracts/${contractId}`)).json().titles[0].id],
      blocks: [{ territories: 'Austria', media: 'All Media' }],
    });
    expect(made.statusCode, made.body).toBe(201);
    const res = await send('eva', 'GET', `/api/contracts/${made.json().id}`);
    expect(res.json().sources).toEqual([]);
  });
});
