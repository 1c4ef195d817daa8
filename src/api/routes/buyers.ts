/**
 * Buyers (docs/market.md): the list with its filters, a buyer's page, its profile and contacts,
 * screener links, the avails sheet (JSON, PDF, XLSX), and the public screener redirect `/s/:token`.
 * Reads are viewer/read, changes editor/write; the services check again. The history's MGs follow
 * the financial-terms permission (the service leaves them out, the JSON filter is the last net).
 */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply } from 'fastify';
import {
  AvailsSheetAnswer,
  AvailsSheetInput,
  BuyerDeleted,
  BuyerInput,
  BuyerList,
  BuyerListQuery,
  BuyerParams,
  BuyerPatch,
  BuyerView,
  ContactInput,
  ContactParams,
  ContactPatch,
  ContactView,
  ErrorReply,
  NoContent,
  noBody,
  ScreenerInput,
  ScreenerParams,
  ScreenerTokenParams,
  ScreenerView,
} from '../../contract/index.js';
import { formatBuyerDate } from '../../domain/buyers.js';
import { availsSheetPdf, availsSheetXlsx } from '../../interchange/buyers/availsSheet.js';
import type { FilmRights } from '../../services/app.js';
import {
  addContact,
  buyerAvailsSheet,
  createBuyer,
  createScreener,
  deleteBuyer,
  deleteContact,
  getBuyer,
  listBuyers,
  markScreenerSent,
  openScreener,
  updateBuyer,
  updateContact,
} from '../../services/buyers/index.js';
import { access } from '../access.js';
import { actorOf } from '../auth.js';

