/** The response check of src/api/responseCheck.ts: an answer that breaks its declared shape is a 500 naming route and field. */
import Fastify from 'fastify';
import { Type } from 'typebox';
import { describe, expect, it } from 'vitest';
import { plainSerializer, registerResponseCheck, RESPONSE_SHAPE_ERROR } from '../../src/api/responseCheck.js';

const Title = Type.Object({ id: Type.String(), year: Type.Union([Type.Integer(), Type.Null()]) });

async function serverAnswering(answer: unknown) {
  const server = Fastify();
  plainSerializer(server);
  registerResponseCheck(server);
  server.get('/api/title', { schema: { response: { 200: Title } } }, async () => answer);
  await server.ready();
  return server;
}

describe('response shapes', () => {
  it('lets a matching answer through untouched, extra fields included (nothing is stripped)', async () => {
    const server = await serverAnswering({ id: 'one-second', year: 2020, extra: 'kept' });
    const res = await server.inject({ method: 'GET', url: '/api/title' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ id: 'one-second', year: 2020, extra: 'kept' });
  });

  it('turns an answer of the wrong shape into a 500 that names the route and the field', async () => {
    const server = await serverAnswering({ id: 'one-second', year: '2020' });
    const res = await server.inject({ method: 'GET', url: '/api/title' });
    expect(res.statusCode).toBe(500);
    expect(res.json()).toMatchObject({ error: RESPONSE_SHAPE_ERROR, field: '/year' });
    expect(res.json().message).toContain('GET /api/title');
  });

  it('is on in the test suites (FILMRIGHTS_VALIDATE_RESPONSES=1 from vitest.config.ts)', () => {
    expect(process.env.FILMRIGHTS_VALIDATE_RESPONSES).toBe('1');
  });
});
