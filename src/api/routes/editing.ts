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
import type { FastifyInstance } from 'fastify';
import type { FilmRights } from '../../services/app.js';
import type { CompanyInput, PersonInput } from '../../services/people.js';
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
import { idParams, noBody } from '../schemas.js';

type Id = { id: string };
type Access = { role: 'public' | 'viewer' | 'editor' | 'admin'; scope: 'read' | 'write' };
const access = (role: Access['role'], scope: Access['scope']) => ({ access: { role, scope } });
const EDIT = access('editor', 'write');

const text = (max: number) => ({ type: 'string', maxLength: max }) as const;
const textOrNull = (max: number) => ({ type: ['string', 'null'], maxLength: max }) as const;
const intOrNull = { type: ['integer', 'null'] } as const;
const list = (items: object, max: number) => ({ type: 'array', items, maxItems: max }) as const;

const CREDIT_ROLES = ['director', 'writer', 'cast', 'producer', 'executive-producer', 'cinematographer', 'editor', 'composer', 'other'];
const TITLE_COMPANY_ROLES = ['production', 'co-production', 'sales-agent', 'distributor'];
const COMPANY_KINDS = ['distributor', 'sales-agent', 'production', 'streamer', 'broadcaster', 'exhibitor', 'other'];

const creditEntry = {
  type: 'object',
  additionalProperties: false,
  required: ['role'],
  properties: {
    personId: textOrNull(200),
    name: textOrNull(300),
    role: { type: 'string', enum: CREDIT_ROLES },
    character: textOrNull(300),
  },
} as const;

const companyEntry = {
  type: 'object',
  additionalProperties: false,
  required: ['role'],
  properties: {
    companyId: textOrNull(200),
    name: textOrNull(300),
    kind: { anyOf: [{ type: 'string', enum: COMPANY_KINDS }, { type: 'null' }] },
    role: { type: 'string', enum: TITLE_COMPANY_ROLES },
  },
} as const;

const aliasEntry = {
  anyOf: [
    text(500),
    {
      type: 'object',
      additionalProperties: false,
      required: ['alias'],
      properties: { alias: text(500), language: textOrNull(35), kind: textOrNull(100) },
    },
  ],
} as const;

const titleFields = {
  originalTitle: text(500),
  englishTitle: textOrNull(500),
  year: intOrNull,
  countries: list(text(100), 300),
  languages: list(text(35), 100),
  runtimeMinutes: intOrNull,
  synopsis: textOrNull(20_000),
  sourceMaterial: textOrNull(200),
  sourceMaterialNote: textOrNull(2000),
  productionStatus: { anyOf: [{ type: 'string', enum: ['development', 'production', 'wrapped', 'released'] }, { type: 'null' }] },
  aliases: list(aliasEntry, 200),
  credits: list(creditEntry, 2000),
  companies: list(companyEntry, 500),
} as const;

/** POST /api/titles: a new title, with its credits (billing order) and companies (the sales agent is one). */
export const titleCreateBody = {
  type: 'object',
  additionalProperties: false,
  required: ['originalTitle'],
  properties: titleFields,
} as const;
/** PATCH /api/titles/:id: absent means unchanged; a list given replaces the list. */
export const titlePatchBody = { type: 'object', additionalProperties: false, minProperties: 1, properties: titleFields } as const;

const mergeBody = {
  type: 'object',
  additionalProperties: false,
  required: ['mergeId'],
  properties: {
    mergeId: { type: 'string', minLength: 1, maxLength: 200, description: 'the duplicate: merged into this record, then deleted' },
  },
} as const;

const companyPatch = {
  type: 'object',
  additionalProperties: false,
  minProperties: 1,
  properties: { name: text(300), kind: { type: 'string', enum: COMPANY_KINDS }, country: textOrNull(100) },
} as const;

const personPatch = {
  type: 'object',
  additionalProperties: false,
  minProperties: 1,
  properties: { name: text(300), sortName: textOrNull(300) },
} as const;

const festivalPatch = {
  type: 'object',
  additionalProperties: false,
  minProperties: 1,
  properties: {
    name: text(300),
    shortName: textOrNull(100),
    aliases: list(text(300), 50),
    kind: { type: 'string', enum: ['festival', 'market', 'awards'] },
    country: textOrNull(100),
    city: textOrNull(200),
  },
} as const;

const editionPatch = {
  type: 'object',
  additionalProperties: false,
  minProperties: 1,
  properties: { number: intOrNull, year: { type: 'integer' }, start: textOrNull(10), end: textOrNull(10) },
} as const;