const TAGS = ['buyers'];
const FILES = {
  pdf: { type: 'application/pdf', write: availsSheetPdf },
  xlsx: { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', write: availsSheetXlsx },
} as const;

export function buyerRoutes(server: FastifyInstance, app: FilmRights): void {
  const read = access('viewer', 'read');
  const write = access('editor', 'write');
  const refused = { 400: ErrorReply, 403: ErrorReply, 404: ErrorReply, 409: ErrorReply };
  const s = server.withTypeProvider<TypeBoxTypeProvider>();

  s.get(
    '/api/buyers',
    {
      config: read,
      schema: {
        tags: TAGS,
        summary: 'Buyers, filtered by territory (sets that touch), media, kind, free text, or "bought titles like this one" (likeTitle)',
        querystring: BuyerListQuery,
        response: { 200: BuyerList, ...refused },
      },
    },
    async (req) => listBuyers(app, actorOf(req), req.query),
  );
  s.post(
    '/api/buyers',
    {
      config: write,
      schema: {
        tags: TAGS,
        summary: 'Make a company (existing or new) a buyer, with its contacts',
        body: BuyerInput,
        response: { 201: BuyerView, ...refused },
      },
    },
    async (req, reply) => reply.code(201).send(await createBuyer(app, actorOf(req), req.body)),
  );
  s.get(
    '/api/buyers/:id',
    {
      config: read,
      schema: {
        tags: TAGS,
        summary: "A buyer's page: profile, contacts, history, screeners",
        params: BuyerParams,
        response: { 200: BuyerView, ...refused },
      },
    },
    async (req) => getBuyer(app, actorOf(req), req.params.id),
  );
  s.patch(
    '/api/buyers/:id',
    {
      config: write,
      schema: {
        tags: TAGS,
        summary: "Change a buyer's profile (absent fields unchanged)",
        params: BuyerParams,
        body: BuyerPatch,
        response: { 200: BuyerView, ...refused },
      },
    },
    async (req) => updateBuyer(app, actorOf(req), req.params.id, req.body),
  );
  s.delete(
    '/api/buyers/:id',
    {
      config: write,
      schema: {
        tags: TAGS,
        summary: 'Remove the buyer profile, its contacts and screeners (the company stays)',
        params: BuyerParams,
        response: { 200: BuyerDeleted, ...refused },
      },
    },
    async (req) => deleteBuyer(app, actorOf(req), req.params.id),
  );
  s.post(
    '/api/buyers/:id/contacts',
    {
      config: write,
      schema: {
        tags: TAGS,
        summary: 'Add a contact (linked to a person record, or new)',
        params: BuyerParams,
        body: ContactInput,
        response: { 201: ContactView, ...refused },
      },
    },
    async (req, reply) => reply.code(201).send(await addContact(app, actorOf(req), req.params.id, req.body)),
  );
  s.patch(
    '/api/buyers/:id/contacts/:contactId',
    {
      config: write,
      schema: {
        tags: TAGS,
        summary: 'Change a contact',
        params: ContactParams,
        body: ContactPatch,
        response: { 200: ContactView, ...refused },
      },
    },
    async (req) => updateContact(app, actorOf(req), req.params.id, req.params.contactId, req.body),
  );
  s.delete(
    '/api/buyers/:id/contacts/:contactId',
    { config: write, schema: { tags: TAGS, summary: 'Delete a contact', params: ContactParams, response: { 204: NoContent, ...refused } } },
    async (req, reply) => {
      await deleteContact(app, actorOf(req), req.params.id, req.params.contactId);
      return reply.code(204).send();
    },
  );
  s.post(
    '/api/buyers/:id/screeners',
    {
      config: write,
      schema: {
        tags: TAGS,
        summary:
          "Add a screener link (the video host's http(s) URL, never fetched) with its last day; answers our redirect link /s/<token>",
        params: BuyerParams,
        body: ScreenerInput,
        response: { 201: ScreenerView, ...refused },
      },
    },
    async (req, reply) => reply.code(201).send(await createScreener(app, actorOf(req), req.params.id, req.body)),
  );
  s.post(
    '/api/buyers/:id/screeners/:screenerId/sent',
    {
      config: write,
      schema: {
        tags: TAGS,
        summary: 'Record that the screener link was sent (now)',
        params: ScreenerParams,
        body: noBody,
        response: { 200: ScreenerView, ...refused },
      },
    },
    async (req) => markScreenerSent(app, actorOf(req), req.params.id, req.params.screenerId),
  );
  s.post(
    '/api/buyers/:id/avails-sheet',
    {
      config: read, // a question: writes nothing
      schema: {
        tags: TAGS,
        summary:
          "What is free in the buyer's territories and media for these titles (available / on hold / not available per title, country and media), as JSON, PDF or XLSX; never names other buyers or contracts",
        params: BuyerParams,
        body: AvailsSheetInput,
        response: { 200: AvailsSheetAnswer, ...refused },
      },
    },
    async (req, reply) => {
      const { format = 'json', ...question } = req.body;
      const sheet = await buyerAvailsSheet(app, actorOf(req), req.params.id, question);
      if (format === 'json') return sheet;
      const file = FILES[format];
      const name = `avails-${sheet.buyer.id}-${sheet.start}.${format}`.replace(/[^\w.-]/g, '_');
      return reply
        .header('content-type', file.type)
        .header('content-disposition', `attachment; filename="${name}"`)
        .send(await file.write(sheet));
    },
  );

  // The screener redirect: public (the buyer has no account), outside /api, logged, refused after its last day.
  s.get('/s/:token', { schema: { hide: true, params: ScreenerTokenParams } }, async (req, reply) => {
    const open = await openScreener(app, req.params.token);
    reply.header('cache-control', 'no-store').header('referrer-policy', 'no-referrer').header('x-robots-tag', 'noindex');
    if (open.status === 'open') return reply.redirect(open.url, 302);
    if (open.status === 'expired')
      return page(
        reply,
        410,
        'This screener link has expired',
        `The link${open.title ? ` to ${open.title}` : ''} could be opened until ${formatBuyerDate(open.expiredOn, 'en-GB')}. Ask the sales team who sent it for a new one.`,
      );
    return page(
      reply,
      404,
      'No such screener link',
      'Check that the whole link was copied, or ask the sales team who sent it for a new one.',
    );
  });
}

function escape(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A plain page for someone following a screener link (no app, no script). */
function page(reply: FastifyReply, status: number, heading: string, body: string) {
  return reply
    .code(status)
    .type('text/html; charset=utf-8')
    .send(
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escape(heading)}</title>` +
        `<style>body{font-family:system-ui,sans-serif;max-width:34rem;margin:4rem auto;padding:0 1rem;color:#1d2430}h1{font-size:1.4rem}</style></head>` +
        `<body><h1>${escape(heading)}</h1><p>${escape(body)}</p></body></html>`,
    );
}
