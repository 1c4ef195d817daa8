import { parseDay, PERPETUITY } from '../src/domain/dates.js';
import { RightsIndex } from '../src/domain/rightsIndex.js';
import { fullSet } from '../src/domain/bitset.js';
import { COUNTRIES } from '../src/domain/countries.js';
import { MEDIA } from '../src/domain/media.js';
import { syntheticCatalog, rng } from './synthetic.js';
const n = 2000;
const catalog = syntheticCatalog(n, 42);
const ix = new RightsIndex();
for (const t of catalog) ix.setTitle(t.id, t.blocks);
const q = { territories: fullSet(COUNTRIES.size), media: fullSet(MEDIA.size), languages: null, start: parseDay('2026-01-01'), end: PERPETUITY, exclusive: true, match: 'overlap-part' as const };
const r = rng(7);
const K = Number(process.env.K ?? 3000);
const ts: number[] = [];
let rows = 0;
for (let k = 0; k < K; k++) { const t = catalog[Math.floor(r() * n)]; const t0 = performance.now(); rows += ix.avails([t.id], q, { include: 'all' }).length; ts.push(performance.now() - t0); }
ts.sort((a, b) => a - b);
console.log('p50', ts[K >> 1].toFixed(3), 'mean', (ts.reduce((a, b) => a + b, 0) / K).toFixed(3), 'rows/q', (rows / K).toFixed(1));
