/**
 * A title's place among series, seasons and episodes, as its page shows it:
 * the titles above it, and the seasons and episodes under it (docs/domain.md).
 */
import type { SeriesStatus, TitleKind } from '../../domain/series.js';
import type { FilmRights } from '../app.js';

export interface SeriesPlace {
  kind: TitleKind;
  number: number | null;
  seasonCount: number | null;
  episodeCount: number | null;
  countsFinal: boolean;
  seriesStatus: SeriesStatus | null;
  /** The titles it sits under, nearest first. */
  ancestors: Array<{ id: string; name: string; kind: TitleKind; number: number | null }>;
  /** The titles under it in order of number, each with the titles under it. */
  children: Array<{
    id: string;
    name: string;
    kind: TitleKind;
    number: number | null;
    children: Array<{ id: string; name: string; kind: TitleKind; number: number | null }>;
  }>;
}

/** The series part of a title page, from the app's tree (null for a film with nothing around it). */
export async function seriesPlace(
  app: FilmRights,
  t: {
    id: string;
    kind: TitleKind;
    number: number | null;
    season_count: number | null;
    episode_count: number | null;
    counts_final: number;
    series_status: SeriesStatus | null;
  },
): Promise<SeriesPlace | null> {
  const tree = app.tree;
  if (t.kind === 'film' && !tree.get(t.id)) return null;
  const ancestors = tree.ancestors(t.id);
  const kids = tree.children(t.id);
  const grandKids = kids.flatMap((k) => tree.children(k));
  await app.ensureTitleNames([...ancestors, ...kids, ...grandKids]);
  const ref = (id: string) => ({ id, name: app.titleName(id), kind: tree.kindOf(id), number: tree.get(id)?.number ?? null });
  return {
    kind: t.kind,
    number: t.number,
    seasonCount: t.season_count,
    episodeCount: t.episode_count,
    countsFinal: t.counts_final === 1,
    seriesStatus: t.series_status,
    ancestors: ancestors.map(ref),
    children: kids.map((k) => ({ ...ref(k), children: tree.children(k).map(ref) })),
  };
}
