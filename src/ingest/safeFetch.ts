/**
 * Every page and feed the server fetches goes through here (article URLs,
 * feeds, feed items, the scheduled polls, the CLI), so that an editor's URL
 * cannot make the server read what only the server can reach: its own ports,
 * the office network, a cloud metadata service.
 *
 * - Only http and https, only GET, no credentials sent.
 * - The address is checked after the name is resolved, by the `lookup` the
 *   socket itself uses to connect: the address checked is the address
 *   connected to, so a name that resolves to a public address once and to
 *   127.0.0.1 the next time (DNS rebinding) gains nothing. An address written
 *   in the URL (127.0.0.1, 2130706433, 0x7f.1, [::ffff:127.0.0.1]: the URL
 *   parser reduces them all to one form) is checked before any socket opens.
 * - Allowed: global unicast addresses only. Refused: loopback, private
 *   (10/8, 172.16/12, 192.168/16), link-local (169.254/16, fe80::/10),
 *   unique-local (fc00::/7), unspecified (0.0.0.0/8, ::), CGNAT (100.64/10),
 *   multicast, broadcast, the reserved and documentation ranges, and the IPv6
 *   forms that carry an IPv4 address (mapped, compatible, NAT64, 6to4,
 *   Teredo) unless the address they carry is itself allowed (NAT64 only).
 *   ipaddr.js classifies the ranges.
 * - Host names an admin allows (the fetch setting, FILMRIGHTS_FETCH_ALLOW_HOSTS)
 *   may resolve anywhere: an intranet news mirror. They are matched against
 *   the host as the URL names it, on every hop.
 * - Redirects are followed by hand, at most five, each hop checked again.
 * - Time is capped (connecting, and the whole fetch with its redirects and
 *   body); the body is streamed (decompressed as it arrives) and dropped as
 *   soon as it passes the size cap; only text, HTML and XML feeds are read.
 * - Failures are FetchErrors with a few plain messages; the network's own
 *   error (ECONNREFUSED 10.0.0.5:5432...) is kept in `detail` for the
 *   server's log and never shown to the user.
 */
import { decodeText } from './charset.js';
import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { isIP, type LookupFunction } from 'node:net';
import type { Readable } from 'node:stream';
import zlib from 'node:zlib';
import ipaddr from 'ipaddr.js';

export type FetchFailure =
  'not-allowed' | 'unreachable' | 'timeout' | 'too-large' | 'unsupported-type' | 'bad-status' | 'too-many-redirects';

const STATUS: Record<FetchFailure, number> = {
  'not-allowed': 400,
  'unsupported-type': 422,
  'too-large': 422,
  unreachable: 502,
  'bad-status': 502,
  'too-many-redirects': 502,
  timeout: 504,
};

const CODE: Record<FetchFailure, string> = {
  'not-allowed': 'fetch-not-allowed',
  'unsupported-type': 'fetch-unsupported-type',
  'too-large': 'fetch-too-large',
  unreachable: 'fetch-failed',
  'bad-status': 'fetch-failed',
  'too-many-redirects': 'fetch-failed',
  timeout: 'fetch-timeout',
};

/** A page or feed that could not be fetched. `message` is safe to show; `detail` is for the server's log only. */
export class FetchError extends Error {
  readonly status: number;
  readonly code: string;
  constructor(
    readonly reason: FetchFailure,
    message: string,
    readonly field: string,
    readonly detail: string,
  ) {
    super(message);
    this.name = 'FetchError';
    this.status = STATUS[reason];
    this.code = CODE[reason];
  }

  /** The message without the field's prefix ("the page could not be fetched: ..."), as stored on a feed. */
  get plain(): string {
    return this.message.startsWith(`${this.field}: `) ? this.message.slice(this.field.length + 2) : this.message;
  }
}

/** The media types read: web pages, plain text, and RSS/Atom/XML feeds. */
export const TEXT_TYPES = [
  'text/html',
  'application/xhtml+xml',
  'text/plain',
  'application/xml',
  'text/xml',
  'application/rss+xml',
  'application/atom+xml',
] as const;

