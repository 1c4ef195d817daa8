/**
 * Series benchmark (issue 15): the catalog-wide question over 100k episodes
 * against the same question over 100k films, both measured in this run.
 *
 * The films are the engine bench's synthetic catalog (about 30 blocks each).
 * The episodes: 1,000 series of 10 seasons of 10 episodes. Each series carries
 * what a film carries (a worldwide mandate that withholds one episode, 24 to
 * 29 sales, 2 holdbacks), each season 3 sales of its own, so an episode
 * inherits about 33 blocks. The hierarchy is expanded into the index
 * (refreshUnits), so the question reads plain blocks per episode.
 */
import { RightsIndex } from '../src/domain/rightsIndex.js';
import { refreshUnits, TitleTree, type ScopedBlock } from '../src/domain/series.js';
import { germanySvodQuestion, syntheticCatalog } from './synthetic.js';

const ms = (ns: bigint) => Number(ns) / 1e6;
function time<T>(fn: () => T): [T, number] {
  const t0 = process.hrtime.bigint();
  const v = fn();
  return [v, ms(process.hrtime.bigint() - t0)];
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (x: number) => (x < 1 ? x.toFixed(3) : x < 100 ? x.toFixed(2) : x.toFixed(0));

function catalogQuestion(index: RightsIndex): { ms: number; free: number } {
  const q = germanySvodQuestion();
  for (let k = 0; k < 10; k++) index.avails(null, q);
  const runs: number[] = [];
  let free = 0;
  for (let k = 0; k < 15; k++) {
    const [rows, t] = time(() => index.avails(null, q));
    runs.push(t);
    free = rows.reduce((s, r) => s + r.titles.length, 0);
  }
  return { ms: median(runs), free };
}

export function seriesBench(episodes = 100_000): void {
  const seriesCount = Math.max(1, Math.round(episodes / 100));
  console.log(`\n## Series (issue 15): the catalog question over ${episodes.toLocaleString('en')} episodes and as many films\n`);

  const films = syntheticCatalog(episodes, 42);
  const [filmIndex, filmBuild] = time(() => {
    const ix = new RightsIndex();
    for (const t of films) ix.setTitle(t.id, t.blocks);
    return ix;
  });
  const filmBlocks = filmIndex.blockCount;
  const filmQ = catalogQuestion(filmIndex);
  films.length = 0;

  const seriesBlocks = syntheticCatalog(seriesCount, 43);
  const seasonSales = syntheticCatalog(seriesCount * 10, 44);
  const tree = new TitleTree();
  const own = new Map<string, ScopedBlock[]>();
  for (let s = 0; s < seriesCount; s++) {
    const id = `X${s}`;
    tree.put({ id, kind: 'series', parent: null, number: null });
    const [mandate, ...rest] = seriesBlocks[s].blocks;
    own.set(id, [{ ...mandate, scope: { includesFuture: true, covers: null, excludes: [`${id}S1E${1 + (s % 10)}`] } }, ...rest]);
    for (let n = 1; n <= 10; n++) {
      const season = `${id}S${n}`;
      tree.put({ id: season, kind: 'season', parent: id, number: n });
      own.set(season, seasonSales[s * 10 + n - 1].blocks.slice(1, 4));
      for (let e = 1; e <= 10; e++) tree.put({ id: `${season}E${e}`, kind: 'episode', parent: season, number: e });
    }
  }
  const [episodeIndex, episodeBuild] = time(() => {
    const ix = new RightsIndex();
    refreshUnits(ix, tree, (id) => own.get(id) ?? [], own.keys());
    return ix;
  });
  const episodeQ = catalogQuestion(episodeIndex);

  console.log('| catalog | titles answered | blocks in the index | build ms | catalog question ms (median of 15) | titles free |');
  console.log('|---|---:|---:|---:|---:|---:|');
  console.log(
    `| films | ${filmIndex.titleCount.toLocaleString('en')} | ${filmBlocks.toLocaleString('en')} | ${fmt(filmBuild)} | ${fmt(filmQ.ms)} | ${filmQ.free} |`,
  );
  console.log(
    `| episodes (${seriesCount.toLocaleString('en')} series x 10 seasons x 10) | ${episodeIndex.titleCount.toLocaleString('en')} | ${episodeIndex.blockCount.toLocaleString('en')} | ${fmt(episodeBuild)} | ${fmt(episodeQ.ms)} | ${episodeQ.free} |`,
  );
  console.log(`\nEpisodes against films, catalog question: ${(episodeQ.ms / filmQ.ms).toFixed(2)}x (the aim: at most 2x).\n`);
}
