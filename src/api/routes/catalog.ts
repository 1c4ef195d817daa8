import type { FastifyInstance } from 'fastify';
import type { FilmRights } from '../../services/app.js';
import { availabilityMap } from '../../services/availabilityMap.js';
import {
  addCredit,
  createTitle,
  deleteTitle,
  getTitle,
  listTitles,
  updateTitle,
  type CreditInput,
  type TitleInput,
  type TitleListParams,
} from '../../services/catalog.js';
import { auditTrail, listContracts, type ContractListParams } from '../../services/contracts.js';
import {
  createAward,
  createEdition,
  createFestival,
  createSelection,
  getEdition,
  getFestival,
  listFestivals,
  type AwardInput,
  type EditionInput,
  type FestivalInput,
  type SelectionInput,
} from '../../services/festivals.js';
import { createBoxOffice, createRelease, home, type BoxOfficeInput, type ReleaseInput } from '../../services/market.js';
import {
  findOrCreateCompany,
  findOrCreatePerson,
  getCompany,
  getPerson,
  listCompanies,
  listPeople,
  type CompanyInput,
  type PersonInput,
} from '../../services/people.js';
import { actorOf } from '../auth.js';
import {
  awardInput,
  boxOfficeInput,
  companyInput,
  creditInput,
  editionInput,
  festivalInput,
  idParams,
  personInput,
  releaseInput,
  selectionInput,
} from '../schemas.js';
import { access } from '../access.js';
import { titleCreateBody, titlePatchBody } from './editing.js';

const page = { page: { type: 'integer', minimum: 1 }, pageSize: { type: 'integer', minimum: 1, maximum: 500 } } as const;
type Id = { id: string };