export const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;
export const DEFAULT_TIMEOUT_MS = 15_000;
export const DEFAULT_CONNECT_TIMEOUT_MS = 10_000;
export const MAX_REDIRECTS = 5;

/** Resolves a name to its addresses (default: the system resolver, as dns.lookup with all: true). Tests inject their own. */
export type Resolve = (hostname: string) => Promise<LookupAddress[]>;

export interface FetchPolicy {
  /** Host names (or addresses) that may be fetched whatever address they have: an intranet mirror. As the URL names them. FILMRIGHTS_FETCH_ALLOW_HOSTS adds to them. */
  allowHosts?: readonly string[];
  resolve?: Resolve;
  maxBytes?: number;
  /** The whole fetch, redirects and body included. Default FILMRIGHTS_FETCH_TIMEOUT_MS, else 15 s. */
  timeoutMs?: number;
  /** Connecting (name resolution and TLS included), per hop. Default 10 s, never more than timeoutMs. */
  connectTimeoutMs?: number;
  maxRedirects?: number;
  /** What is fetched, for the messages: "the page", "the feed". */
  what?: string;
  /** The input field the URL came from, for the messages. Default "url". */
  field?: string;
  /** The Accept header. */
  accept?: string;
}

export interface FetchedText {
  /** The URL the text came from, after redirects. */
  url: string;
  status: number;
  /** The media type, lower case, without parameters ("text/html"). */
  mediaType: string;
  text: string;
  /** Bytes of body read (after decompression). */
  bytes: number;
}

// ------------------------------------------------------------------ addresses

/**
 * Whether the server may connect to this address (an IPv4 or IPv6 literal,
 * without brackets): global unicast only. Anything unparseable is refused.
 */
export function isPublicAddress(address: string): boolean {
  const bare = address.replace(/^\[|\]$/g, '');
  if (!isIP(bare)) return false;
  let ip: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    ip = ipaddr.process(bare); // an IPv4-mapped IPv6 address becomes the IPv4 address it maps
  } catch {
    return false;
  }
  if (ip.kind() === 'ipv4') return ip.range() === 'unicast';
  const v6 = ip as ipaddr.IPv6;
  const range = v6.range();
  if (range === 'rfc6052') {
    // NAT64 (64:ff9b::/96): the IPv4 address it carries decides
    const p = v6.parts;
    return isPublicAddress(`${p[6] >> 8}.${p[6] & 0xff}.${p[7] >> 8}.${p[7] & 0xff}`);
  }
  if (range !== 'unicast') return false;
  // ::/96 (IPv4-compatible, deprecated) is not a range of ipaddr.js: refuse it too
  return !v6.parts.slice(0, 6).every((x) => x === 0);
}

/** A host as a URL names it, for comparing with the allowed hosts: lower case, no brackets, no trailing dot, addresses in one form. */
export function canonicalHost(host: string): string {
  const h = host
    .trim()
    .toLowerCase()
    .replace(/^\[|\]$/g, '')
    .replace(/\.$/, '');
  if (isIP(h) === 6) {
    try {
      return ipaddr.parse(h).toString();
    } catch {
      return h;
    }
  }
  return h;
}

/**
 * An allowed-host entry as an admin types it ("news.intranet", "10.0.0.5",
 * "[fd00::5]"), in the form the URL parser gives hosts, or null when it is not
 * a host name or address alone (a URL, a port, a path...).
 */
