import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Actor, FilmRights } from '../../services/app.js';
import type { AvailsInput } from '../../services/avails.js';
import type { ContractListParams } from '../../services/contracts.js';
import { exportEma, type EmaExportOptions } from '../../services/emaExport.js';
import {
  IMPORT_FORMATS,
  IMPORT_LIMITS,
  importFile,
  refusalProblems,
  type ImportFileOptions,
  type ImportFileResult,
  type ImportFormat,
} from '../../services/imports.js';
import { LISTS, emaFileName, exportList, type ListName } from '../../services/lists.js';
import type { Mapping, SheetKind } from '../../interchange/sheets/import.js';
import { actorOf } from '../auth.js';
import { LINE_MAX, NAME_MAX, availsQuestion, date, endDate, list } from '../schemas.js';
import { EXPORT_LICENSE_TYPES } from '../../interchange/ema/vocab.js';
import { access } from '../access.js';

interface ImportBody {
  filename: string;
  /** The file, base64. */
  content: string;
  mode?: 'preview' | 'commit';
  format?: ImportFormat;
  retailer?: string;
  kind?: SheetKind;
  mapping?: Mapping;
  sheet?: string;
  /** Commit in the background: 202 with a job to poll for progress. */
  background?: boolean;
}

interface Job {
  owner: string;
  state: 'running' | 'done' | 'refused' | 'failed';
  done: number;
  total: number;
  started: number;
  result?: ImportFileResult;
  error?: { error: string; message: string; problems?: unknown };
}

const MAX_BYTES = IMPORT_LIMITS.maxBytes;
/** The file as base64: 4 characters per 3 bytes. */
const MAX_BASE64 = Math.ceil(MAX_BYTES / 3) * 4;

/** The options of an EMA avails export (POST /api/avails/export?format=ema-xlsx|ema-xml). */
const emaExportOptions = {
  type: 'object',
  additionalProperties: false,
  properties: {
    titles: list({ type: 'string', minLength: 1, maxLength: NAME_MAX }, 10_000),
    territories: { type: 'string', maxLength: LINE_MAX },
    licenseTypes: list({ type: 'string', enum: [...EXPORT_LICENSE_TYPES] }, 20),
    from: date,
    to: endDate,
    source: { type: 'string', enum: ['avails', 'windows'] },
    retailer: { type: ['string', 'null'], maxLength: NAME_MAX },
    exclusive: { type: 'boolean' },
    formatProfiles: list({ type: 'string', maxLength: 20 }, 20),
    lrd: { type: 'string', maxLength: 10 },
    priceType: { type: ['string', 'null'], maxLength: 50 },
    priceValue: { anyOf: [{ type: 'string', maxLength: 30 }, { type: 'number' }, { type: 'null' }] },
    priceCurrency: { type: ['string', 'null'], maxLength: 3 },
    preorderDays: { type: 'integer', minimum: 0, maximum: 3650 },
    licensor: { type: 'string', maxLength: NAME_MAX },
  },
} as const;

function send(reply: FastifyReply, data: Buffer, contentType: string, filename: string) {
  return reply
    .header('content-type', contentType)
    .header('content-disposition', `attachment; filename="${filename.replace(/[^\w.-]/g, '_')}"`)
    .send(data);
}

function refusedBody(e: Error) {
  return { error: 'import-refused', message: e.message, problems: refusalProblems(e) };
}

