/**
 * The buyer's question, as people and programs ask it (titles by name or id,
 * territories and media as expressions, ISO dates), answered by the engine's
 * index and described with labels and reasons.
 */
import { MATCH_TYPES, type AvailsQuestion, type MatchType } from '../domain/avails.js';
import { parseDay, parseEndDay } from '../domain/dates.js';
import { DomainError, invalid } from '../domain/errors.js';
import { closest, normalizeName } from '../domain/fuzzy.js';
import { parseLanguages } from '../domain/languages.js';
import { parseMedia } from '../domain/media.js';
import { parseTerritories } from '../domain/territories.js';
import type { Actor, FilmRights } from './app.js';
import { rowView, type AvailRowView } from './views.js';

export interface AvailsInput {
  /** Title ids or names; absent or empty: the whole catalog. */
  titles?: string[];
  territories: string;
  media: string;
  languages?: string[] | string | null;
  start: string;
  end?: string | null;
  exclusive?: boolean;
  match?: MatchType;
  minDays?: number;
  include?: 'all' | 'available';
}

export interface AvailsAnswer {
  rows: AvailRowView[];
}

export function parseQuestion(input: AvailsInput): AvailsQuestion {
  if (!input || typeof input !== 'object') throw invalid('question', input, 'question: expected an object');
  const match = input.match ?? 'cover-entire';
  if (!MATCH_TYPES.includes(match)) throw invalid('match', match, `match: "${match}" is not one of ${MATCH_TYPES.join(', ')}`);
  const start = parseDay(input.start, 'start');
  const end = parseEndDay(input.end, 'end');
  if (end < start) throw invalid('end', input.end, `end: ${input.end} is before start ${input.start}`);
  return {
    territories: parseTerritories(input.territories ?? '', 'territories'),
    media: parseMedia(input.media ?? '', 'media'),
    languages: parseLanguages(input.languages ?? null, 'languages'),
    start,
    end,
    exclusive: input.exclusive ?? true,
    match,
    minDays: input.minDays,
  };
}

/** Resolves titles given by id or by name (forgiving accents and case; typos get suggestions). */
export async function resolveTitles(app: FilmRights, refs: readonly string[], field = 'titles'): Promise<string[]> {
  if (!refs.length) return [];
  const rows = await app.store.db.selectFrom('titles').select(['id', 'original_title', 'english_title']).execute();
  const byName = new Map<string, string[]>();
  const add = (name: string | null, id: string) => {
    if (!name) return;
    const k = normalizeName(name);
    byName.set(k, [...new Set([...(byName.get(k) ?? []), id])]);
  };
  for (const r of rows) {
    add(r.original_title, r.id);
    add(r.english_title, r.id);
  }
  const ids = new Set(rows.map((r) => r.id));
  return refs.map((ref, i) => {
    if (ids.has(ref)) return ref;
    const found = byName.get(normalizeName(ref));
    if (found?.length === 1) return found[0];
    if (found && found.length > 1) {
      throw new DomainError('ambiguous', `${field}[${i}]`, ref, `${field}[${i}]: "${ref}" names ${found.length} titles; use the title id`, found);
    }
    const names = rows.map((r) => r.english_title ?? r.original_title);
    const suggestions = closest(ref, names, 5);
    throw new DomainError('unknown-name', `${field}[${i}]`, ref, `${field}[${i}]: no title "${ref}"${suggestions.length ? `. Did you mean: ${suggestions.join(', ')}?` : ''}`, suggestions);
  });
}

export async function askAvails(app: FilmRights, _actor: Actor, input: AvailsInput): Promise<AvailsAnswer> {
  const q = parseQuestion(input);
  const titleIds = input.titles?.length ? await resolveTitles(app, input.titles) : null;
  const rows = app.index.avails(titleIds, q, input.include ? { include: input.include } : {});
  return { rows: rows.map((r) => rowView(r, app.titleName, app.contractParties)) };
}
