/**
 * Editing the record in the browser: titles (credits and companies as
 * lists), merges of duplicates, people and companies, the festival record
 * (festivals, editions, sections, selections, awards), releases and box
 * office, restoring a deleted record from its history, and who "we" are.
 * Every route declares its access; every PATCH body is closed
 * (additionalProperties: false) and absent means unchanged. Deletes and
 * merges answer with what they changed; a delete refused because something
 * still refers to the record is a 409 {error: "in-use", uses: {...}}.
 */
import type { FastifyInstance, FastifySchema, RouteGenericInterface } from 'fastify';
import type { ResolveFastifyRequestType } from 'fastify/types/type-provider.js';
import { Type, type Static, type TSchema } from 'typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FilmRights } from '../../services/app.js';
import { deleteCompany, deletePerson, updateCompany, updatePerson } from '../../services/people.js';
import {
  createSection,
  deleteAward,
  deleteEdition,
  deleteFestival,
  deleteSection,
  deleteSelection,
  renameSection,
  updateAward,
  updateEdition,
  updateFestival,
  updateSelection,
} from '../../services/festivals.js';
import { deleteBoxOffice, deleteRelease, updateBoxOffice, updateRelease } from '../../services/market.js';
import { mergeCompanies, mergePeople, mergeTitles } from '../../services/merge.js';
import { restoreFromHistory, RESTORABLE } from '../../services/history.js';
import { getWeCompany, setWeCompany } from '../../services/settings.js';
import { actorOf } from '../auth.js';
import { access } from '../access.js';
import {
  AwardPatch,
  BoxOfficePatch,
  CompanyPatch,
  EditionPatch,
  FestivalPatch,
  IdParams,
  MergeInput,
  PersonPatch,
  ReleasePatch,
  SectionInput,
  SectionPatch,
  SelectionPatch,
  WeCompanyInput,
  noBody,
  oneOf,
  WeCompany,
  MergeResult,
  SectionView,
  CompanyView,
  PersonView,
  FestivalView,
  EditionOfFestival,
  Created,
  ReleaseView,
  BoxOfficeView,
  DeleteResult,
  RestoreResult,
} from '../../contract/index.js';

const EDIT = access('editor', 'write');

type Actor = ReturnType<typeof actorOf>;
/** The body a route with this body schema hands its handler (as the type provider types it). */
type BodyOf<B extends TSchema> = ResolveFastifyRequestType<TypeBoxTypeProvider, FastifySchema & { body: B }, RouteGenericInterface>['body'];