const selectionPatch = {
  type: 'object',
  additionalProperties: false,
  minProperties: 1,
  properties: {
    section: { ...textOrNull(300), description: "the section's name (created on first use); null: no section" },
    premiereStatus: {
      anyOf: [{ type: 'string', enum: ['world', 'international', 'north-american', 'european', 'national', 'other'] }, { type: 'null' }],
    },
    slot: { anyOf: [{ type: 'string', enum: ['opening-night', 'closing-night', 'gala'] }, { type: 'null' }] },
    withdrawn: { type: 'boolean' },
    withdrawalReason: textOrNull(1000),
  },
} as const;

const awardPatch = {
  type: 'object',
  additionalProperties: false,
  minProperties: 1,
  properties: { name: text(300), titleId: text(200), personId: textOrNull(200), tied: { type: 'boolean' }, tieGroup: textOrNull(200) },
} as const;

const releasePatch = {
  type: 'object',
  additionalProperties: false,
  minProperties: 1,
  properties: {
    territory: text(100),
    date: { ...textOrNull(10), description: 'YYYY-MM-DD, YYYY-MM or YYYY' },
    precision: { type: 'string', enum: ['day', 'month', 'year'] },
    distributorId: textOrNull(200),
    kind: text(100),
  },
} as const;

const boxOfficePatch = {
  type: 'object',
  additionalProperties: false,
  minProperties: 1,
  properties: {
    territory: { ...textOrNull(100), description: 'a country; null or "Worldwide" for a worldwide gross' },
    amount: { type: 'string', maxLength: 30, description: 'decimal, e.g. "1250000.00"' },
    currency: { type: 'string', maxLength: 3 },
    periodStart: textOrNull(10),
    periodEnd: textOrNull(10),
    asOf: textOrNull(10),
    cumulative: { type: 'boolean' },
  },
} as const;

const sectionCreate = {
  type: 'object',
  additionalProperties: false,
  required: ['editionId', 'name'],
  properties: { editionId: text(200), name: text(300) },
} as const;
const sectionPatch = { type: 'object', additionalProperties: false, required: ['name'], properties: { name: text(300) } } as const;