/** Imports (preview and commit, with a background job for large files) and exports (EMA avails, every list). */
export function interchangeRoutes(server: FastifyInstance, app: FilmRights): void {
  const jobs = new Map<string, Job>();
  const sweep = () => {
    for (const [id, j] of jobs) if (j.state !== 'running' && Date.now() - j.started > 3_600_000) jobs.delete(id);
  };

  server.post(
    '/api/import',
    {
      config: access('editor', 'write'),
      bodyLimit: Math.ceil(MAX_BYTES * 1.4),
      schema: {
        tags: ['interchange'],
        summary:
          'Import a file (JSON, EMA avails XLSX or XML, CSV/XLSX deal or catalog sheet): preview (nothing written) or commit (all or nothing)',
        description:
          `Limits of one import (413 naming the limit when over one): the file at most ${MAX_BYTES / 1024 / 1024} MiB; an XLSX workbook at most ${IMPORT_LIMITS.maxEntries.toLocaleString('en-US')} archive entries ` +
          `inflating to at most ${IMPORT_LIMITS.maxUnpackedBytes / 1024 / 1024} MiB; at most ${IMPORT_LIMITS.maxRows.toLocaleString('en-US')} rows (all sheets of a workbook, the data rows of a CSV file, the transactions of an Avails XML document). ` +
          'The file is read in a worker with its own memory and time limits; a file that needs more is refused the same way.',
        body: {
          type: 'object',
          required: ['filename', 'content'],
          additionalProperties: false,
          properties: {
            filename: { type: 'string', minLength: 1, maxLength: 255 },
            content: {
              type: 'string',
              maxLength: MAX_BASE64,
              description: `the file, base64 (at most ${MAX_BYTES / 1024 / 1024} MiB decoded)`,
            },
            mode: { type: 'string', enum: ['preview', 'commit'], default: 'preview' },
            format: { type: 'string', enum: [...IMPORT_FORMATS] },
            retailer: { type: 'string', maxLength: 200 },
            kind: { type: 'string', enum: ['deals', 'catalog'] },
            mapping: { type: 'object', maxProperties: 50, additionalProperties: { type: ['string', 'null'], maxLength: 200 } },
            sheet: { type: 'string', maxLength: 200 },
            background: { type: 'boolean', default: false },
          },
        },
      },
    },
    async (req, reply) => {
      const actor: Actor = actorOf(req);
      const body = req.body as ImportBody;
      const data = Buffer.from(body.content, 'base64');
      if (data.length > MAX_BYTES)
        return reply.code(413).send({
          error: 'too-large',
          message: `the file is over ${MAX_BYTES / 1024 / 1024} MiB (the limit of one import)`,
          field: 'content',
        });
      const opts: ImportFileOptions = {
        commit: body.mode === 'commit',
        format: body.format,
        retailer: body.retailer ?? null,
        kind: body.kind,
        mapping: body.mapping,
        sheet: body.sheet,
      };
      if (body.background && opts.commit) {
        sweep();
        const id = randomUUID();
        const job: Job = { owner: actor.id, state: 'running', done: 0, total: 0, started: Date.now() };
        jobs.set(id, job);
        importFile(app, actor, data, body.filename, { ...opts, onProgress: (done, total) => Object.assign(job, { done, total }) }).then(
          (result) => Object.assign(job, { state: 'done', result }),
          (e: unknown) =>
            Object.assign(
              job,
              refusalProblems(e)
                ? { state: 'refused', error: refusedBody(e as Error) }
                : {
                    state: 'failed',
                    error: { error: (e as { code?: string }).code ?? 'failed', message: e instanceof Error ? e.message : String(e) },
                  },
            ),
        );
        return reply.code(202).send({ job: id, poll: `/api/import/jobs/${id}` });
      }
      try {
        return await importFile(app, actor, data, body.filename, opts);
      } catch (e) {
        if (refusalProblems(e)) return reply.code(422).send(refusedBody(e as Error));
        throw e;
      }
    },
  );

  server.get(
    '/api/import/jobs/:id',
    {
      config: access('viewer', 'read'),
      schema: {
        tags: ['interchange'],
        summary: 'Progress of a background import',
        params: { type: 'object', required: ['id'], properties: { id: { type: 'string' } } },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const job = jobs.get((req.params as { id: string }).id);
      if (!job || job.owner !== actor.id) return reply.code(404).send({ error: 'not-found', message: 'no such import job' });
      return {
        state: job.state,
        done: job.done,
        total: job.total,
        seconds: Math.round((Date.now() - job.started) / 100) / 10,
        result: job.result,
        ...(job.error ?? {}),
      };
    },
  );

  server.get(
    '/api/export/:list',
    {
      config: access('viewer', 'read'),
      schema: {
        tags: ['interchange'],
        summary:
          'A list as CSV or XLSX: catalog, contracts (filtered as the deals list: status, direction, q, title, company, deleted), acquisitions (festival and market deals), audit; the file is named after what was asked and the day',
        params: { type: 'object', required: ['list'], properties: { list: { type: 'string', enum: LISTS.filter((l) => l !== 'avails') } } },
        querystring: {
          type: 'object',
          properties: {
            format: { type: 'string', enum: ['csv', 'xlsx'], default: 'xlsx' },
            limit: { type: 'integer', minimum: 1, maximum: 100000 },
            status: { type: 'string', maxLength: 40 },
            direction: { type: 'string', maxLength: 40 },
            q: { type: 'string', maxLength: 200 },
            title: { type: 'string', maxLength: 200 },
            company: { type: 'string', maxLength: 200 },
            deleted: { type: 'boolean' },
          },
        },
      },
    },
    async (req, reply) => {
      const q = req.query as { format: 'csv' | 'xlsx'; limit?: number } & ContractListParams;
      const list = (req.params as { list: ListName }).list;
      const { format, limit, ...filters } = q;
      const out = await exportList(app, actorOf(req), list, format, { limit, contracts: list === 'contracts' ? filters : undefined });
      return send(reply, out.data, out.contentType, out.filename);
    },
  );

  server.post(
    '/api/avails/export',
    {
      config: access('viewer', 'read'),
      schema: {
        tags: ['interchange'],
        summary:
          'An avails answer as CSV or XLSX (body: the avails question; the same columns in both, the file named after the question), or EMA avails (format ema-xlsx or ema-xml, body: the EMA export options)',
        querystring: {
          type: 'object',
          properties: {
            format: { type: 'string', enum: ['csv', 'xlsx', 'ema-xlsx', 'ema-xml'], default: 'xlsx' },
            version: { type: 'string', maxLength: 10 },
          },
        },
        // one closed schema for both kinds of export: the avails question's fields and the EMA options
        body: { type: 'object', additionalProperties: false, properties: { ...emaExportOptions.properties, ...availsQuestion.properties } },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const q = req.query as { format: 'csv' | 'xlsx' | 'ema-xlsx' | 'ema-xml'; version?: string };
      if (q.format === 'ema-xlsx' || q.format === 'ema-xml') {
        const version = q.version ?? (q.format === 'ema-xlsx' ? '1.9' : '2.5');
        const out = await exportEma(app, q.format, version, req.body as EmaExportOptions);
        return send(reply, out.data, out.contentType, emaFileName(req.body as EmaExportOptions, version, out.extension));
      }
      const body = req.body as AvailsInput;
      const given: Record<string, unknown> = { ...body };
      for (const f of availsQuestion.required) {
        if (given[f] === undefined) return reply.code(400).send({ error: 'invalid', message: `${f}: required`, field: f });
      }
      const out = await exportList(app, actor, 'avails', q.format, { avails: body });
      return send(reply, out.data, out.contentType, out.filename);
    },
  );
}
