/**
 * A market day for the market-days suites: Cannes 2026 with three buyers, two of our titles with
 * credits, and three of our people (ann and bob are users, Chloé Martin a person). Invented names.
 */
import type { FilmRights } from '../../src/services/app.js';
import { importJson, type InterchangeDocument } from '../../src/services/interchange.js';
import type { Actor } from '../../src/services/app.js';

export const MARKET_DOC: InterchangeDocument = {
  format: 'filmrights/1',
  companies: [
    { name: 'Northlight Pictures', kind: 'distributor', country: 'US' },
    { name: 'Kestrel Films', kind: 'distributor', country: 'GB' },
    { name: 'Tidewater Streaming', kind: 'streamer', country: 'DE' },
  ],
  titles: [
    {
      title: 'The Salt Road',
      year: 2026,
      synopsis: 'A ferry captain smuggles letters across a closed border.',
      credits: [
        { role: 'director', name: 'Dana Amir' },
        { role: 'cast', name: 'Yoav Ben-Ari' },
        { role: 'cast', name: 'Mira Katz' },
      ],
    },
    { title: 'Night Ferry', year: 2027, credits: [{ role: 'director', name: 'Chloé Martin' }] },
  ],
  festivals: [
    {
      name: 'Festival de Cannes',
      kind: 'festival',
      country: 'FR',
      city: 'Cannes',
      editions: [{ year: 2026, start: '2026-05-12', end: '2026-05-23' }],
    },
  ],
};

export interface MarketFixture {
  edition: string;
  buyers: { northlight: string; kestrel: string; tidewater: string };
  titles: { salt: string; ferry: string };
  chloe: string;
}

export async function loadMarketFixture(app: FilmRights, actor: Actor): Promise<MarketFixture> {
  await importJson(app, actor, MARKET_DOC);
  const db = app.store.db;
  const company = async (name: string) =>
    (await db.selectFrom('companies').select('id').where('name', '=', name).executeTakeFirstOrThrow()).id;
  const title = async (name: string) =>
    (await db.selectFrom('titles').select('id').where('original_title', '=', name).executeTakeFirstOrThrow()).id;
  return {
    edition: (await db.selectFrom('festival_editions').select('id').where('year', '=', 2026).executeTakeFirstOrThrow()).id,
    buyers: {
      northlight: await company('Northlight Pictures'),
      kestrel: await company('Kestrel Films'),
      tidewater: await company('Tidewater Streaming'),
    },
    titles: { salt: await title('The Salt Road'), ferry: await title('Night Ferry') },
    chloe: (await db.selectFrom('people').select('id').where('name', '=', 'Chloé Martin').executeTakeFirstOrThrow()).id,
  };
}
