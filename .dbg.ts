import { readFileSync } from 'node:fs';
import { extractFacts } from './src/ingest/extract.js';
import { findTitleSpans } from './src/ingest/titles.js';
import { matchingView, readHeader, segment } from './src/ingest/text.js';
import { sketchSentence, newRegistry } from './src/ingest/sketch.js';
import { readArticleFile } from './src/ingest/evaluateFolder.js';
const f = process.argv[2];
const a = readArticleFile(readFileSync(f, 'utf8'));
const text = (a.date ? `date ${a.date}\n` : '') + a.body;
const view = matchingView(text);
const h = readHeader(text);
const sents = segment(text, h.bodyStart);
const spans = findTitleSpans(view, sents);
console.log('TITLES', spans.map(([s, e]) => view.slice(s, e)));
const grep = process.argv[3];
const reg = newRegistry();
for (const s of sents) {
  if (grep && !s.text.includes(grep)) continue;
  const g = spans.filter(([x]) => x >= s.start && x < s.end);
  const sk = sketchSentence(view, s.start, s.end, { registry: reg, guessedTitleSpans: g });
  console.log('---', s.text.slice(0, 300));
  console.log('   ', sk.text);
}
const r = extractFacts(text, { date: a.date });
for (const x of r.facts) if (x.type === 'deal' || x.type === 'mandate' || x.type === 'rumour') console.log(x.type, JSON.stringify(x.fields).slice(0, 200));
