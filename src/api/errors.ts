import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from '../domain/errors.js';
import { FetchError } from '../ingest/safeFetch.js';
import { WorkerBusyError, WorkerLimitError } from '../workers/pool.js';
import {
  ForbiddenError,
  InUseError,
  NotFoundError,
  RightsConflictError,
  StaleVersionError,
  UnauthenticatedError,
} from '../services/errors.js';
import { RevenueReportError } from '../services/money/ledger.js';
import { RevenueReportRecordedError } from '../services/money/recordedReports.js';
import { validationAnswer, type SchemaError } from './validationMessage.js';

/** Every error leaves as JSON that names the field: `{error, message, field?, value?, suggestions?}`. */
export function errorHandler(err: FastifyError | Error, req: FastifyRequest, reply: FastifyReply): void {
  if (err instanceof RevenueReportRecordedError) {
    // the report (or one with the same rows) is already recorded: named, with when; nothing was written
    const { report, rows, importedAt } = err.recorded;
    reply.code(409).send({ error: err.code, message: err.message, field: err.field, report, rows, importedAt });
  } else if (err instanceof RevenueReportError) {
    // a refused revenue report names every row and field at fault; nothing of it was written
    reply.code(400).send({ error: err.code, message: err.message, field: err.field, problems: err.problems, ...err.sheet });
  } else if (err instanceof DomainError) {
    reply
      .code(err.code === 'too-large' ? 413 : 400)
      .send({ error: err.code, message: err.message, field: err.field, value: err.value, suggestions: err.suggestions });
  } else if (err instanceof FetchError) {
    // the user sees a plain reason; what the network said (addresses, ports, ECONNREFUSED) goes to the log only
    req.log.warn({ fetch: err.reason, detail: err.detail }, 'a fetch was refused or failed');
    reply.code(err.status).send({ error: err.code, message: err.message, field: err.field });
  } else if (err instanceof WorkerLimitError) {
    reply.code(413).send({ error: 'too-large', message: err.message });
  } else if (err instanceof WorkerBusyError) {
    reply.code(503).header('retry-after', '30').send({ error: 'busy', message: err.message });
  } else if (err instanceof UnauthenticatedError) {
    reply.code(401).send({ error: 'unauthenticated', message: err.message });
  } else if (err instanceof ForbiddenError) {
    reply.code(403).send({ error: 'forbidden', message: err.message, ...(err.field ? { field: err.field } : {}) });
  } else if (err instanceof NotFoundError) {
    reply.code(404).send({ error: 'not-found', message: err.message, field: 'id', value: err.id });
  } else if (err instanceof RightsConflictError) {
    reply.code(409).send({ error: 'conflict', message: err.message, conflicts: err.report });
  } else if (err instanceof InUseError) {
    reply.code(409).send({ error: 'in-use', message: err.message, field: 'id', value: err.id, uses: err.uses });
  } else if (err instanceof StaleVersionError) {
    reply.code(409).send({ error: 'stale-version', message: err.message, field: 'version', value: err.expected });
  } else if ('validation' in err && err.validation) {
    // the schema's refusal in a person's words, naming the field (src/api/validationMessage.ts)
    const errors = err.validation as SchemaError[];
    const { field, message } = validationAnswer(errors, (err as FastifyError).validationContext ?? 'body');
    const limit = errors[0]?.keyword === 'maxLength' && field === 'content' ? Number(errors[0].params?.limit) : NaN;
    // a file (base64 `content`) over its route's limit is too large, as the docs say, not malformed
    if (Number.isFinite(limit))
      reply
        .code(413)
        .send({ error: 'too-large', message: `content: the file is over ${mib((limit / 4) * 3)} (the limit of one file)`, field });
    else reply.code(400).send({ error: 'invalid', message, field });
  } else if ((err as FastifyError).code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
    // a route that takes a file (base64 `content`) names the file's limit; any other the request's
    const body = req.routeOptions.schema?.body as { properties?: { content?: { maxLength?: number } } } | undefined;
    const file = body?.properties?.content?.maxLength;
    const bodyLimit = req.routeOptions.bodyLimit;
    reply.code(413).send({
      error: 'too-large',
      message: file
        ? `content: the file is over ${mib((file / 4) * 3)} (the limit of one file)`
        : `the request is over ${bodyLimit ? mib(bodyLimit) : 'the size'} (the most this route takes)`,
      ...(file ? { field: 'content' } : {}),
    });
  } else if ((err as FastifyError).statusCode && (err as FastifyError).statusCode! < 500) {
    const e = err as FastifyError;
    reply.code(e.statusCode!).send({ error: e.code ?? 'bad-request', message: e.message });
  } else {
    req.log.error(err);
    reply.code(500).send({ error: 'internal', message: 'something went wrong on the server; it is logged' });
  }
}

/** A number of bytes as people read a file's size: "40 MiB", "1.5 MiB", "900 KiB". */
function mib(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.floor(bytes / 1024)} KiB`;
  return `${Number((bytes / 1024 / 1024).toFixed(1))} MiB`;
}
