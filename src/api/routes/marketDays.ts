/**
 * Market days (docs/market-days.md): the market of a festival edition, its line-up, screenings,
 * meetings, the schedule with its conflicts, the schedule as .ics (export and import), the line-up
 * sheet (PDF, XLSX) and follow-ups. Reads are viewer/read, writes editor/write.
 */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import {
  ErrorReply,
  FollowUpQuery,
  FollowUpView,
  IcsImportInput,
  IcsImportResult,
  IcsQuery,
  IdParams,
  LineupInput,
  MarketInput,
  MarketItemParams,
  MarketParams,
  MarketPatch,
  MarketView,
  MeetingInput,
  MeetingView,
  NoContent,
  Ref,
  ScheduleQuery,
  ScheduleView,
  ScreeningInput,
  ScreeningView,
  LineupSheetQuery,
  MarketTaskInput,
  MarketTaskPatch,
  MarketTaskView,
  fileAnswer,
} from '../../contract/index.js';
import type { FilmRights } from '../../services/app.js';
import { exportIcs, importIcs } from '../../services/marketDays/ics.js';
import { createTask, deleteTask, followUps, updateTask } from '../../services/marketDays/followUps.js';
import {
  createMarket,
  getMarket,
  listMarkets,
  marketOfEdition,
  marketTeam,
  setLineup,
  updateMarket,
} from '../../services/marketDays/market.js';
import { deleteScheduleItem, getSchedule, saveMeeting, saveScreening } from '../../services/marketDays/schedule.js';
import { lineupSheetFile } from '../../services/marketDays/sheet.js';
import { access } from '../access.js';
import { actorOf } from '../auth.js';

const TAGS = ['market days'];
const TYPES = { pdf: 'application/pdf', xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' } as const;
const MarketList = Type.Array(
  Type.Object({ id: Type.String(), name: Type.String(), editionId: Type.String(), start: Type.String(), end: Type.String() }),
);
const EditionMarket = Type.Object({ market: Type.Union([MarketView, Type.Null()]) });

/** A file name for a header: accents folded ("Marché" → "Marche"), then letters, digits, dot, dash and underscore. */
const fileName = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[^\w.-]+/g, '_');

