/**
 * The People and Companies lists read as a phone book: alphabetical by the
 * name shown, whatever its case or accents ("Agnès Varda" before "eva
 * diederix" before "Jeff Deutchman"), not by an internal sort key or byte order.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildServer } from '../../src/api/server.js';
import { FilmRights, SYSTEM } from '../../src/services/app.js';
import { findOrCreateCompany, findOrCreatePerson } from '../../src/services/people.js';
import { createUser } from '../../src/services/users.js';
import { describeEachDatabase } from '../support/databases.js';

const PASSWORD = 'correct horse battery';

describeEachDatabase('people and companies listed alphabetically', (_open, database) => {
  let app: FilmRights;
  let server: FastifyInstance;
  let drop: () => Promise<void>;
  let cookie: string;

  beforeAll(async () => {
    const location = await database.create();
    drop = location.drop;
    app = await FilmRights.open(location.options);
    server = await buildServer(app);
    await createUser(app, { username: 'vic', password: PASSWORD, role: 'viewer' });
    for (const [name, sortName] of [
      ['Zhang Yimou', 'Zhang Yimou'],
      ['Jeff Deutchman', 'Deutchman, Jeff'],
      ['eva diederix', null],
      ['Émile Zola', null],
      ['Agnès Varda', 'Varda, Agnès'],
      ['Bong Joon-ho', null],
    ] as const)
      await findOrCreatePerson(app, SYSTEM, { name, sortName });
    for (const name of ['Wild Bunch', 'alamode film', 'Émotion Films', 'MUBI', 'Neon', 'Diaphana'])
      await findOrCreateCompany(app, SYSTEM, { name, kind: 'distributor' });
    const login = await server.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'vic', password: PASSWORD } });
    cookie = `filmrights_session=${login.cookies.find((c) => c.name === 'filmrights_session')!.value}`;
  });

  afterAll(async () => {
    await server?.close();
    await app?.close();
    await drop?.();
  });

  const names = async (url: string) => {
    const res = await server.inject({ method: 'GET', url, headers: { cookie } });
    expect(res.statusCode, res.body).toBe(200);
    return (res.json().items as Array<{ name: string }>).map((p) => p.name);
  };

  it('lists people by name, ignoring case and accents', async () => {
    expect(await names('/api/people')).toEqual([
      'Agnès Varda',
      'Bong Joon-ho',
      'Émile Zola',
      'eva diederix',
      'Jeff Deutchman',
      'Zhang Yimou',
    ]);
  });

  it('pages through the same order', async () => {
    expect([...(await names('/api/people?pageSize=4')), ...(await names('/api/people?pageSize=4&page=2'))]).toEqual([
      'Agnès Varda',
      'Bong Joon-ho',
      'Émile Zola',
      'eva diederix',
      'Jeff Deutchman',
      'Zhang Yimou',
    ]);
  });

  it('lists companies by name the same way', async () => {
    expect(await names('/api/companies')).toEqual(['alamode film', 'Diaphana', 'Émotion Films', 'MUBI', 'Neon', 'Wild Bunch']);
  });
});
