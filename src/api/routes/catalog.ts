import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { FilmRights } from '../../services/app.js';
import { availabilityMap } from '../../services/availabilityMap.js';
import { addCredit, createTitle, deleteTitle, getTitle, listTitles, updateTitle } from '../../services/catalog.js';
import { auditTrail, listContracts } from '../../services/contracts.js';
import {
  createAward,
  createEdition,
  createFestival,
  createSelection,
  getEdition,
  getFestival,
  listFestivals,
} from '../../services/festivals.js';
import { createBoxOffice, createRelease, home } from '../../services/market.js';
import { findOrCreateCompany, findOrCreatePerson, getCompany, getPerson, listCompanies, listPeople } from '../../services/people.js';
import { actorOf } from '../auth.js';
import {
  AuditQuery,
  AwardInput,
  BoxOfficeInput,
  CompanyInput,
  CompanyQuery,
  ContractListParams,
  CreditInput,
  EditionInput,
  FestivalInput,
  FestivalQuery,
  IdParams,
  MapQuery,
  PeopleQuery,
  PersonInput,
  ReleaseInput,
  SelectionInput,
  TitleInput,
  TitleListParams,
  TitlePatch,
  AuditEntry,
  ContractPage,
  TitleMap,
  TitlePage,
  BoxOfficeView,
  CompanyListItem,
  CompanyPage,
  PersonListItem,
  PersonPage,
  ReleaseView,
  EditionOfFestival,
  CompanyView,
  CreditCreated,
  Created,
  Lineup,
  Home,
  FestivalView,
  DeleteResult,
  PersonView,
  TitleView,
} from '../../contract/index.js';
import { access } from '../access.js';

