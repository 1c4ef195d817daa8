/** `npm run bench`: every benchmark, figures and ratios to baselines measured in the same run. `npm run bench -- engine|series|store|titlepage|import|extract|load|statements|offers|scale|page|makestore` runs one. */
import { availsPageBench } from './availsPage.bench.js';
import { engineBench } from './engine.bench.js';
import { extractBench } from './extract.bench.js';
import { importBench } from './import.bench.js';
import { loadBench } from './load.bench.js';
import { makeStoreBench } from './makeStore.bench.js';
import { offersBench } from './offers.bench.js';
import { scaleBench } from './scale.bench.js';
import { seriesBench } from './series.bench.js';
import { statementApiBench } from './statementApi.bench.js';
import { statementsBench } from './statements.bench.js';
import { storeBench } from './store.bench.js';
import { titlePageBench } from './titlePage.bench.js';

const only = process.argv[2];
const sizes = process.env.BENCH_SIZES ? process.env.BENCH_SIZES.split(',').map(Number) : undefined;
if (!only || only === 'engine') await engineBench(sizes);
if (!only || only === 'series') seriesBench(process.env.BENCH_EPISODES ? Number(process.env.BENCH_EPISODES) : undefined);
if (!only || only === 'store') await storeBench();
if (!only || only === 'titlepage') await titlePageBench();
if (!only || only === 'import') await importBench();
if (!only || only === 'extract') await extractBench();
if (!only || only === 'load') await loadBench();
if (!only || only === 'statements') {
  await statementsBench();
  await statementApiBench();
}
if (!only || only === 'offers') await offersBench();
if (!only || only === 'scale') await scaleBench();
if (!only || only === 'page') await availsPageBench();
if (!only || only === 'makestore') await makeStoreBench();
