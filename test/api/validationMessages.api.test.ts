/**
 * A request the schema refuses is answered in a person's words, on SQLite and PostgreSQL: the
 * message starts with the field's path (`mg.amount: …`, the services' convention), the answer's
 * `field` is that path (the web app marks the field with it), and the words say what the field
 * needs: "required", "at least one title", what a value must look like from its schema's
 * description. Never the validator's own phrasing ("Must NOT have fewer than 1 items") nor a
 * regular expression. The keywords the contract does not use yet are checked on a small server
 * with the same validator options and error handler.
 */
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorHandler } from '../../src/api/errors.js';
import * as contract from '../../src/contract/index.js';
import { AJV_OPTIONS, buildServer } from '../../src/api/server.js';
import { FilmRights, SYSTEM } from '../../src/services/app.js';
import { findOrCreateCompany } from '../../src/services/people.js';
import { createApiToken, createUser } from '../../src/services/users.js';
import { describeEachDatabase } from '../support/databases.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- answers read loosely in assertions

/** The validator's own words, and the marks of a regular expression, that must never reach a person. */
const RAW = [/must NOT/i, /must match/i, /must have required/i, /must be equal to/i, /allowed values/i, /\^|\$"|\\d|\(\?|\[0-9\]|\|\|/];

/** A 400 whose `field` is `field` and whose message names it first, then says `says`, in plain words. */
function expectReadable(status: number, body: Json, field: string, says: RegExp): void {
  expect(status, JSON.stringify(body)).toBe(400);
  expect(body.error).toBe('invalid');
  expect(body.field).toBe(field);
  expect(body.message.startsWith(`${field}: `), body.message).toBe(true);
  expect(body.message).toMatch(says);
  for (const raw of RAW) expect(body.message, `${body.message} has ${raw}`).not.toMatch(raw);
}

describeEachDatabase('validation errors in plain words', (_open, database) => {
  let app: FilmRights;
  let server: FastifyInstance;
  let drop: () => Promise<void>;
  let editor: { authorization: string };
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    const location = await database.create();
    drop = location.drop;
    app = await FilmRights.open(location.options);
    server = await buildServer(app);
    const u = await createUser(app, { username: 'mira', password: 'correct horse battery', role: 'editor', canSeeFinancials: true });
    editor = {
      authorization: `Bearer ${(await createApiToken(app, { ...SYSTEM, id: u.id, username: 'mira', role: 'editor' }, 'write')).token}`,
    };
    ids.seller = (await findOrCreateCompany(app, SYSTEM, { name: 'Lanterna Sales', kind: 'sales-agent' })).company.id;
    ids.buyer = (await findOrCreateCompany(app, SYSTEM, { name: 'Kestrel Releasing', kind: 'distributor' })).company.id;
    const title = await server.inject({
      method: 'POST',
      url: '/api/titles',
      headers: editor,
      payload: { originalTitle: 'The Quiet Orchard', year: 2024 },
    });
    expect(title.statusCode, title.body).toBe(201);
    ids.title = title.json().id;
  });

  afterAll(async () => {
    await server?.close();
    await app?.close();
    await drop?.();
  });

  const call = async (method: 'POST' | 'PATCH', url: string, payload: unknown) => {
    const r = await server.inject({ method, url, headers: editor, payload: payload as Json });
    return { status: r.statusCode, body: r.json() as Json };
  };
  const deal = (extra: Json = {}, block: Json = {}) => ({
    status: 'negotiating',
    licensorId: ids.seller,
    licenseeId: ids.buyer,
    titleIds: [ids.title],
    blocks: [{ territories: 'Portugal', media: 'SVOD', start: '2030-01-01', end: '2030-12-31', ...block }],
    ...extra,
  });

  it('a deal with no title: "titleIds: at least one title"', async () => {
    const r = await call('POST', '/api/contracts', deal({ titleIds: [] }));
    expectReadable(r.status, r.body, 'titleIds', /^titleIds: at least one title$/);
  });

  it('a deal whose territories were cleared: "blocks[0].territories: required", and what they look like', async () => {
    const r = await call('POST', '/api/contracts', deal({}, { territories: '' }));
    expectReadable(r.status, r.body, 'blocks[0].territories', /^blocks\[0\]\.territories: required, a territory expression, e\.g\. /);
  });

  it('an MG typed "1,5 Mio": what an amount looks like, from the schema’s description, not its pattern', async () => {
    const r = await call('POST', '/api/contracts', deal({ mg: { amount: '1,5 Mio', currency: 'EUR' } }));
    expectReadable(
      r.status,
      r.body,
      'mg.amount',
      /^mg\.amount: "1,5 Mio" is not in the expected form: decimal, zero or more, e\.g\. "1500000\.00"$/,
    );
  });

  it('a festival with an empty name: "name: required"', async () => {
    const r = await call('POST', '/api/festivals', { name: '' });
    expectReadable(r.status, r.body, 'name', /^name: required$/);
  });

  it('an empty ledger entry: the date is required and says how it is written', async () => {
    const contract = await call('POST', '/api/contracts', deal());
    expect(contract.status, JSON.stringify(contract.body)).toBe(201);
    const r = await call('POST', `/api/contracts/${contract.body.id}/receipts`, {
      on: '',
      amount: '',
      currency: 'EUR',
      kind: 'instalment',
    });
    expectReadable(r.status, r.body, 'on', /^on: required, YYYY-MM-DD, from 1870 to 2199$/);
    const amount = await call('POST', `/api/contracts/${contract.body.id}/receipts`, { on: '2030-02-01', amount: '', currency: 'EUR' });
    expectReadable(amount.status, amount.body, 'amount', /^amount: required, a decimal amount/);
    const day = await call('POST', `/api/contracts/${contract.body.id}/receipts`, { on: '1/2/2030', amount: '10', currency: 'EUR' });
    expectReadable(day.status, day.body, 'on', /^on: "1\/2\/2030" is not in the expected form: YYYY-MM-DD, from 1870 to 2199$/);
  });

  it('a required property left out, an unknown one, a text too long, a word not in the vocabulary, a number out of range, the wrong type', async () => {
    const missing = await call('POST', '/api/festivals', {});
    expectReadable(missing.status, missing.body, 'name', /^name: required$/);
    const unknown = await call('POST', '/api/festivals', { name: 'Lisbon Shorts', venue: 'Cinemateca' });
    expectReadable(unknown.status, unknown.body, 'venue', /^venue: unknown property \(not part of this request\)$/);
    const long = await call('POST', '/api/festivals', { name: 'x'.repeat(501) });
    expectReadable(long.status, long.body, 'name', /^name: at most 500 characters$/);
    const kind = await call('POST', '/api/festivals', { name: 'Lisbon Shorts', kind: 'picnic' });
    expectReadable(kind.status, kind.body, 'kind', /^kind: "picnic" is not one of the values this field takes: .*festival/);
    const currency = await call('POST', '/api/contracts', deal({ mg: { amount: '100', currency: 'EURO' } }));
    expectReadable(currency.status, currency.body, 'mg.currency', /^mg\.currency: at most 3 characters$/);
    const year = await call('POST', '/api/editions', { festivalId: 'lisbon-shorts', year: 1700 });
    expectReadable(year.status, year.body, 'year', /^year: 1700 is not a whole number from 1870 to 2199$/);
    const notNumber = await call('POST', '/api/titles', { originalTitle: 'Salt Meadow', year: 'soon' });
    expectReadable(notNumber.status, notNumber.body, 'year', /^year: "soon" is not a whole number/);
    const exclusive = await call('POST', '/api/contracts', deal({}, { exclusive: 'maybe' }));
    expectReadable(exclusive.status, exclusive.body, 'blocks[0].exclusive', /^blocks\[0\]\.exclusive: "maybe" is not true or false$/);
  });

  it('a change with nothing in it, and an MG that is neither money nor empty', async () => {
    const empty = await call('PATCH', `/api/titles/${ids.title}`, {});
    expectReadable(empty.status, empty.body, 'body', /^body: nothing to change: give at least one field$/);
    const mg = await call('POST', '/api/contracts', deal({ mg: 'lots' }));
    expectReadable(mg.status, mg.body, 'mg', /^mg: "lots" is not a group of fields or empty$/);
  });
});