/** Titles, people, companies, festivals, releases, box office, the home page and the audit trail. */
export function catalogRoutes(fastify: FastifyInstance, app: FilmRights): void {
  const server = fastify.withTypeProvider<TypeBoxTypeProvider>();
  server.get(
    '/api/titles',
    {
      config: access('viewer', 'read'),
      schema: {
        tags: ['catalog'],
        summary: 'The catalog: forgiving search (titles, aliases, credited people: directors first), filters, pagination',
        querystring: TitleListParams,
        response: { 200: TitlePage },
      },
    },
    async (req) => {
      actorOf(req);
      return listTitles(app, req.query);
    },
  );
  server.get(
    '/api/titles/:id',
    { config: access('viewer', 'read'), schema: { tags: ['catalog'], params: IdParams, response: { 200: TitleView } } },
    async (req) => getTitle(app, actorOf(req), req.params.id),
  );
  server.get(
    '/api/titles/:id/map',
    {
      config: access('viewer', 'read'),
      schema: {
        tags: ['rights'],
        summary: "A title's availability per country, for the world map",
        params: IdParams,
        querystring: MapQuery,
        response: { 200: TitleMap },
      },
    },
    async (req) => availabilityMap(app, actorOf(req), req.params.id, req.query),
  );
  server.post(
    '/api/titles',
    {
      config: access('editor', 'write'),
      schema: {
        tags: ['catalog'],
        summary: 'Create a title, with its credits (billing order) and companies',
        body: TitleInput,
        response: { 201: TitleView },
      },
    },
    async (req, reply) => {
      reply.code(201);
      return createTitle(app, actorOf(req), req.body);
    },
  );
  server.patch(
    '/api/titles/:id',
    {
      config: access('editor', 'write'),
      schema: {
        tags: ['catalog'],
        summary: 'Change a title: absent means unchanged; aliases, credits and companies given replace their lists',
        params: IdParams,
        body: TitlePatch,
        response: { 200: TitleView },
      },
    },
    async (req) => updateTitle(app, actorOf(req), req.params.id, req.body),
  );
  server.delete(
    '/api/titles/:id',
    {
      config: access('editor', 'write'),
      schema: {
        tags: ['catalog'],
        summary: 'Delete a title nothing refers to (409 in-use says what does); answers what was deleted',
        params: IdParams,
        response: { 200: DeleteResult },
      },
    },
    async (req) => deleteTitle(app, actorOf(req), req.params.id),
  );
  server.post(
    '/api/credits',
    { config: access('editor', 'write'), schema: { tags: ['catalog'], body: CreditInput, response: { 201: CreditCreated } } },
    async (req, reply) => {
      reply.code(201);
      return addCredit(app, actorOf(req), req.body);
    },
  );

  server.get(
    '/api/people',
    {
      config: access('viewer', 'read'),
      schema: { tags: ['catalog'], querystring: PeopleQuery, response: { 200: PersonPage } },
    },
    async (req) => {
      actorOf(req);
      return listPeople(app, req.query);
    },
  );
  server.get(
    '/api/people/:id',
    { config: access('viewer', 'read'), schema: { tags: ['catalog'], params: IdParams, response: { 200: PersonView } } },
    async (req) => getPerson(app, actorOf(req), req.params.id),
  );
  server.post(
    '/api/people',
    { config: access('editor', 'write'), schema: { tags: ['catalog'], body: PersonInput, response: { '2xx': PersonListItem } } },
    async (req, reply) => {
      const r = await findOrCreatePerson(app, actorOf(req), req.body);
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
        querystring: CompanyQuery,
        response: { 200: CompanyPage },
      },
    },
    async (req) => {
      actorOf(req);
      return listCompanies(app, req.query);
    },
  );
  server.get(
    '/api/companies/:id',
    { config: access('viewer', 'read'), schema: { tags: ['catalog'], params: IdParams, response: { 200: CompanyView } } },
    async (req) => getCompany(app, actorOf(req), req.params.id),
  );
  server.post(
    '/api/companies',
    { config: access('editor', 'write'), schema: { tags: ['catalog'], body: CompanyInput, response: { '2xx': CompanyListItem } } },
    async (req, reply) => {
      const r = await findOrCreateCompany(app, actorOf(req), req.body);
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
        querystring: ContractListParams,
        response: { 200: ContractPage },
      },
    },
    async (req) => listContracts(app, req.query, actorOf(req)),
  );

  server.get(
    '/api/festivals',
    {
      config: access('viewer', 'read'),
      schema: { tags: ['festivals'], querystring: FestivalQuery, response: { 200: Type.Array(FestivalView) } },
    },
    async (req) => {
      actorOf(req);
      return listFestivals(app, req.query);
    },
  );
  server.get(
    '/api/festivals/:id',
    { config: access('viewer', 'read'), schema: { tags: ['festivals'], params: IdParams, response: { 200: FestivalView } } },
    async (req) => getFestival(app, actorOf(req), req.params.id),
  );
  server.get(
    '/api/editions/:id',
    { config: access('viewer', 'read'), schema: { tags: ['festivals'], params: IdParams, response: { 200: Lineup } } },
    async (req) => getEdition(app, actorOf(req), req.params.id),
  );
  server.post(
    '/api/festivals',
    { config: access('editor', 'write'), schema: { tags: ['festivals'], body: FestivalInput, response: { 201: FestivalView } } },
    async (req, reply) => {
      reply.code(201);
      return createFestival(app, actorOf(req), req.body);
    },
  );
  server.post(
    '/api/editions',
    {
      config: access('editor', 'write'),
      schema: {
        tags: ['festivals'],
        body: EditionInput,
        response: { 201: EditionOfFestival },
      },
    },
    async (req, reply) => {
      reply.code(201);
      return createEdition(app, actorOf(req), req.body);
    },
  );
  server.post(
    '/api/selections',
    { config: access('editor', 'write'), schema: { tags: ['festivals'], body: SelectionInput, response: { 201: Created } } },
    async (req, reply) => {
      reply.code(201);
      return createSelection(app, actorOf(req), req.body);
    },
  );
  server.post(
    '/api/awards',
    { config: access('editor', 'write'), schema: { tags: ['festivals'], body: AwardInput, response: { 201: Created } } },
    async (req, reply) => {
      reply.code(201);
      return createAward(app, actorOf(req), req.body);
    },
  );
  server.post(
    '/api/releases',
    { config: access('editor', 'write'), schema: { tags: ['market'], body: ReleaseInput, response: { 201: ReleaseView } } },
    async (req, reply) => {
      reply.code(201);
      return createRelease(app, actorOf(req), req.body);
    },
  );
  server.post(
    '/api/box-office',
    { config: access('editor', 'write'), schema: { tags: ['market'], body: BoxOfficeInput, response: { 201: BoxOfficeView } } },
    async (req, reply) => {
      reply.code(201);
      return createBoxOffice(app, actorOf(req), req.body);
    },
  );

  server.get(
    '/api/home',
    {
      config: access('viewer', 'read'),
      schema: {
        tags: ['catalog'],
        summary: 'Holds and their age, rights expiring in 90 days, recently signed, facts to review',
        response: { 200: Home },
      },
    },
    async (req) => home(app, actorOf(req)),
  );
  server.get(
    '/api/audit',
    {
      config: access('viewer', 'read'),
      schema: {
        tags: ['audit'],
        querystring: AuditQuery,
        response: { 200: Type.Array(AuditEntry) },
      },
    },
    async (req) => {
      return auditTrail(app, actorOf(req), req.query);
    },
  );
}
