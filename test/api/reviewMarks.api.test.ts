/**
 * Issue 12, "facts not yet reviewed are marked as such wherever they show", where the deals list
 * did not reach: the avails answer's deals (a reason's `deals`, and the title's map) and a buyer's
 * history carry `notReviewed` while a source of the deal waits; the flag is read in one query per
 * answer, none when the answer names no deal. A source with no deal fact waiting in an article (an
 * import's) is reviewed on the deal page: POST /api/contracts/:id/sources/:linkId/review, editors
 * only, audited, and undone with {reviewed: false}. SQLite and PostgreSQL.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../src/api/server.js';
import { FilmRights, SYSTEM } from '../../src/services/app.js';
import { importJson, type InterchangeDocument } from '../../src/services/interchange.js';
import { createUser } from '../../src/services/users.js';
import { describeEachDatabase } from '../support/databases.js';

const PASSWORD = 'correct horse battery';
// our own words: a distributor takes one territory of a film from its sales agent (us)
const SENTENCE = 'Harrow Lane Films has picked up German rights to “The Salt Orchard” from Kestrel Sales.';
const ARTICLE = `${SENTENCE} The drama about three sisters who keep a failing orchard opens in Berlin next spring.`;

const document = {
  format: 'filmrights/1',
  we: 'Kestrel Sales',
  companies: [
    { name: 'Kestrel Sales', kind: 'sales-agent' },
    { name: 'Orchard Road Productions', kind: 'production' },
    { name: 'Harrow Lane Films', kind: 'distributor' },
    { name: 'Fallow Pictures', kind: 'distributor' },
  ],
  titles: [{ title: 'The Salt Orchard', year: 2025 }],
  contracts: [
    {
      ref: 'ORCHARD-KESTREL-SALT-WW',
      direction: 'in',
      status: 'signed',
      licensor: 'Orchard Road Productions',
      licensee: 'Kestrel Sales',
      titles: ['The Salt Orchard'],
      blocks: [{ territories: 'World', media: 'All Media', start: '2024-01-01', end: '2040-12-31', exclusive: true }],
    },
    {
      ref: 'KESTREL-HARROW-SALT-DE',
      direction: 'out',
      status: 'signed',
      licensor: 'Kestrel Sales',
      licensee: 'Harrow Lane Films',
      titles: ['The Salt Orchard'],
      blocks: [{ territories: 'Germany', media: 'All Media', start: '2025-06-01', end: '2032-05-31', exclusive: true }],
    },
    {
      ref: 'KESTREL-FALLOW-SALT-FR',
      direction: 'out',
      status: 'signed',
      licensor: 'Kestrel Sales',
      licensee: 'Fallow Pictures',
      titles: ['The Salt Orchard'],
      blocks: [{ territories: 'France', media: 'All Media', start: '2025-06-01', end: '2032-05-31', exclusive: true }],
    },
  ],
  buyers: [{ company: 'Harrow Lane Films', kind: 'distributor', territories: 'Germany', media: 'All Media' }],
  sources: [
    {
      kind: 'article',
      outlet: 'Trade Weekly',
      publishedOn: '2025-05-14',
      title: 'Harrow Lane takes The Salt Orchard for Germany',
      text: ARTICLE,
      facts: [{ fact: 'contract', ref: 'KESTREL-HARROW-SALT-DE', quote: SENTENCE }],
    },
  ],
} as unknown as InterchangeDocument;

interface Deal {
  ref: string;
  id: string | null;
  notReviewed?: boolean;
}
interface Source {
  id: string;
  reviewed: boolean;
  reviewedBy: string | null;
  quote: string | null;
  article: { id: string; factId: string | null; factStatus: string | null } | null;
}

const QUESTION = { territories: 'Germany, France', media: 'All Media', start: '2026-01-01', end: '2026-12-31', include: 'all' };

describeEachDatabase(
  'review marks on the avails answer and a buyer history, and reviewing a source on the deal page',
  (_open, database) => {
    let app: FilmRights;
    let server: FastifyInstance;
    let drop: () => Promise<void>;
    const cookies: Record<string, string> = {};
    let readOnlyToken = '';
    const ids: Record<string, string> = {};
    /** SQL the app ran that reads the fact links, since the last reset. */
    let linkQueries: string[] = [];

    const send = (who: 'eva' | 'vic', method: 'POST' | 'GET', url: string, payload?: unknown) =>
      server.inject({ method, url, ...(payload === undefined ? {} : { payload: payload as object }), headers: { cookie: cookies[who] } });
    const review = (who: 'eva' | 'vic', linkId: string, body: unknown, contract = ids.harrow) =>
      send(who, 'POST', `/api/contracts/${contract}/sources/${linkId}/review`, body);
    const sources = async (contract = ids.harrow) => {
      const res = await send('eva', 'GET', `/api/contracts/${contract}`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json().sources as Source[];
    };
    /** The deals the avails answer names for Germany and France. */
    const availsDeals = async () => {
      const res = await send('vic', 'POST', '/api/avails', { ...QUESTION, titles: [ids.title] });
      expect(res.statusCode, res.body).toBe(200);
      const rows = res.json().rows as Array<{ territories: string[]; reasons: Array<{ deals?: Deal[] }> }>;
      const of = (code: string) => rows.filter((r) => r.territories.includes(code)).flatMap((r) => r.reasons.flatMap((x) => x.deals ?? []));
      return { DE: of('DE'), FR: of('FR') };
    };
    const mapDeals = async () => {
      const res = await send('vic', 'GET', `/api/titles/${ids.title}/map?start=2026-01-01&end=2026-12-31`);
      expect(res.statusCode, res.body).toBe(200);
      const countries = res.json().countries as Record<string, { reasons: Array<{ deals?: Deal[] }> }>;
      return { DE: countries.DE.reasons.flatMap((r) => r.deals ?? []), FR: countries.FR.reasons.flatMap((r) => r.deals ?? []) };
    };
    const historyMark = async () => {
      const res = await send('vic', 'GET', `/api/buyers/${ids.harrowLane}`);
      expect(res.statusCode, res.body).toBe(200);
      const withUs = res.json().history.withUs as Array<{ contract: { ref: string }; notReviewed: boolean }>;
      return withUs.find((d) => d.contract.ref === 'KESTREL-HARROW-SALT-DE')!.notReviewed;
    };

    beforeAll(async () => {
      const location = await database.create();
      drop = location.drop;
      app = await FilmRights.open({
        ...location.options,
        log: (event) => {
          if (event.level === 'query' && /fact_sources/.test(event.query.sql)) linkQueries.push(event.query.sql);
        },
      });
      server = await buildServer(app);
      await createUser(app, { username: 'eva', password: PASSWORD, role: 'editor', canSeeFinancials: true });
      await createUser(app, { username: 'vic', password: PASSWORD, role: 'viewer', canSeeFinancials: false });
      for (const who of ['eva', 'vic']) {
        const login = await server.inject({ method: 'POST', url: '/api/auth/login', payload: { username: who, password: PASSWORD } });
        cookies[who] = `filmrights_session=${login.cookies.find((c) => c.name === 'filmrights_session')!.value}`;
      }
      const token = await send('eva', 'POST', '/api/tokens', { scope: 'read' });
      expect(token.statusCode, token.body).toBe(201);
      readOnlyToken = token.json().token as string;
      await importJson(app, SYSTEM, document);
      const list = (await send('eva', 'GET', '/api/contracts?q=KESTREL')).json().items as Array<{ id: string; ref: string }>;
      ids.harrow = list.find((c) => c.ref === 'KESTREL-HARROW-SALT-DE')!.id;
      ids.fallow = list.find((c) => c.ref === 'KESTREL-FALLOW-SALT-FR')!.id;
      const harrow = (await send('eva', 'GET', `/api/contracts/${ids.harrow}`)).json() as {
        titles: Array<{ id: string }>;
        licensee: { id: string };
      };
      ids.title = harrow.titles[0].id;
      ids.harrowLane = harrow.licensee.id;
    });

    afterAll(async () => {
      await server?.close();
      await app?.close();
      await drop?.();
    });

    describe('the marks', () => {
      it('the avails answer marks the deal whose source waits, and only that one, reading the links once for the answer', async () => {
        linkQueries = [];
        const { DE, FR } = await availsDeals();
        expect(linkQueries).toHaveLength(1);
        expect(DE).toEqual([expect.objectContaining({ ref: 'KESTREL-HARROW-SALT-DE', id: ids.harrow, notReviewed: true })]);
        expect(FR).toEqual([expect.objectContaining({ ref: 'KESTREL-FALLOW-SALT-FR', id: ids.fallow })]);
        expect(FR[0]).not.toHaveProperty('notReviewed');
      });

      it('an answer that names no deal does not read the fact links at all', async () => {
        linkQueries = [];
        const res = await send('vic', 'POST', '/api/avails', { ...QUESTION, territories: 'Italy', titles: [ids.title] });
        expect(res.statusCode, res.body).toBe(200);
        const rows = res.json().rows as Array<{ status: string; reasons: Array<{ deals?: Deal[] }> }>;
        expect(rows.map((r) => r.status)).toEqual(['available']);
        expect(linkQueries).toEqual([]);
      });

      it("the title's map marks the same deal", async () => {
        linkQueries = [];
        const { DE, FR } = await mapDeals();
        expect(linkQueries).toHaveLength(1);
        expect(DE).toEqual([expect.objectContaining({ ref: 'KESTREL-HARROW-SALT-DE', notReviewed: true })]);
        expect(FR[0]).not.toHaveProperty('notReviewed');
      });

      it("the buyer's history marks the deal bought from us whose source waits", async () => {
        expect(await historyMark()).toBe(true);
      });
    });

    describe('reviewing a source on the deal page', () => {
      let linkId = '';
      beforeAll(async () => {
        const [link] = await sources();
        expect(link).toMatchObject({ quote: SENTENCE, reviewed: false, article: null });
        linkId = link.id;
      });

      it('is refused to a viewer (403) and to a read-only token (403), and nothing changes', async () => {
        expect((await review('vic', linkId, { reviewed: true })).statusCode).toBe(403);
        const token = await server.inject({
          method: 'POST',
          url: `/api/contracts/${ids.harrow}/sources/${linkId}/review`,
          payload: { reviewed: true },
          headers: { authorization: `Bearer ${readOnlyToken}` },
        });
        expect(token.statusCode).toBe(403);
        expect((await sources())[0].reviewed).toBe(false);
      });

      it('refuses an unknown property or a missing answer (400 naming it), an unknown link or another deal’s link (404)', async () => {
        const extra = await review('eva', linkId, { reviewed: true, by: 'someone' });
        expect(extra.statusCode, extra.body).toBe(400);
        expect(extra.body).toMatch(/by/);
        const missing = await review('eva', linkId, {});
        expect(missing.statusCode, missing.body).toBe(400);
        expect(missing.body).toMatch(/reviewed/);
        const unknown = await review('eva', 'no-such-link', { reviewed: true });
        expect(unknown.statusCode, unknown.body).toBe(404);
        const elsewhere = await review('eva', linkId, { reviewed: true }, ids.fallow);
        expect(elsewhere.statusCode, elsewhere.body).toBe(404);
        expect((await review('eva', linkId, { reviewed: true }, 'no-such-deal')).statusCode).toBe(404);
        expect((await sources())[0].reviewed).toBe(false);
      });

      it('marks the source reviewed by the editor: the marks go, the audit says who; the undo brings them back', async () => {
        const done = await review('eva', linkId, { reviewed: true });
        expect(done.statusCode, done.body).toBe(200);
        expect(done.json()).toMatchObject({ id: linkId, reviewed: true, reviewedBy: 'eva', quote: SENTENCE });
        expect((await sources())[0]).toMatchObject({ reviewed: true, reviewedBy: 'eva' });
        expect((await availsDeals()).DE[0]).not.toHaveProperty('notReviewed');
        expect((await mapDeals()).DE[0]).not.toHaveProperty('notReviewed');
        expect(await historyMark()).toBe(false);
        const listed = (await send('vic', 'GET', '/api/contracts?q=KESTREL-HARROW')).json().items as Array<{
          id: string;
          notReviewed: boolean;
        }>;
        expect(listed.find((c) => c.id === ids.harrow)!.notReviewed).toBe(false);
        // the same answer again changes nothing and writes no second entry
        expect((await review('eva', linkId, { reviewed: true })).statusCode).toBe(200);

        const undone = await review('eva', linkId, { reviewed: false });
        expect(undone.statusCode, undone.body).toBe(200);
        expect(undone.json()).toMatchObject({ id: linkId, reviewed: false, reviewedBy: null });
        expect((await availsDeals()).DE[0]).toMatchObject({ notReviewed: true });
        expect(await historyMark()).toBe(true);

        const entries = await app.store.db
          .selectFrom('audit_log as a')
          .innerJoin('users as u', 'u.id', 'a.user_id')
          .select(['a.action', 'u.username'])
          .where('a.entity', '=', 'fact_sources')
          .where('a.entity_id', '=', linkId)
          .orderBy('a.id')
          .execute();
        expect(entries.map((e) => [e.action, e.username])).toEqual([
          ['review', 'eva'],
          ['unreview', 'eva'],
        ]);
      });

      it('a source whose article holds the deal fact, pending, is reviewed in the article, not here', async () => {
        const posted = await send('eva', 'POST', '/api/articles', { text: ARTICLE, outlet: 'Trade Weekly', date: '2025-05-14' });
        expect(posted.statusCode, posted.body).toBe(201);
        const [link] = await sources();
        expect(link.article).toMatchObject({ factStatus: 'pending' });
        const refused = await review('eva', linkId, { reviewed: true });
        expect(refused.statusCode, refused.body).toBe(400);
        expect(refused.json()).toMatchObject({ error: 'review-in-article', field: 'linkId' });
        expect(refused.json().message).toContain(`/articles/${link.article!.id}?fact=${link.article!.factId}`);
        expect((await sources())[0].reviewed).toBe(false);
      });
    });
  },
);
