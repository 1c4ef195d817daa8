import { loadFolder, predictedPairs } from './src/ingest/evaluateFolder.js';
import { extractFacts } from './src/ingest/extract.js';
import { normalizeName } from './src/domain/fuzzy.js';
const status = process.argv[2] as 'talks' | 'mandate';
for (const a of loadFolder('/work/shared/corpus/real')) {
  if (Number(a.id.slice(0, 2)) % 2 !== 0) continue;
  const p = predictedPairs(extractFacts(a.text, { date: a.date }).facts);
  const got = status === 'talks' ? p.talks : p.mandates;
  const gold = a.deals.filter((d) => d.status === status && d.buyer);
  const gk = new Set(got.map((g) => normalizeName(g.title) + '|' + normalizeName(g.buyer ?? '')));
  const miss = gold.filter((d) => !gk.has(normalizeName(d.title) + '|' + normalizeName(d.buyer ?? '')));
  if (miss.length || got.length) console.log(a.id, 'MISS', miss.map((d) => `${d.title}/${d.buyer}`).join('; '), '| GOT', got.map((g) => `${g.title}/${g.buyer}`).join('; '));
}
