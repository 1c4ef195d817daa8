import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from '../domain/errors.js';
import { WorkerBusyError, WorkerLimitError } from '../workers/pool.js';
import { ForbiddenError, NotFoundError, RightsConflictError, StaleVersionError, UnauthenticatedError } from '../services/errors.js';

/** Every error leaves as JSON that names the field: `{error, message, field?, value?, suggestions?}`. */
export function errorHandler(err: FastifyError | Error, req: FastifyRequest, reply: FastifyReply): void {
  if (err instanceof DomainError) {
    reply.code(err.code === 'too-large' ? 413 : 400).send({ error: err.code, message: err.message, field: err.field, value: err.value, suggestions: err.suggestions });
  } else if (err instanceof WorkerLimitError) {
    reply.code(413).send({ error: 'too-large', message: err.message });
  } else if (err instanceof WorkerBusyError) {
    reply.code(503).header('retry-after', '30').send({ error: 'busy', message: err.message });
  } else if (err instanceof UnauthenticatedError) {
    reply.code(401).send({ error: 'unauthenticated', message: err.message });
  } else if (err instanceof ForbiddenError) {
    reply.code(403).send({ error: 'forbidden', message: err.message });
  } else if (err instanceof NotFoundError) {
    reply.code(404).send({ error: 'not-found', message: err.message, field: 'id', value: err.id });
  } else if (err instanceof RightsConflictError) {
    reply.code(409).send({ error: 'conflict', message: err.message, conflicts: err.report });
  } else if (err instanceof StaleVersionError) {
    reply.code(409).send({ error: 'stale-version', message: err.message, field: 'version', value: err.expected });
  } else if ('validation' in err && err.validation) {
    const v = err.validation[0];
    const where = (err as FastifyError).validationContext ?? 'body';
    const path = v?.instancePath ? v.instancePath.replace(/^\//, '').replace(/\/(\d+)/g, '[$1]').replace(/\//g, '.') : '';
    const missing = (v?.params as { missingProperty?: string } | undefined)?.missingProperty;
    const field = [path, missing].filter(Boolean).join('.') || where;
    reply.code(400).send({ error: 'invalid', message: `${field}: ${v?.message ?? err.message}`, field });
  } else if ((err as FastifyError).statusCode && (err as FastifyError).statusCode! < 500) {
    const e = err as FastifyError;
    reply.code(e.statusCode!).send({ error: e.code ?? 'bad-request', message: e.message });
  } else {
    req.log.error(err);
    reply.code(500).send({ error: 'internal', message: 'something went wrong on the server; it is logged' });
  }
}