export function editingRoutes(fastify: FastifyInstance, app: FilmRights): void {
  const server = fastify.withTypeProvider<TypeBoxTypeProvider>();
  /** A PATCH answering the record after the change, as `response` (the record type's view) declares it. */
  const patch = <B extends TSchema, R extends TSchema>(
    url: string,
    tag: string,
    summary: string,
    body: B,
    response: R,
    run: (actor: Actor, id: string, body: BodyOf<B>) => Promise<Static<R>>,
  ) =>
    server.patch(
      url,
      // the answer is checked against R by `run`'s type; the route sees a plain schema (a generic R does not resolve there)
      { config: EDIT, schema: { tags: [tag], summary, params: IdParams, body, response: { 200: response as TSchema } } },
      async (req) => run(actorOf(req), req.params.id, req.body),
    );
  /** A DELETE answering what it removed (`response`: the deleted record as its history keeps it). */
  const del = <R extends TSchema>(
    url: string,
    tag: string,
    summary: string,
    response: R,
    run: (actor: Actor, id: string) => Promise<Static<R>>,
  ) =>
    server.delete(
      url,
      { config: EDIT, schema: { tags: [tag], summary, params: IdParams, response: { 200: response as TSchema } } },
      async (req) => run(actorOf(req), req.params.id),
    );
  const merge = (url: string, tag: string, summary: string, run: (actor: Actor, id: string, mergeId: string) => Promise<MergeResult>) =>
    server.post(
      url,
      { config: EDIT, schema: { tags: [tag], summary, params: IdParams, body: MergeInput, response: { 200: MergeResult } } },
      async (req) => run(actorOf(req), req.params.id, req.body.mergeId),
    );

  // titles: create, change and delete are in catalog.ts (with the bodies above); the merge is here
  merge(
    '/api/titles/:id/merge',
    'catalog',
    'Merge a duplicate title into this one (contracts, credits, facts, sources, selections, releases move; the duplicate is deleted)',
    (a, id, m) => mergeTitles(app, a, id, m),
  );

  // companies and people
  patch('/api/companies/:id', 'catalog', "Change a company's name, kind or country", CompanyPatch, CompanyView, (a, id, b) =>
    updateCompany(app, a, id, b),
  );
  del('/api/companies/:id', 'catalog', 'Delete a company nothing refers to (409 in-use says what does)', DeleteResult, (a, id) =>
    deleteCompany(app, a, id),
  );
  merge(
    '/api/companies/:id/merge',
    'catalog',
    'Merge a duplicate company into this one (contracts, negotiators, titles, releases move)',
    (a, id, m) => mergeCompanies(app, a, id, m),
  );
  patch('/api/people/:id', 'catalog', "Change a person's name or sort name", PersonPatch, PersonView, (a, id, b) =>
    updatePerson(app, a, id, b),
  );
  del('/api/people/:id', 'catalog', 'Delete a person nothing refers to (409 in-use says what does)', DeleteResult, (a, id) =>
    deletePerson(app, a, id),
  );
  merge('/api/people/:id/merge', 'catalog', 'Merge a duplicate person into this one (credits, deals negotiated, awards move)', (a, id, m) =>
    mergePeople(app, a, id, m),
  );

  // festivals and markets
  patch('/api/festivals/:id', 'festivals', "Change a festival's names, kind or place", FestivalPatch, FestivalView, (a, id, b) =>
    updateFestival(app, a, id, b),
  );
  del('/api/festivals/:id', 'festivals', 'Delete a festival without editions', DeleteResult, (a, id) => deleteFestival(app, a, id));
  patch('/api/editions/:id', 'festivals', "Change an edition's number, year or dates", EditionPatch, EditionOfFestival, (a, id, b) =>
    updateEdition(app, a, id, b),
  );
  del(
    '/api/editions/:id',
    'festivals',
    'Delete an edition (and its sections) no selection, award or contract refers to',
    DeleteResult,
    (a, id) => deleteEdition(app, a, id),
  );
  server.post(
    '/api/sections',
    {
      config: EDIT,
      schema: { tags: ['festivals'], summary: "Add a section to an edition's line-up", body: SectionInput, response: { 201: SectionView } },
    },
    async (req, reply) => {
      reply.code(201);
      return createSection(app, actorOf(req), req.body);
    },
  );
  patch('/api/sections/:id', 'festivals', 'Rename a section', SectionPatch, SectionView, (a, id, b) => renameSection(app, a, id, b));
  del('/api/sections/:id', 'festivals', 'Delete an empty section', DeleteResult, (a, id) => deleteSection(app, a, id));
  patch(
    '/api/selections/:id',
    'festivals',
    'Change a selection: section, premiere, slot, withdrawal and its reason',
    SelectionPatch,
    Created,
    (a, id, b) => updateSelection(app, a, id, b),
  );
  del('/api/selections/:id', 'festivals', 'Delete a selection', DeleteResult, (a, id) => deleteSelection(app, a, id));
  patch('/api/awards/:id', 'festivals', 'Change an award: name, winner, tie', AwardPatch, Created, (a, id, b) =>
    updateAward(app, a, id, b),
  );
  del('/api/awards/:id', 'festivals', 'Delete an award', DeleteResult, (a, id) => deleteAward(app, a, id));

  // releases and box office
  patch('/api/releases/:id', 'market', 'Change a release', ReleasePatch, ReleaseView, (a, id, b) => updateRelease(app, a, id, b));
  del('/api/releases/:id', 'market', 'Delete a release', DeleteResult, (a, id) => deleteRelease(app, a, id));
  patch('/api/box-office/:id', 'market', 'Change a box-office figure', BoxOfficePatch, BoxOfficeView, (a, id, b) =>
    updateBoxOffice(app, a, id, b),
  );
  del('/api/box-office/:id', 'market', 'Delete a box-office figure', DeleteResult, (a, id) => deleteBoxOffice(app, a, id));

  // undo a deletion from the record's history
  server.post(
    '/api/history/:entity/:id/restore',
    {
      config: EDIT,
      schema: {
        tags: ['audit'],
        summary: 'Restore a deleted record as its deletion kept it (deals: POST /api/contracts/:id/restore)',
        params: Type.Object({ entity: oneOf(RESTORABLE), id: Type.String({ maxLength: 200 }) }),
        body: noBody,
        response: { 200: RestoreResult },
      },
    },
    async (req) => {
      return restoreFromHistory(app, actorOf(req), req.params.entity, req.params.id);
    },
  );

  // who "we" are
  server.get(
    '/api/settings/we',
    {
      config: access('viewer', 'read'),
      schema: { tags: ['admin'], summary: 'The company this install works for ("we")', response: { 200: WeCompany } },
    },
    async (req) => getWeCompany(app, actorOf(req)),
  );
  server.put(
    '/api/settings/we',
    {
      config: access('admin', 'write'),
      schema: {
        tags: ['admin'],
        summary: 'Set the company this install works for (admins only); new deals take their direction from it',
        body: WeCompanyInput,
        response: { 200: WeCompany },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      await setWeCompany(app, actor, req.body.companyId);
      return getWeCompany(app, actor);
    },
  );
}