export function marketDaysRoutes(fastify: FastifyInstance, app: FilmRights): void {
  const server = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const read = access('viewer', 'read');
  const write = access('editor', 'write');
  const refused = { 400: ErrorReply, 403: ErrorReply, 404: ErrorReply };

  server.get(
    '/api/markets',
    { config: read, schema: { tags: TAGS, summary: 'Every market, latest first', response: { 200: MarketList } } },
    async () => listMarkets(app),
  );
  server.get(
    '/api/markets/team',
    {
      config: read,
      schema: { tags: TAGS, summary: 'Our users by name, to say who goes to a meeting or screening', response: { 200: Type.Array(Ref) } },
    },
    async () => marketTeam(app),
  );
  server.post(
    '/api/markets',
    {
      config: write,
      schema: {
        tags: TAGS,
        summary: 'Add the market side of a festival edition (name, dates, IANA time zone)',
        body: MarketInput,
        response: { 201: MarketView, ...refused },
      },
    },
    async (req, reply) => reply.code(201).send(await createMarket(app, actorOf(req), req.body)),
  );
  server.get(
    '/api/editions/:id/market',
    {
      config: read,
      schema: { tags: TAGS, summary: "An edition's market, or null", params: IdParams, response: { 200: EditionMarket, ...refused } },
    },
    async (req) => ({ market: await marketOfEdition(app, actorOf(req), req.params.id) }),
  );
  server.get(
    '/api/markets/:id',
    {
      config: read,
      schema: { tags: TAGS, summary: 'A market with its line-up', params: MarketParams, response: { 200: MarketView, ...refused } },
    },
    async (req) => getMarket(app, actorOf(req), req.params.id),
  );
  server.patch(
    '/api/markets/:id',
    {
      config: write,
      schema: {
        tags: TAGS,
        summary: "Change a market's name, dates or time zone",
        params: MarketParams,
        body: MarketPatch,
        response: { 200: MarketView, ...refused },
      },
    },
    async (req) => updateMarket(app, actorOf(req), req.params.id, req.body),
  );
  server.put(
    '/api/markets/:id/lineup',
    {
      config: write,
      schema: {
        tags: TAGS,
        summary: 'Set the whole line-up, in order',
        params: MarketParams,
        body: LineupInput,
        response: { 200: MarketView, ...refused },
      },
    },
    async (req) => setLineup(app, actorOf(req), req.params.id, req.body),
  );

  server.get(
    '/api/markets/:id/schedule',
    {
      config: read,
      schema: {
        tags: TAGS,
        summary: 'Meetings and screenings (local days from..to, one of our people), with the conflicts that touch them',
        params: MarketParams,
        querystring: ScheduleQuery,
        response: { 200: ScheduleView, ...refused },
      },
    },
    async (req) => getSchedule(app, actorOf(req), req.params.id, req.query),
  );
  server.post(
    '/api/markets/:id/screenings',
    {
      config: write,
      schema: {
        tags: TAGS,
        summary: 'Add a screening (local time)',
        params: MarketParams,
        body: ScreeningInput,
        response: { 201: ScreeningView, ...refused },
      },
    },
    async (req, reply) => reply.code(201).send(await saveScreening(app, actorOf(req), req.params.id, req.body)),
  );
  server.put(
    '/api/markets/:id/screenings/:itemId',
    {
      config: write,
      schema: {
        tags: TAGS,
        summary: 'Change a screening, whole',
        params: MarketItemParams,
        body: ScreeningInput,
        response: { 200: ScreeningView, ...refused },
      },
    },
    async (req) => saveScreening(app, actorOf(req), req.params.id, req.body, req.params.itemId),
  );
  server.delete(
    '/api/markets/:id/screenings/:itemId',
    {
      config: write,
      schema: { tags: TAGS, summary: 'Delete a screening', params: MarketItemParams, response: { 204: NoContent, ...refused } },
    },
    async (req, reply) => {
      await deleteScheduleItem(app, actorOf(req), req.params.id, 'screening', req.params.itemId);
      return reply.code(204).send();
    },
  );
  server.post(
    '/api/markets/:id/meetings',
    {
      config: write,
      schema: {
        tags: TAGS,
        summary: 'Add a meeting (local times)',
        params: MarketParams,
        body: MeetingInput,
        response: { 201: MeetingView, ...refused },
      },
    },
    async (req, reply) => reply.code(201).send(await saveMeeting(app, actorOf(req), req.params.id, req.body)),
  );
  server.put(
    '/api/markets/:id/meetings/:itemId',
    {
      config: write,
      schema: {
        tags: TAGS,
        summary: 'Change a meeting, whole',
        params: MarketItemParams,
        body: MeetingInput,
        response: { 200: MeetingView, ...refused },
      },
    },
    async (req) => saveMeeting(app, actorOf(req), req.params.id, req.body, req.params.itemId),
  );
  server.delete(
    '/api/markets/:id/meetings/:itemId',
    {
      config: write,
      schema: { tags: TAGS, summary: 'Delete a meeting', params: MarketItemParams, response: { 204: NoContent, ...refused } },
    },
    async (req, reply) => {
      await deleteScheduleItem(app, actorOf(req), req.params.id, 'meeting', req.params.itemId);
      return reply.code(204).send();
    },
  );

  server.get(
    '/api/markets/:id/schedule.ics',
    {
      config: read,
      schema: {
        tags: TAGS,
        summary: 'The schedule (meetings and screenings; of one of our people if asked) as iCalendar',
        params: MarketParams,
        querystring: IcsQuery,
        response: { 200: fileAnswer('the schedule as an .ics file (attachment)', ['text/calendar']), ...refused },
      },
    },
    async (req, reply) => {
      const file = await exportIcs(app, actorOf(req), req.params.id, req.query.person);
      return reply
        .header('content-type', 'text/calendar; charset=utf-8')
        .header('content-disposition', `attachment; filename="${fileName(file.name)}.ics"`)
        .send(file.text);
    },
  );
  server.post(
    '/api/markets/:id/schedule/import',
    {
      config: access('editor', 'write'),
      bodyLimit: 2_000_000,
      schema: {
        tags: TAGS,
        summary:
          'Import an .ics into meetings: preview (commit false) with errors per event, or commit (all or nothing unless skipInvalid)',
        params: MarketParams,
        body: IcsImportInput,
        response: { 200: IcsImportResult, ...refused },
      },
    },
    async (req) => importIcs(app, actorOf(req), req.params.id, req.body),
  );
  server.get(
    '/api/markets/:id/lineup-sheet',
    {
      config: read,
      schema: {
        tags: TAGS,
        summary: 'The line-up sheet (titles, loglines, credits, status, screening times) as PDF or XLSX',
        params: MarketParams,
        querystring: LineupSheetQuery,
        response: { 200: fileAnswer('the line-up sheet (attachment)', Object.values(TYPES)), ...refused },
      },
    },
    async (req, reply) => {
      const file = await lineupSheetFile(app, actorOf(req), req.params.id, req.query.format);
      return reply
        .header('content-type', TYPES[req.query.format])
        .header('content-disposition', `attachment; filename="${fileName(file.name)}"`)
        .send(file.body);
    },
  );

  server.get(
    '/api/markets/:id/follow-ups',
    {
      config: read,
      schema: {
        tags: TAGS,
        summary: 'What needs following up (meetings ended before asOf with no next step and no task) and the tasks',
        params: MarketParams,
        querystring: FollowUpQuery,
        response: { 200: FollowUpView, ...refused },
      },
    },
    async (req) => followUps(app, actorOf(req), req.params.id, req.query.asOf),
  );
  server.post(
    '/api/markets/:id/tasks',
    {
      config: write,
      schema: {
        tags: TAGS,
        summary: 'Add a follow-up task',
        params: MarketParams,
        body: MarketTaskInput,
        response: { 201: MarketTaskView, ...refused },
      },
    },
    async (req, reply) => reply.code(201).send(await createTask(app, actorOf(req), req.params.id, req.body)),
  );
  server.patch(
    '/api/markets/:id/tasks/:itemId',
    {
      config: write,
      schema: {
        tags: TAGS,
        summary: 'Change a task (mark it done)',
        params: MarketItemParams,
        body: MarketTaskPatch,
        response: { 200: MarketTaskView, ...refused },
      },
    },
    async (req) => updateTask(app, actorOf(req), req.params.id, req.params.itemId, req.body),
  );
  server.delete(
    '/api/markets/:id/tasks/:itemId',
    { config: write, schema: { tags: TAGS, summary: 'Delete a task', params: MarketItemParams, response: { 204: NoContent, ...refused } } },
    async (req, reply) => {
      await deleteTask(app, actorOf(req), req.params.id, req.params.itemId);
      return reply.code(204).send();
    },
  );
}