/** Titles, people, companies, festivals, releases, box office, the home page and the audit trail. */
export function catalogRoutes(server: FastifyInstance, app: FilmRights): void {
  server.get(
    '/api/titles',
    {
      config: access('viewer', 'read'),
      schema: {
        tags: ['catalog'],
        summary: 'The catalog: forgiving search (titles, aliases, credited people: directors first), filters, pagination',
        querystring: {
          type: 'object',
          properties: {
            q: { type: 'string' },
            status: { type: 'string' },
            country: { type: 'string' },
            festival: { type: 'string' },
            freeTerritory: {
              type: 'string',
              maxLength: 500,
              description: 'free to license exclusively here for the next twelve months (from today)',
            },
            freeMedia: { type: 'string', maxLength: 500, description: 'with freeTerritory: for these media (default All Media)' },
            sort: { type: 'string', enum: ['title', 'year', 'relevance'] },
            dir: { type: 'string', enum: ['asc', 'desc'] },
            ...page,
          },
        },
      },
    },
    async (req) => {
      actorOf(req);
      return listTitles(app, req.query as TitleListParams);
    },
  );
  server.get('/api/titles/:id', { config: access('viewer', 'read'), schema: { tags: ['catalog'], params: idParams } }, async (req) =>
    getTitle(app, actorOf(req), (req.params as Id).id),
  );
  server.get(
    '/api/titles/:id/map',
    {
      config: access('viewer', 'read'),
      schema: {
        tags: ['rights'],
        summary: "A title's availability per country, for the world map",
        params: idParams,
        querystring: {
          type: 'object',
          properties: { media: { type: 'string' }, start: { type: 'string' }, end: { type: 'string' }, exclusive: { type: 'boolean' } },
        },
      },
    },
    async (req) =>
      availabilityMap(
        app,
        actorOf(req),
        (req.params as Id).id,
        req.query as { media?: string; start?: string; end?: string; exclusive?: boolean },
      ),
  );
  server.post(
    '/api/titles',
    {
      config: access('editor', 'write'),
      schema: { tags: ['catalog'], summary: 'Create a title, with its credits (billing order) and companies', body: titleCreateBody },
    },
    async (req, reply) => {
      reply.code(201);
      return createTitle(app, actorOf(req), req.body as TitleInput);
    },
  );
  server.patch(
    '/api/titles/:id',
    {
      config: access('editor', 'write'),
      schema: {
        tags: ['catalog'],
        summary: 'Change a title: absent means unchanged; aliases, credits and companies given replace their lists',
        params: idParams,
        body: titlePatchBody,
      },
    },
    async (req) => updateTitle(app, actorOf(req), (req.params as Id).id, req.body as Partial<TitleInput>),
  );
  server.delete(
    '/api/titles/:id',
    {
      config: access('editor', 'write'),
      schema: {
        tags: ['catalog'],
        summary: 'Delete a title nothing refers to (409 in-use says what does); answers what was deleted',
        params: idParams,
      },
    },
    async (req) => deleteTitle(app, actorOf(req), (req.params as Id).id),
  );
  server.post(
    '/api/credits',
    { config: access('editor', 'write'), schema: { tags: ['catalog'], body: creditInput } },
    async (req, reply) => {
      reply.code(201);
      return addCredit(app, actorOf(req), req.body as CreditInput);
    },
  );

  server.get(
    '/api/people',
    {
      config: access('viewer', 'read'),
      schema: { tags: ['catalog'], querystring: { type: 'object', properties: { q: { type: 'string' }, ...page } } },
    },
    async (req) => {
      actorOf(req);
      return listPeople(app, req.query as { q?: string });
    },
  );
  server.get('/api/people/:id', { config: access('viewer', 'read'), schema: { tags: ['catalog'], params: idParams } }, async (req) =>
    getPerson(app, actorOf(req), (req.params as Id).id),
  );
  server.post(
    '/api/people',
    { config: access('editor', 'write'), schema: { tags: ['catalog'], body: personInput } },
    async (req, reply) => {
      const r = await findOrCreatePerson(app, actorOf(req), req.body as PersonInput);
      reply.code(r.created ? 201 : 200);
      return r.person;
    },
  );
  server.get(
    '/api/companies',
    {
      config: access('viewer', 'read'),
      schema: {
        tags: ['catalog'],
        querystring: { type: 'object', properties: { q: { type: 'string' }, kind: { type: 'string' }, ...page } },
      },
    },
    async (req) => {
      actorOf(req);
      return listCompanies(app, req.query as { q?: string; kind?: string });
    },
  );
  server.get('/api/companies/:id', { config: access('viewer', 'read'), schema: { tags: ['catalog'], params: idParams } }, async (req) =>
    getCompany(app, actorOf(req), (req.params as Id).id),
  );
  server.post(
    '/api/companies',
    { config: access('editor', 'write'), schema: { tags: ['catalog'], body: companyInput } },
    async (req, reply) => {
      const r = await findOrCreateCompany(app, actorOf(req), req.body as CompanyInput);
      reply.code(r.created ? 201 : 200);
      return r.company;
    },
  );

  server.get(
    '/api/contracts',
    {
      config: access('viewer', 'read'),
      schema: {
        tags: ['contracts'],
        summary:
          'Contracts, newest first, with their rights (territories, media, term) and MG (with the financial-terms permission); deleted=true lists the deleted ones (restorable)',
        querystring: {
          type: 'object',
          properties: {
            status: { type: 'string' },
            direction: { type: 'string' },
            title: { type: 'string' },
            company: { type: 'string' },
            q: { type: 'string' },
            deleted: { type: 'boolean' },
            ...page,
          },
        },
      },
    },
    async (req) => listContracts(app, req.query as ContractListParams, actorOf(req)),
  );

  server.get(
    '/api/festivals',
    {
      config: access('viewer', 'read'),
      schema: { tags: ['festivals'], querystring: { type: 'object', properties: { q: { type: 'string' }, kind: { type: 'string' } } } },
    },
    async (req) => {
      actorOf(req);
      return listFestivals(app, req.query as { q?: string; kind?: string });
    },
  );
  server.get('/api/festivals/:id', { config: access('viewer', 'read'), schema: { tags: ['festivals'], params: idParams } }, async (req) =>
    getFestival(app, actorOf(req), (req.params as Id).id),
  );
  server.get('/api/editions/:id', { config: access('viewer', 'read'), schema: { tags: ['festivals'], params: idParams } }, async (req) =>
    getEdition(app, actorOf(req), (req.params as Id).id),
  );
  server.post(
    '/api/festivals',
    { config: access('editor', 'write'), schema: { tags: ['festivals'], body: festivalInput } },
    async (req, reply) => {
      reply.code(201);
      return createFestival(app, actorOf(req), req.body as FestivalInput);
    },
  );
  server.post(
    '/api/editions',
    { config: access('editor', 'write'), schema: { tags: ['festivals'], body: editionInput } },
    async (req, reply) => {
      reply.code(201);
      return createEdition(app, actorOf(req), req.body as EditionInput);
    },
  );
  server.post(
    '/api/selections',
    { config: access('editor', 'write'), schema: { tags: ['festivals'], body: selectionInput } },
    async (req, reply) => {
      reply.code(201);
      return createSelection(app, actorOf(req), req.body as SelectionInput);
    },
  );
  server.post(
    '/api/awards',
    { config: access('editor', 'write'), schema: { tags: ['festivals'], body: awardInput } },
    async (req, reply) => {
      reply.code(201);
      return createAward(app, actorOf(req), req.body as AwardInput);
    },
  );
  server.post(
    '/api/releases',
    { config: access('editor', 'write'), schema: { tags: ['market'], body: releaseInput } },
    async (req, reply) => {
      reply.code(201);
      return createRelease(app, actorOf(req), req.body as ReleaseInput);
    },
  );
  server.post(
    '/api/box-office',
    { config: access('editor', 'write'), schema: { tags: ['market'], body: boxOfficeInput } },
    async (req, reply) => {
      reply.code(201);
      return createBoxOffice(app, actorOf(req), req.body as BoxOfficeInput);
    },
  );

  server.get(
    '/api/home',
    {
      config: access('viewer', 'read'),
      schema: { tags: ['catalog'], summary: 'Holds and their age, rights expiring in 90 days, recently signed, facts to review' },
    },
    async (req) => home(app, actorOf(req)),
  );
  server.get(
    '/api/audit',
    {
      config: access('viewer', 'read'),
      schema: {
        tags: ['audit'],
        querystring: {
          type: 'object',
          properties: { entity: { type: 'string' }, entityId: { type: 'string' }, limit: { type: 'integer', minimum: 1, maximum: 1000 } },
        },
      },
    },
    async (req) => {
      return auditTrail(app, actorOf(req), req.query as { entity?: string; entityId?: string; limit?: number });
    },
  );
}
