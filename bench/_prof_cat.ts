import { RightsIndex } from '../src/domain/rightsIndex.js';
import { parseDay } from '../src/domain/dates.js';
import { parseMedia } from '../src/domain/media.js';
import { parseTerritories } from '../src/domain/territories.js';
import { syntheticCatalog } from './synthetic.js';
const n = Number(process.env.N ?? 10000);
const catalog = syntheticCatalog(n, 42);
const ix = new RightsIndex();
for (const t of catalog) ix.setTitle(t.id, t.blocks);
const qs = [
  ['Germany','SVOD','2027-01-01','2028-12-31',true,'cover-entire'],
  ['France','Theatrical','2026-07-01','2027-06-30',true,'cover-entire'],
  ['U.K.','Free TV','2027-01-01','2029-12-31',false,'cover-entire'],
  ['Japan','Pay TV','2026-01-01','2026-12-31',true,'overlap-part'],
] as const;
import { fullSet } from '../src/domain/bitset.js';
import { COUNTRIES } from '../src/domain/countries.js';
import { MEDIA } from '../src/domain/media.js';
import { PERPETUITY } from '../src/domain/dates.js';
const gq = { territories: fullSet(COUNTRIES.size), media: fullSet(MEDIA.size), languages: null, start: parseDay('2026-01-01'), end: PERPETUITY, exclusive: true, match: 'overlap-part' as const };
for (let k = 0; k < 300; k++) { ix.avails([catalog[k].id], gq, { include: 'all' }); ix.avails([catalog[k].id], gq, { include: 'available' }); ix.avails(null, { ...gq, territories: parseTerritories('Italy'), media: parseMedia('SVOD'), end: parseDay('2027-01-01') }); }
if (process.env.POLY) { const shapes: any[] = [
  { ...gq, territories: parseTerritories('Italy'), media: parseMedia('SVOD'), end: parseDay('2027-01-01') },
  { minDays: undefined, ...gq, territories: parseTerritories('Italy'), media: parseMedia('SVOD'), end: parseDay('2027-01-01') },
  { languages: null, territories: parseTerritories('Italy'), media: parseMedia('SVOD'), start: gq.start, end: parseDay('2027-01-01'), exclusive: true, match: 'cover-entire', minDays: undefined },
  { match: 'cover-entire', territories: parseTerritories('Italy'), media: parseMedia('SVOD'), languages: null, start: gq.start, end: parseDay('2027-01-01'), exclusive: false },
  { x: 1, match: 'cover-entire', territories: parseTerritories('Italy'), media: parseMedia('SVOD'), languages: null, start: gq.start, end: parseDay('2027-01-01'), exclusive: false },
  { y: 1, match: 'cover-entire', territories: parseTerritories('Italy'), media: parseMedia('SVOD'), languages: null, start: gq.start, end: parseDay('2027-01-01'), exclusive: false },
]; for (let k = 0; k < 100; k++) for (const sq of shapes) { ix.avails(null, sq); ix.avails([catalog[k].id], sq); } }
for (const [t,m,s,e,x,match] of qs) {
  const q = { territories: parseTerritories(t), media: parseMedia(m), languages: null, start: parseDay(s), end: parseDay(e), exclusive: x, match };
  const runs: number[] = []; let rows = 0, titles = 0;
  for (let k = 0; k < Number(process.env.REPS ?? 15); k++) { const t0 = performance.now(); const r = ix.avails(null, q); runs.push(performance.now() - t0); rows = r.length; titles = r.reduce((a, b) => a + b.titles.length, 0); }
  runs.sort((a,b)=>a-b);
  console.log((globalThis as any).__t?.map((x: number) => (x / Number(process.env.REPS ?? 15)).toFixed(2)).join(" ")); (globalThis as any).__t = [0,0,0];
  console.log(t, m, "median", runs[runs.length >> 1].toFixed(2), 'ms rows', rows, 'titles', titles, (globalThis as any).__slow ?? '');
}
