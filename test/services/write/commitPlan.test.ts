import { afterAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../support/databases.js';
import { openApp, snapshot, type TestApp } from '../../support/apps.js';
import { ImportError, type InterchangeDocument } from '../../../src/interchange/json/document.js';
import type { Plan } from '../../../src/interchange/plan.js';
import { Problems } from '../../../src/interchange/problems.js';
import type { Actor } from '../../../src/services/app.js';
import { jsonWritePlan } from '../../../src/services/json/plan.js';
import { commitPlan } from '../../../src/services/write/commitPlan.js';

const EDITOR: Actor = { id: 'eva', username: 'eva', role: 'editor', canSeeFinancials: true };

const DOC: InterchangeDocument = {
  companies: [{ name: 'Neon', kind: 'distributor', country: 'US' }],
  titles: [{ title: 'Petite Maman', year: 2021, credits: [{ role: 'director', name: 'Céline Sciamma' }] }],
  festivals: [{ name: 'Berlinale', kind: 'festival', editions: [{ year: 2021, number: 71, selections: [{ title: 'Petite Maman' }] }] }],
};

/** A rights-only plan, as a sheet would give it: one new title and an announced deal for it. */
function rightsPlan(): Plan {
  return {
    companies: [{ key: 'mubi', name: 'MUBI', kind: 'streamer' }],
    titles: [{ key: 't', label: 'Aftersun', input: { originalTitle: 'Aftersun', year: 2022 }, rows: ['row 2'] }],
    contracts: [
      {
        ref: 'SHEET-AFTERSUN',
        status: 'announced',
        licensor: null,
        licensee: 'mubi',
        titleKeys: ['t'],
        blocks: [
          {
            titleKey: 't',
            territories: 'UK',
            media: 'SVOD',
            languages: null,
            start: '2023-01-01',
            end: null,
            exclusive: true,
            rows: ['row 2'],
          },
        ],
        rows: ['row 2'],
      },
    ],
  };
}

describeEachDatabase('the one writer of imports', (_open, database) => {
  const apps: TestApp[] = [];
  const open = async () => {
    const t = await openApp(database);
    apps.push(t);
    return t;
  };
  afterAll(async () => {
    await Promise.all(apps.map((x) => x.close()));
  });

  it('previews a plan with records: says what it would create and writes nothing', async () => {
    const t = await open();
    const before = await snapshot(t.app);
    const r = await commitPlan(t.app, EDITOR, (trx) => jsonWritePlan(trx, DOC, {}), new Problems(), { commit: false });
    expect(r.committed).toBe(false);
    expect(r.summary).toMatchObject({ companies: 1, people: 1, titles: 1, festivals: 1, editions: 1, selections: 1 });
    expect(await snapshot(t.app)).toEqual(before);
  });

  it('writes the rights part and the records part in one transaction: a refused record rolls back both', async () => {
    const t = await open();
    const before = await snapshot(t.app);
    const bad: InterchangeDocument = {
      ...DOC,
      sources: [
        {
          kind: 'article',
          outlet: 'Variety',
          publishedOn: '2021-03-01',
          text: 'Neon buys Petite Maman.',
          facts: [{ fact: 'contract', ref: 'NOPE' }],
        },
      ],
    };
    const error = await commitPlan(
      t.app,
      EDITOR,
      async (trx) => ({ ...rightsPlan(), records: (await jsonWritePlan(trx, bad, {})).records }),
      new Problems(),
      { commit: true },
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportError);
    expect((error as ImportError).issues.map((i) => i.field)).toEqual(['sources[0].facts[0]']);
    expect(await snapshot(t.app)).toEqual(before);

    const r = await commitPlan(
      t.app,
      EDITOR,
      async (trx) => ({ ...rightsPlan(), records: (await jsonWritePlan(trx, DOC, {})).records }),
      new Problems(),
      { commit: true },
    );
    expect(r.committed).toBe(true);
    expect(r.created).toMatchObject({ titles: 1, companies: 1, contracts: 1, blocks: 1 });
    expect(r.summary).toMatchObject({ titles: 1, selections: 1 });
    const refs = await t.app.store.db.selectFrom('contracts').select('ref').execute();
    expect(refs.map((x) => x.ref)).toEqual(['SHEET-AFTERSUN']);
  });
});