export function editingRoutes(server: FastifyInstance, app: FilmRights): void {
  const patch = <B>(
    url: string,
    tag: string,
    summary: string,
    body: object,
    run: (actor: ReturnType<typeof actorOf>, id: string, body: B) => Promise<unknown>,
  ) =>
    server.patch(url, { config: EDIT, schema: { tags: [tag], summary, params: idParams, body } }, async (req) =>
      run(actorOf(req), (req.params as Id).id, req.body as B),
    );
  const del = (url: string, tag: string, summary: string, run: (actor: ReturnType<typeof actorOf>, id: string) => Promise<unknown>) =>
    server.delete(url, { config: EDIT, schema: { tags: [tag], summary, params: idParams } }, async (req) =>
      run(actorOf(req), (req.params as Id).id),
    );
  const merge = (
    url: string,
    tag: string,
    summary: string,
    run: (actor: ReturnType<typeof actorOf>, id: string, mergeId: string) => Promise<unknown>,
  ) =>
    server.post(url, { config: EDIT, schema: { tags: [tag], summary, params: idParams, body: mergeBody } }, async (req) =>
      run(actorOf(req), (req.params as Id).id, (req.body as { mergeId: string }).mergeId),
    );

  // titles: create, change and delete are in catalog.ts (with the bodies above); the merge is here
  merge(
    '/api/titles/:id/merge',
    'catalog',
    'Merge a duplicate title into this one (contracts, credits, facts, sources, selections, releases move; the duplicate is deleted)',
    (a, id, m) => mergeTitles(app, a, id, m),
  );

  // companies and people
  patch<Partial<CompanyInput>>('/api/companies/:id', 'catalog', "Change a company's name, kind or country", companyPatch, (a, id, b) =>
    updateCompany(app, a, id, b),
  );
  del('/api/companies/:id', 'catalog', 'Delete a company nothing refers to (409 in-use says what does)', (a, id) =>
    deleteCompany(app, a, id),
  );
  merge(
    '/api/companies/:id/merge',
    'catalog',
    'Merge a duplicate company into this one (contracts, negotiators, titles, releases move)',
    (a, id, m) => mergeCompanies(app, a, id, m),
  );
  patch<Partial<PersonInput>>('/api/people/:id', 'catalog', "Change a person's name or sort name", personPatch, (a, id, b) =>
    updatePerson(app, a, id, b),
  );
  del('/api/people/:id', 'catalog', 'Delete a person nothing refers to (409 in-use says what does)', (a, id) => deletePerson(app, a, id));
  merge('/api/people/:id/merge', 'catalog', 'Merge a duplicate person into this one (credits, deals negotiated, awards move)', (a, id, m) =>
    mergePeople(app, a, id, m),
  );

  // festivals and markets
  patch('/api/festivals/:id', 'festivals', "Change a festival's names, kind or place", festivalPatch, (a, id, b) =>
    updateFestival(app, a, id, b as never),
  );
  del('/api/festivals/:id', 'festivals', 'Delete a festival without editions', (a, id) => deleteFestival(app, a, id));
  patch('/api/editions/:id', 'festivals', "Change an edition's number, year or dates", editionPatch, (a, id, b) =>
    updateEdition(app, a, id, b as never),
  );
  del('/api/editions/:id', 'festivals', 'Delete an edition (and its sections) no selection, award or contract refers to', (a, id) =>
    deleteEdition(app, a, id),
  );
  server.post(
    '/api/sections',
    { config: EDIT, schema: { tags: ['festivals'], summary: "Add a section to an edition's line-up", body: sectionCreate } },
    async (req, reply) => {
      reply.code(201);
      return createSection(app, actorOf(req), req.body as { editionId: string; name: string });
    },
  );
  patch('/api/sections/:id', 'festivals', 'Rename a section', sectionPatch, (a, id, b) => renameSection(app, a, id, b as { name: string }));
  del('/api/sections/:id', 'festivals', 'Delete an empty section', (a, id) => deleteSection(app, a, id));
  patch(
    '/api/selections/:id',
    'festivals',
    'Change a selection: section, premiere, slot, withdrawal and its reason',
    selectionPatch,
    (a, id, b) => updateSelection(app, a, id, b as never),
  );
  del('/api/selections/:id', 'festivals', 'Delete a selection', (a, id) => deleteSelection(app, a, id));
  patch('/api/awards/:id', 'festivals', 'Change an award: name, winner, tie', awardPatch, (a, id, b) =>
    updateAward(app, a, id, b as never),
  );
  del('/api/awards/:id', 'festivals', 'Delete an award', (a, id) => deleteAward(app, a, id));

  // releases and box office
  patch('/api/releases/:id', 'market', 'Change a release', releasePatch, (a, id, b) => updateRelease(app, a, id, b as never));
  del('/api/releases/:id', 'market', 'Delete a release', (a, id) => deleteRelease(app, a, id));
  patch('/api/box-office/:id', 'market', 'Change a box-office figure', boxOfficePatch, (a, id, b) =>
    updateBoxOffice(app, a, id, b as never),
  );
  del('/api/box-office/:id', 'market', 'Delete a box-office figure', (a, id) => deleteBoxOffice(app, a, id));

  // undo a deletion from the record's history
  server.post(
    '/api/history/:entity/:id/restore',
    {
      config: EDIT,
      schema: {
        tags: ['audit'],
        summary: 'Restore a deleted record as its deletion kept it (deals: POST /api/contracts/:id/restore)',
        params: {
          type: 'object',
          required: ['entity', 'id'],
          properties: { entity: { type: 'string', enum: [...RESTORABLE] }, id: { type: 'string', maxLength: 200 } },
        },
        body: noBody,
      },
    },
    async (req) => {
      const p = req.params as { entity: string; id: string };
      return restoreFromHistory(app, actorOf(req), p.entity, p.id);
    },
  );

  // who "we" are
  server.get(
    '/api/settings/we',
    { config: access('viewer', 'read'), schema: { tags: ['admin'], summary: 'The company this install works for ("we")' } },
    async (req) => getWeCompany(app, actorOf(req)),
  );
  server.put(
    '/api/settings/we',
    {
      config: access('admin', 'write'),
      schema: {
        tags: ['admin'],
        summary: 'Set the company this install works for (admins only); new deals take their direction from it',
        body: {
          type: 'object',
          additionalProperties: false,
          required: ['companyId'],
          properties: { companyId: { type: 'string', minLength: 1, maxLength: 200 } },
        },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      await setWeCompany(app, actor, (req.body as { companyId: string }).companyId);
      return getWeCompany(app, actor);
    },
  );
}