describe('every validator keyword in plain words', () => {
  let server: FastifyInstance;
  beforeAll(async () => {
    server = Fastify({ ajv: { customOptions: AJV_OPTIONS } });
    server.setErrorHandler(errorHandler);
    const body = {
      type: 'object',
      additionalProperties: false,
      properties: {
        code: { type: 'string', minLength: 2, maxLength: 8, pattern: '^[A-Z]+$', description: 'capital letters, e.g. "ABC"' },
        ref: { type: 'string', pattern: '^[a-z]+-\\d+$' },
        email: { type: 'string', format: 'email' },
        count: { type: 'integer', minimum: 1, maximum: 10 },
        share: { type: 'number', exclusiveMinimum: 0 },
        step: { type: 'number', multipleOf: 5 },
        tags: { type: 'array', items: { type: 'string' }, minItems: 2, maxItems: 3, uniqueItems: true },
        posters: { type: 'array', items: { type: 'string' }, maxItems: 1 },
        mode: { const: 'draft' },
        colour: { type: 'string', enum: ['red', 'green', 'blue'] },
        extras: { type: 'object', maxProperties: 1, minProperties: 1 },
        either: { anyOf: [{ type: 'integer' }, { type: 'boolean' }] },
        never: { not: { type: 'string' } },
        nested: { type: 'object', properties: { inner: { type: 'string', minLength: 1 } }, required: ['inner'] },
      },
    };
    server.post('/things', { schema: { body } }, async () => ({ ok: true }));
    await server.ready();
  });
  afterAll(async () => {
    await server?.close();
  });
  const post = async (payload: Json) => {
    const r = await server.inject({ method: 'POST', url: '/things', payload });
    return { status: r.statusCode, body: r.json() as Json };
  };

  it.each([
    ['minLength', { code: 'A' }, 'code', /^code: at least 2 characters, capital letters, e\.g\. "ABC"$/],
    ['maxLength', { code: 'ABCDEFGHIJ' }, 'code', /^code: at most 8 characters$/],
    ['pattern with a description', { code: 'abc' }, 'code', /^code: "abc" is not in the expected form: capital letters, e\.g\. "ABC"$/],
    ['pattern without a description', { ref: 'x' }, 'ref', /^ref: "x" is not in the form this field takes$/],
    ['format', { email: 'nobody' }, 'email', /^email: "nobody" is not in the expected form: an email address$/],
    ['minimum', { count: 0 }, 'count', /^count: 0 is not a whole number from 1 to 10$/],
    ['maximum', { count: 11 }, 'count', /^count: 11 is not a whole number from 1 to 10$/],
    ['exclusiveMinimum', { share: 0 }, 'share', /^share: 0 is not a number more than 0$/],
    ['multipleOf', { step: 7 }, 'step', /^step: must be a multiple of 5$/],
    ['minItems', { tags: ['one'] }, 'tags', /^tags: at least 2 tags$/],
    ['maxItems', { tags: ['a', 'b', 'c', 'd'] }, 'tags', /^tags: at most 3 tags$/],
    ['maxItems 1', { posters: ['a', 'b'] }, 'posters', /^posters: at most one poster$/],
    ['uniqueItems', { tags: ['a', 'a'] }, 'tags', /^tags: lists the same value twice \(items 1 and 2\)$/],
    ['const', { mode: 'final' }, 'mode', /^mode: "final" is not one of the values this field takes: draft$/],
    ['enum', { colour: 'mauve' }, 'colour', /^colour: "mauve" is not one of the values this field takes: red, green, blue$/],
    ['minProperties', { extras: {} }, 'extras', /^extras: nothing to change: give at least one field$/],
    ['maxProperties', { extras: { a: 1, b: 2 } }, 'extras', /^extras: at most one entry$/],
    ['type', { count: 'many' }, 'count', /^count: "many" is not a whole number$/],
    ['type of an object', { nested: 'flat' }, 'nested', /^nested: "flat" is not a group of fields$/],
    ['anyOf', { either: 'perhaps' }, 'either', /^either: "perhaps" is not a whole number or true or false$/],
    ['not', { never: 'text' }, 'never', /^never: "text" is not accepted here$/],
    ['required', { nested: {} }, 'nested.inner', /^nested\.inner: required$/],
    ['minLength 1', { nested: { inner: '' } }, 'nested.inner', /^nested\.inner: required$/],
    ['additionalProperties', { colour: 'red', size: 'L' }, 'size', /^size: unknown property \(not part of this request\)$/],
  ])('%s', async (_keyword, payload, field, says) => {
    const r = await post(payload);
    expectReadable(r.status, r.body, field, says);
  });
});

describe('the contract', () => {
  it('describes every value with a pattern, so a refusal says what it must look like and never shows the pattern', () => {
    const bare: string[] = [];
    const seen = new Set<unknown>();
    const walk = (node: unknown, where: string): void => {
      if (!node || typeof node !== 'object' || seen.has(node)) return;
      seen.add(node);
      const schema = node as Record<string, unknown>;
      if (typeof schema.pattern === 'string' && !(typeof schema.description === 'string' && schema.description.trim()))
        bare.push(`${where}: ${schema.pattern}`);
      for (const [k, v] of Object.entries(schema)) walk(v, `${where}.${k}`);
    };
    let schemas = 0;
    for (const [name, value] of Object.entries(contract))
      if (value && typeof value === 'object') {
        schemas++;
        walk(value, name);
      }
    expect(schemas).toBeGreaterThan(100);
    expect(seen.size).toBeGreaterThan(1000);
    expect(bare).toEqual([]);
  });
});
