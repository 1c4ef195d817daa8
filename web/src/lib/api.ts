/**
 * The one way the app talks to the server: JSON in and out, the session
 * cookie, errors as ApiError carrying the server's body (code, message, the
 * field it concerns, suggestions, a conflict report). A 401 anywhere sends
 * the user to the sign-in page and back again afterwards.
 */
import type { ApiErrorBody } from '../../../src/contract/index.js';

/** The field path the server's messages start with: "blocks[0].territories: ", "fields.blocks[0]: ". */
const FIELD_PREFIX = /^[\w.[\]]+: /;

/**
 * The server's message with the field path it starts with replaced by the label the person sees on
 * the form: "fields.blocks[0]: end 2026-01-01 is before start 2027-06-01" with "Term end" →
 * "Term end: end 2026-01-01 is before start 2027-06-01". For a note away from the field itself.
 */
export function labelledMessage(label: string, message: string): string {
  return `${label}: ${message.replace(FIELD_PREFIX, '')}`;
}

/**
 * The server's message without its field prefix ("blocks[0].territories: unknown
 * territory") when it is shown next to that field, and without a trailing
 * "Did you mean: X?" when the suggestions are shown as buttons.
 */
export function fieldMessage(message: string, opts: { dropSuggestions?: boolean } = {}): string {
  let m = message.replace(FIELD_PREFIX, '');
  if (opts.dropSuggestions) m = m.replace(/\s*Did you mean:? [^?]*\?\s*$/, '');
  return m.charAt(0).toUpperCase() + m.slice(1);
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: ApiErrorBody,
  ) {
    super(body.message || `${status} ${body.error}`);
    this.name = 'ApiError';
  }
  get field(): string | undefined {
    return this.body.field;
  }
}

/** An error the form finds before asking the server, shaped as the server's (shown next to `field`). */
export function fieldError(field: string, message: string): ApiError {
  return new ApiError(400, { error: 'validation', message: `${field}: ${message}`, field });
}

type Listener = () => void;
const unauthorizedListeners = new Set<Listener>();
export function onUnauthorized(listener: Listener): () => void {
  unauthorizedListeners.add(listener);
  return () => unauthorizedListeners.delete(listener);
}

export interface RequestOptions {
  signal?: AbortSignal;
  /** Do not treat a 401 as "session expired" (the sign-in request itself). */
  quiet401?: boolean;
}

async function readError(res: Response): Promise<ApiErrorBody> {
  const text = await res.text().catch(() => '');
  try {
    const body = JSON.parse(text) as Partial<ApiErrorBody>;
    return {
      error: body.error ?? `http-${res.status}`,
      message: body.message ?? (res.statusText || `HTTP ${res.status}`),
      ...body,
    } as ApiErrorBody;
  } catch {
    return { error: `http-${res.status}`, message: text.trim().slice(0, 300) || res.statusText || `HTTP ${res.status}` };
  }
}

export async function request<T>(method: string, path: string, body?: unknown, opts: RequestOptions = {}): Promise<T> {
  return (await requestWithStatus<T>(method, path, body, opts)).data;
}

/** As `request`, with the success status too (a find-or-create answers 201 when it created, 200 when it found). */
export async function requestWithStatus<T>(
  method: string,
  path: string,
  body?: unknown,
  opts: RequestOptions = {},
): Promise<{ status: number; data: T }> {
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: body === undefined ? { accept: 'application/json' } : { 'content-type': 'application/json', accept: 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: opts.signal,
    });
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw e;
    throw new ApiError(0, { error: 'network', message: 'The server cannot be reached. Check your connection and try again.' });
  }
  if (res.status === 401 && !opts.quiet401) unauthorizedListeners.forEach((l) => l());
  if (!res.ok) throw new ApiError(res.status, await readError(res));
  if (res.status === 204) return { status: res.status, data: undefined as T };
  const type = res.headers.get('content-type') ?? '';
  if (!type.includes('json')) return { status: res.status, data: (await res.text()) as T };
  return { status: res.status, data: (await res.json()) as T };
}

export const api = {
  get: <T>(path: string, opts?: RequestOptions) => request<T>('GET', path, undefined, opts),
  post: <T>(path: string, body?: unknown, opts?: RequestOptions) => request<T>('POST', path, body ?? {}, opts),
  put: <T>(path: string, body: unknown, opts?: RequestOptions) => request<T>('PUT', path, body, opts),
  patch: <T>(path: string, body: unknown, opts?: RequestOptions) => request<T>('PATCH', path, body, opts),
  del: <T>(path: string, opts?: RequestOptions) => request<T>('DELETE', path, undefined, opts),
};

/** `/api/titles` + {q: 'x', page: 2} → `/api/titles?q=x&page=2`, leaving out empty values. */
export function withQuery(path: string, params: Record<string, string | number | boolean | null | undefined>): string {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') qs.set(k, String(v));
  const s = qs.toString();
  return s ? `${path}?${s}` : path;
}

/** Downloads a binary answer (the XLSX export) as a file. */
export async function download(method: string, path: string, body: unknown, filename: string): Promise<void> {
  const res = await fetch(path, {
    method,
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new ApiError(res.status, await readError(res));
  saveBlob(await res.blob(), filename);
}

/**
 * Downloads a file the server names after the question (its content-disposition
 * filename, e.g. avails-germany-svod-2027-01-01_2027-12-31.csv); `fallback` when it gives none.
 */
export async function downloadNamed(method: string, path: string, body: unknown, fallback: string): Promise<string> {
  const res = await fetch(path, {
    method,
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new ApiError(res.status, await readError(res));
  const named = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1];
  const filename = named || fallback;
  saveBlob(await res.blob(), filename);
  return filename;
}

export function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
