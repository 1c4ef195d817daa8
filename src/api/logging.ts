/**
 * The server's log: JSON lines (pino, through Fastify), one per request received and one per
 * response, each with the request's id (`reqId`, also sent back as the X-Request-Id header so a
 * user can quote it) and, once signed in, who asked (`user`).
 *
 * Secrets never reach it: the Authorization, Cookie and Set-Cookie headers, and any password,
 * token, session or money field (src/domain/financial.ts) of anything logged, at any depth up to
 * four, are replaced by "[Redacted]" (pino's redact). Bodies are not logged at all; the redaction
 * covers whatever an error or a future log line might carry.
 */
import type { FastifyRequest } from 'fastify';
import { FINANCIAL_FIELDS } from '../domain/financial.js';

export interface LogSettings {
  /** Where the lines go (default: stdout). */
  stream?: NodeJS.WritableStream;
  /** pino's level (default: env LOG_LEVEL, else 'info'). */
  level?: string;
}

/** Headers that carry credentials. */
const SECRET_HEADERS = ['authorization', 'proxy-authorization', 'cookie', 'set-cookie', 'x-api-key', 'x-auth-token'];
/** Field names that carry credentials or confidential money, wherever they appear. */
export const SECRET_FIELDS = [
  'password',
  'currentPassword',
  'newPassword',
  'adminPassword',
  'token',
  'apiToken',
  'session',
  'sessionId',
  'secret',
  'token_hash',
  'password_hash',
  ...FINANCIAL_FIELDS.map((f) => f.field),
];

export function redactPaths(): string[] {
  const paths: string[] = [];
  for (const h of SECRET_HEADERS) paths.push(`req.headers["${h}"]`, `res.headers["${h}"]`, `headers["${h}"]`);
  for (const f of SECRET_FIELDS) {
    const key = /^[A-Za-z_$][\w$]*$/.test(f) ? f : `["${f}"]`;
    paths.push(key, `*.${key}`, `*.*.${key}`, `*.*.*.${key}`);
  }
  return paths;
}

/** Fastify's logger option for these settings. */
export function loggerOptions(settings: LogSettings) {
  return {
    level: settings.level ?? process.env.LOG_LEVEL ?? 'info',
    ...(settings.stream ? { stream: settings.stream } : {}),
    redact: { paths: redactPaths(), censor: '[Redacted]' },
    serializers: {
      req(req: FastifyRequest) {
        return {
          method: req.method,
          url: req.url,
          host: req.host,
          remoteAddress: req.ip,
          // all of them (a proxy's X-Forwarded-*, the user agent); the credentials are redacted above
          headers: req.headers,
        };
      },
      res(reply: { statusCode: number; getHeader?: (name: string) => unknown }) {
        const setCookie = reply.getHeader?.('set-cookie');
        return {
          statusCode: reply.statusCode,
          ...(setCookie !== undefined ? { headers: { 'set-cookie': setCookie } } : {}),
        };
      },
    },
  };
}
