import { randomUUID } from 'node:crypto';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from '../../domain/errors.js';
import { WorkerBusyError, WorkerLimitError } from '../../workers/pool.js';
import type { Actor, FilmRights } from '../../services/app.js';
import { exportEma } from '../../services/emaExport.js';
import {
  IMPORT_FORMATS,
  IMPORT_LIMITS,
  importFile,
  refusalProblems,
  type ImportFileOptions,
  type ImportFileResult,
} from '../../services/imports.js';
import { LISTS, emaFileName, exportList } from '../../services/lists.js';
import { actorOf } from '../auth.js';
import {
  AvailsExportQuery,
  ExportQuery,
  JobParams,
  availsExportInput,
  exportParams,
  importInput,
  type AvailsInput,
  AvailsFile,
  ErrorReply,
  ImportJob,
  type ImportProblem,
  ImportJobStarted,
  ImportRefusedReply,
  ImportResult,
  ListFile,
} from '../../contract/index.js';
import { EXPORT_LICENSE_TYPES } from '../../interchange/ema/vocab.js';
import { access } from '../access.js';

interface Job {
  owner: string;
  state: 'running' | 'done' | 'refused' | 'failed';
  done: number;
  total: number;
  started: number;
  result?: ImportFileResult;
  error?: { error: string; message: string; problems?: ImportProblem[] };
}

const MAX_BYTES = IMPORT_LIMITS.maxBytes;
/** The file as base64: 4 characters per 3 bytes. */
const MAX_BASE64 = Math.ceil(MAX_BYTES / 3) * 4;

const ImportInput = importInput(IMPORT_FORMATS, MAX_BASE64, MAX_BYTES);
const ExportParams = exportParams(LISTS.filter((l): l is Exclude<(typeof LISTS)[number], 'avails'> => l !== 'avails'));
/** One closed body for both kinds of avails export: the avails question's fields and the EMA options. */
const AvailsExportInput = availsExportInput(EXPORT_LICENSE_TYPES);

/** The avails question in an export's body, or the first of its required fields that is missing. */
function availsQuestionOf(body: Partial<AvailsInput>): AvailsInput | 'territories' | 'media' | 'start' {
  const { territories, media, start } = body;
  if (territories === undefined) return 'territories';
  if (media === undefined) return 'media';
  if (start === undefined) return 'start';
  return { ...body, territories, media, start };
}

function send(reply: FastifyReply, data: Buffer, contentType: string, filename: string) {
  return reply
    .header('content-type', contentType)
    .header('content-disposition', `attachment; filename="${filename.replace(/[^\w.-]/g, '_')}"`)
    .send(data);
}

/**
 * What a background import that failed says: the reason when it is one of ours (a refusal that names the file or a
 * limit), else the same plain words as any server error, the error itself going to the log only (as the error
 * handler does: an internal message may name a path or an address).
 */
function failedJobError(e: unknown, req: FastifyRequest): { error: string; message: string } {
  if (e instanceof DomainError) return { error: e.code, message: e.message };
  if (e instanceof WorkerLimitError) return { error: 'too-large', message: e.message };
  if (e instanceof WorkerBusyError) return { error: 'busy', message: e.message };
  req.log.error(e);
  return { error: 'failed', message: 'the import failed on the server; it is logged, and nothing was written' };
}

/** A refused import's answer (422), with the problems that refused it. */
function refusedBody(e: Error, problems: ImportProblem[]): ImportRefusedReply {
  return { error: 'import-refused', message: e.message, problems };
}

/** Imports (preview and commit, with a background job for large files) and exports (EMA avails, every list). */
export function interchangeRoutes(fastify: FastifyInstance, app: FilmRights): void {
  const server = fastify.withTypeProvider<TypeBoxTypeProvider>();
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
        body: ImportInput,
        response: { 200: ImportResult, 202: ImportJobStarted, 413: ErrorReply, 422: ImportRefusedReply },
      },
    },
    async (req, reply) => {
      const actor: Actor = actorOf(req);
      const body = req.body;
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
          (e: unknown) => {
            const problems = refusalProblems(e);
            return Object.assign(
              job,
              problems
                ? { state: 'refused', error: refusedBody(e as Error, problems) }
                : {
                    state: 'failed',
                    error: failedJobError(e, req),
                  },
            );
          },
        );
        return reply.code(202).send({ job: id, poll: `/api/import/jobs/${id}` });
      }
      try {
        return await importFile(app, actor, data, body.filename, opts);
      } catch (e) {
        const problems = refusalProblems(e);
        if (problems) return reply.code(422).send(refusedBody(e as Error, problems));
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
        params: JobParams,
        response: { 200: ImportJob, 404: ErrorReply },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const job = jobs.get(req.params.id);
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
        params: ExportParams,
        querystring: ExportQuery,
        response: { 200: ListFile },
      },
    },
    async (req, reply) => {
      const list = req.params.list;
      const { format = 'xlsx', limit, ...filters } = req.query;
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
        querystring: AvailsExportQuery,
        body: AvailsExportInput,
        response: { 200: AvailsFile, 400: ErrorReply },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const q = { ...req.query, format: req.query.format ?? 'xlsx' };
      if (q.format === 'ema-xlsx' || q.format === 'ema-xml') {
        const version = q.version ?? (q.format === 'ema-xlsx' ? '1.9' : '2.5');
        const out = await exportEma(app, q.format, version, req.body);
        return send(reply, out.data, out.contentType, emaFileName(req.body, version, out.extension));
      }
      const body = availsQuestionOf(req.body);
      if (typeof body === 'string') return reply.code(400).send({ error: 'invalid', message: `${body}: required`, field: body });
      const out = await exportList(app, actor, 'avails', q.format, { avails: body });
      return send(reply, out.data, out.contentType, out.filename);
    },
  );
}