export function parseAllowedHost(entry: string): string | null {
  const raw = entry.trim();
  const bare = raw.replace(/^\[(.*)\]$/, '$1');
  if (isIP(bare) === 6) return canonicalHost(bare);
  if (!raw || raw.length > 253 || /[/\\@?#:[\]\s%]/.test(raw)) return null;
  let host: string;
  try {
    const u = new URL(`http://${raw}/`);
    if (u.port || u.username || u.password || u.pathname !== '/') return null;
    host = canonicalHost(u.hostname);
  } catch {
    return null;
  }
  if (isIP(host)) return host;
  return /^(?=.{1,253}$)([a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?)(\.[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?)*$/.test(host) ? host : null;
}

/** The hosts FILMRIGHTS_FETCH_ALLOW_HOSTS names (comma- or space-separated; entries that are not a host name or address alone are ignored). */
export function environmentAllowHosts(value = process.env.FILMRIGHTS_FETCH_ALLOW_HOSTS): string[] {
  const hosts = (value ?? '').split(/[,\s]+/).map((h) => (h ? parseAllowedHost(h) : null));
  return [...new Set(hosts.filter((h): h is string => !!h))];
}

/** The policy's allowed hosts and the operator's (FILMRIGHTS_FETCH_ALLOW_HOSTS), as hosts compare. */
function allowedSet(policy: Pick<FetchPolicy, 'allowHosts'>): Set<string> {
  return new Set([...(policy.allowHosts ?? []), ...environmentAllowHosts()].map(canonicalHost));
}

function isLocalName(host: string): boolean {
  return host === 'localhost' || host.endsWith('.localhost') || host === 'localhost.localdomain';
}

const defaultResolve: Resolve = (hostname) =>
  new Promise((resolve, reject) => dnsLookup(hostname, { all: true }, (err, addresses) => (err ? reject(err) : resolve(addresses))));

class AddressRefused extends Error {
  readonly code = 'FILMRIGHTS_ADDRESS_REFUSED';
}

/** The lookup a socket connects with: resolves, and refuses the connection if any address is not public (unless the host is allowed). */
function checkedLookup(resolve: Resolve, allowed: boolean): LookupFunction {
  return (hostname, options, callback) => {
    resolve(hostname).then(
      (found) => {
        let addresses = found.filter((a) => !options.family || a.family === options.family);
        if (!addresses.length) addresses = found;
        if (!addresses.length) return callback(Object.assign(new Error(`${hostname} has no address`), { code: 'ENOTFOUND' }), '');
        const refused = allowed ? undefined : found.find((a) => !isPublicAddress(a.address));
        if (refused) return callback(new AddressRefused(`${hostname} resolves to ${refused.address}, which is not a public address`), '');
        if (options.all) callback(null, addresses);
        else callback(null, addresses[0].address, addresses[0].family);
      },
      (err: Error) => callback(err, ''),
    );
  };
}

// ------------------------------------------------------------------ fetching

/** The total time cap in force: the policy's, else FILMRIGHTS_FETCH_TIMEOUT_MS, else 15 s. */
export function fetchTimeoutMs(policy: FetchPolicy = {}): number {
  if (policy.timeoutMs) return policy.timeoutMs;
  const env = Number(process.env.FILMRIGHTS_FETCH_TIMEOUT_MS);
  return Number.isFinite(env) && env > 0 ? env : DEFAULT_TIMEOUT_MS;
}

function mb(bytes: number): string {
  return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;
}

/**
 * Fetches a text resource (a page, a feed) under the rules above and answers
 * its decoded text. Throws a FetchError for anything refused or failed.
 */
export async function fetchText(url: string | URL, policy: FetchPolicy = {}): Promise<FetchedText> {
  const field = policy.field ?? 'url';
  const what = policy.what ?? 'the page';
  const maxBytes = policy.maxBytes ?? DEFAULT_MAX_BYTES;
  const total = fetchTimeoutMs(policy);
  const connectMs = Math.min(policy.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS, total);
  const maxRedirects = policy.maxRedirects ?? MAX_REDIRECTS;
  const allowHosts = allowedSet(policy);
  const resolve = policy.resolve ?? defaultResolve;
  const fail = (reason: FetchFailure, detail: string, message?: string): FetchError => {
    const text =
      message ??
      {
        'not-allowed': 'the address is not allowed',
        unreachable: 'the address could not be reached',
        timeout: 'it timed out',
        'too-large': `it is too large (over ${mb(maxBytes)})`,
        'too-many-redirects': 'too many redirects',
        'bad-status': 'the site answered with an error',
        'unsupported-type': 'it is not a web page, text or a feed',
      }[reason];
    const verb = reason === 'unsupported-type' ? 'read' : 'fetched';
    return new FetchError(reason, `${field}: ${what} could not be ${verb}: ${text}`, field, detail);
  };

  let current: URL;
  try {
    current = new URL(url);
  } catch {
    throw fail('not-allowed', `not a URL: ${String(url).slice(0, 200)}`);
  }

  const deadline = Date.now() + total;
  for (let hop = 0; ; hop++) {
    if (hop > maxRedirects) throw fail('too-many-redirects', `more than ${maxRedirects} redirects, the last to ${current.href}`);
    const res = await request(current, { allowHosts, resolve, deadline, connectMs, accept: policy.accept, fail });
    const location = res.headers.location;
    if ([301, 302, 303, 307, 308].includes(res.statusCode ?? 0) && location) {
      res.destroy();
      try {
        current = new URL(location, current);
      } catch {
        throw fail('unreachable', `redirect to an unreadable location: ${location.slice(0, 200)}`);
      }
      continue;
    }
    const status = res.statusCode ?? 0;
    if (status < 200 || status > 299) {
      res.destroy();
      throw fail('bad-status', `${current.href} answered ${status}`, `the site answered ${status}`);
    }
    const type = String(res.headers['content-type'] ?? '');
    const mediaType = type.split(';')[0].trim().toLowerCase();
    if (!(TEXT_TYPES as readonly string[]).includes(mediaType)) {
      res.destroy();
      const shown = /^[a-z0-9.+-]+\/[a-z0-9.+-]+$/.test(mediaType) ? ` (${mediaType})` : ' (no content type)';
      throw fail('unsupported-type', `${current.href} is ${type || 'untyped'}`, `it is not a web page, text or a feed${shown}`);
    }
    const declared = Number(res.headers['content-length']);
    if (Number.isFinite(declared) && declared > maxBytes) {
      res.destroy();
      throw fail('too-large', `${current.href} declares ${declared} bytes`);
    }
    const body = await readCapped(res, { maxBytes, deadline, fail, href: current.href });
    return { url: current.href, status, mediaType, text: decode(body, type), bytes: body.length };
  }
}

/** Why a URL is refused before any name is resolved (its scheme, an internal address or this machine's name in it), or null. */
function refusal(url: URL, allowHosts: Set<string>): string | null {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return `scheme ${url.protocol} in ${url.href.slice(0, 200)}`;
  const host = canonicalHost(url.hostname);
  if (allowHosts.has(host)) return null;
  if (isIP(host) && !isPublicAddress(host)) return `${url.href} names the address ${host}`;
  if (isLocalName(host)) return `${url.href} names this machine`;
  return null;
}

/**
 * The checks that need no name resolution, for a URL stored now and fetched
 * later (a feed): throws the FetchError a fetch would. The fetch checks again,
 * with the addresses.
 */
export function assertFetchable(url: URL, policy: Pick<FetchPolicy, 'allowHosts' | 'what' | 'field'> = {}): void {
  const refused = refusal(url, allowedSet(policy));
  const field = policy.field ?? 'url';
  if (refused)
    throw new FetchError(
      'not-allowed',
      `${field}: ${policy.what ?? 'the page'} could not be fetched: the address is not allowed`,
      field,
      refused,
    );
}

interface HopOptions {
  allowHosts: Set<string>;
  resolve: Resolve;
  deadline: number;
  connectMs: number;
  accept: string | undefined;
  fail: (reason: FetchFailure, detail: string, message?: string) => FetchError;
}

/** One GET, checked: answers the response once its head arrives. */
function request(url: URL, o: HopOptions): Promise<IncomingMessage> {
  const { fail } = o;
  const refused = refusal(url, o.allowHosts);
  if (refused) return Promise.reject(fail('not-allowed', refused));
  const allowed = o.allowHosts.has(canonicalHost(url.hostname));
  const remaining = o.deadline - Date.now();
  if (remaining <= 0) return Promise.reject(fail('timeout', `out of time before ${url.href}`));
  const lib = url.protocol === 'https:' ? https : http;
  return new Promise<IncomingMessage>((resolve, reject) => {
    let settled = false;
    const done = (err: FetchError | null, res?: IncomingMessage) => {
      if (settled) return;
      settled = true;
      clearTimeout(overall);
      clearTimeout(connecting);
      if (err) {
        req.destroy();
        reject(err);
      } else resolve(res!);
    };
    const req = lib.request(url, {
      method: 'GET',
      agent: false, // a socket of its own: never one opened under another check
      lookup: checkedLookup(o.resolve, allowed),
      auth: undefined,
      headers: {
        accept: o.accept ?? 'text/html,application/xhtml+xml,text/plain;q=0.9,application/xml;q=0.8,*/*;q=0.1',
        'accept-encoding': 'gzip, deflate, br',
        'user-agent': 'filmrights/0.1 (article ingestion)',
      },
    });
    const overall = setTimeout(() => done(fail('timeout', `no answer from ${url.href} in time`)), remaining);
    let connecting: NodeJS.Timeout | undefined;
    req.on('socket', (socket) => {
      const started = () => clearTimeout(connecting);
      connecting = setTimeout(() => done(fail('timeout', `could not connect to ${url.href} in ${o.connectMs} ms`)), o.connectMs);
      socket.once(url.protocol === 'https:' ? 'secureConnect' : 'connect', started);
    });
    req.on('error', (err: Error & { code?: string }) => {
      if (err instanceof AddressRefused || err.code === 'FILMRIGHTS_ADDRESS_REFUSED') done(fail('not-allowed', err.message));
      else done(fail('unreachable', `${url.href}: ${err.code ?? ''} ${err.message}`));
    });
    req.on('response', (res) => {
      clearTimeout(connecting);
      if (settled) return void res.destroy();
      settled = true;
      clearTimeout(overall);
      // the body is read under the same deadline by readCapped
      resolve(res);
    });
    req.end();
  });
}

/** Reads the body, decompressed, until it ends, passes maxBytes (dropped at once) or the deadline passes. */
function readCapped(
  res: IncomingMessage,
  o: { maxBytes: number; deadline: number; href: string; fail: HopOptions['fail'] },
): Promise<Buffer> {
  const { fail } = o;
  const encoding = String(res.headers['content-encoding'] ?? 'identity')
    .trim()
    .toLowerCase();
  let stream: Readable = res;
  if (encoding === 'gzip' || encoding === 'x-gzip') stream = res.pipe(zlib.createGunzip());
  else if (encoding === 'deflate') stream = res.pipe(zlib.createInflate());
  else if (encoding === 'br') stream = res.pipe(zlib.createBrotliDecompress());
  else if (encoding !== 'identity' && encoding !== '') {
    res.destroy();
    return Promise.reject(fail('unsupported-type', `${o.href} is encoded ${encoding}`));
  }
  return new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let bytes = 0;
    let settled = false;
    const finish = (err: FetchError | null) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (err) {
        res.destroy();
        if (stream !== res) stream.destroy();
        chunks.length = 0;
        reject(err);
      } else resolve(Buffer.concat(chunks, bytes));
    };
    const timer = setTimeout(
      () => finish(fail('timeout', `the body of ${o.href} did not arrive in time (${bytes} bytes read)`)),
      Math.max(0, o.deadline - Date.now()),
    );
    stream.on('data', (chunk: Buffer) => {
      if (settled) return;
      bytes += chunk.length;
      if (bytes > o.maxBytes) return finish(fail('too-large', `${o.href} passed ${o.maxBytes} bytes`));
      chunks.push(chunk);
    });
    stream.on('end', () => finish(null));
    stream.on('error', (err: Error & { code?: string }) =>
      finish(fail('unreachable', `reading ${o.href}: ${err.code ?? ''} ${err.message}`)),
    );
    res.on('aborted', () => finish(fail('unreachable', `${o.href} closed the connection early`)));
    res.on('error', (err: Error & { code?: string }) => finish(fail('unreachable', `reading ${o.href}: ${err.code ?? ''} ${err.message}`)));
  });
}

/** The body as text, in the charset the content type names or the page declares (charset.ts). */
function decode(body: Buffer, contentType: string): string {
  return decodeText(body, contentType);
}
