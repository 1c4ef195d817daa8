/** A title being edited: its draft, made from the title on record, and the request body a save sends. */
import type { Ref } from '../../../../src/contract/index.js';

export const CREDIT_ROLES = [
  'director',
  'writer',
  'cast',
  'producer',
  'executive-producer',
  'cinematographer',
  'editor',
  'composer',
  'other',
] as const;
export const COMPANY_ROLES = [
  { role: 'production', label: 'Production companies' },
  { role: 'co-production', label: 'Co-producers' },
  { role: 'sales-agent', label: 'Sales agent' },
  { role: 'distributor', label: 'Distributors' },
] as const;
export type CompanyRole = (typeof COMPANY_ROLES)[number]['role'];
export const STATUSES = ['development', 'production', 'wrapped', 'released'];
/** Film, series, season, episode, miniseries, volume (docs/domain.md). */
export const TITLE_KINDS = ['film', 'series', 'season', 'episode', 'miniseries', 'volume'];
export const SERIES_STATUSES = ['continuing', 'concluded'];

export interface TitleDetailLike {
  id: string;
  originalTitle: string;
  englishTitle: string | null;
  year: number | null;
  countries: string[];
  languages?: string[];
  runtimeMinutes?: number | null;
  synopsis?: string | null;
  sourceMaterial?: string | null;
  sourceMaterialNote?: string | null;
  productionStatus?: string | null;
  aliases?: Array<{ alias: string; language?: string | null; kind?: string | null }>;
  credits: Array<{ role: string; person: Ref; character?: string | null }>;
  companies: Array<{ role: string; company: Ref }>;
  series?: {
    kind: string;
    number: number | null;
    seasonCount: number | null;
    episodeCount: number | null;
    countsFinal: boolean;
    seriesStatus: string | null;
    ancestors: Array<{ id: string; name: string }>;
  } | null;
}

let seq = 0;
export const key = () => `c${++seq}`;

export interface CreditRow {
  key: string;
  role: string;
  person: Ref | null;
  character: string;
}

export interface Draft {
  originalTitle: string;
  englishTitle: string;
  year: string;
  runtime: string;
  status: string;
  countries: string[];
  languages: string;
  aliases: string;
  synopsis: string;
  sourceMaterial: string;
  sourceMaterialNote: string;
  credits: CreditRow[];
  companies: Record<CompanyRole, Ref[]>;
  kind: string;
  parent: Ref | null;
  number: string;
  seasonCount: string;
  episodeCount: string;
  countsFinal: boolean;
  seriesStatus: string;
}

export const empty = (): Draft => ({
  originalTitle: '',
  englishTitle: '',
  year: '',
  runtime: '',
  status: '',
  countries: [],
  languages: '',
  aliases: '',
  synopsis: '',
  sourceMaterial: '',
  sourceMaterialNote: '',
  credits: [{ key: key(), role: 'director', person: null, character: '' }],
  companies: { production: [], 'co-production': [], 'sales-agent': [], distributor: [] },
  kind: 'film',
  parent: null,
  number: '',
  seasonCount: '',
  episodeCount: '',
  countsFinal: false,
  seriesStatus: '',
});

export function draftOf(t: TitleDetailLike): Draft {
  const companies = empty().companies;
  for (const c of t.companies) if (c.role in companies) companies[c.role as CompanyRole].push(c.company);
  return {
    originalTitle: t.originalTitle,
    englishTitle: t.englishTitle ?? '',
    year: t.year ? String(t.year) : '',
    runtime: t.runtimeMinutes ? String(t.runtimeMinutes) : '',
    status: t.productionStatus ?? '',
    countries: t.countries,
    languages: (t.languages ?? []).join(', '),
    // aliases with a language or kind keep them: only the names are edited here
    aliases: (t.aliases ?? []).map((a) => a.alias).join('\n'),
    synopsis: t.synopsis ?? '',
    sourceMaterial: t.sourceMaterial ?? '',
    sourceMaterialNote: t.sourceMaterialNote ?? '',
    credits: t.credits.map((c) => ({ key: key(), role: c.role, person: c.person, character: c.character ?? '' })),
    companies,
    kind: t.series?.kind ?? 'film',
    parent: t.series?.ancestors[0] ? { id: t.series.ancestors[0].id, name: t.series.ancestors[0].name } : null,
    number: t.series?.number != null ? String(t.series.number) : '',
    seasonCount: t.series?.seasonCount != null ? String(t.series.seasonCount) : '',
    episodeCount: t.series?.episodeCount != null ? String(t.series.episodeCount) : '',
    countsFinal: t.series?.countsFinal ?? false,
    seriesStatus: t.series?.seriesStatus ?? '',
  };
}

/** A person or company typed that is not on file yet: created with the title, on save. */
export const pending = (name: string): Promise<Ref> => Promise.resolve({ id: `new:${name}`, name });
export const isPending = (r: Ref) => r.id.startsWith('new:');

export function body(d: Draft, original?: TitleDetailLike) {
  const oldAliases = new Map((original?.aliases ?? []).map((a) => [a.alias, a]));
  const companies = COMPANY_ROLES.flatMap(({ role }) =>
    d.companies[role].map((c) => (isPending(c) ? { name: c.name, role } : { companyId: c.id, role })),
  );
  return {
    originalTitle: d.originalTitle,
    englishTitle: d.englishTitle.trim() || null,
    year: d.year.trim() ? Number(d.year) : null,
    runtimeMinutes: d.runtime.trim() ? Number(d.runtime) : null,
    productionStatus: d.status || null,
    countries: d.countries,
    languages: d.languages.split(/[\s,;]+/).filter(Boolean),
    aliases: d.aliases
      .split('\n')
      .map((a) => a.trim())
      .filter(Boolean)
      .map((a) => {
        const o = oldAliases.get(a);
        return o ? { alias: a, language: o.language ?? null, kind: o.kind ?? null } : a;
      }),
    synopsis: d.synopsis.trim() || null,
    sourceMaterial: d.sourceMaterial.trim() || null,
    sourceMaterialNote: d.sourceMaterialNote.trim() || null,
    credits: d.credits
      .filter((c) => c.person)
      .map((c) => ({
        ...(isPending(c.person!) ? { name: c.person!.name } : { personId: c.person!.id }),
        role: c.role,
        character: c.role === 'cast' ? c.character.trim() || null : null,
      })),
    companies,
    kind: d.kind,
    parentId: d.parent?.id ?? null,
    number: d.number.trim() ? Number(d.number) : null,
    seasonCount: d.seasonCount.trim() ? Number(d.seasonCount) : null,
    episodeCount: d.episodeCount.trim() ? Number(d.episodeCount) : null,
    countsFinal: d.countsFinal,
    seriesStatus: d.seriesStatus || null,
  };
}
