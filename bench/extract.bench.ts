/**
 * Article extraction benchmark (issue: one long article froze the server).
 * Extraction of an article of 10, 20, 40 and 80 KB (our corpus's articles one
 * after the other, names varied from one round to the next so that the
 * article keeps naming new people and companies, as a long article does),
 * and the time per KB. Baseline, same run: the same text extracted as the
 * short articles it is made of, one by one (the time per KB of a normal
 * article). Extraction is linear when the ratio stays flat as the article
 * grows (it grew with the length before: 10 KB 0.5 s/KB... 80 KB 1 s/KB).
 */
import { fileURLToPath } from 'node:url';
import { extractFacts } from '../src/ingest/extract.js';
import { loadCorpus } from '../src/ingest/evaluate.js';

const CORPUS_DIR = fileURLToPath(new URL('../corpus/articles/', import.meta.url));

/** Round r of the corpus: every capitalized word of three letters or more gets a suffix of its own ("Neon" → "Neonb"). */
function round(bodies: string[], r: number): string[] {
  if (r === 0) return bodies;
  const suffix = r
    .toString(26)
    .split('')
    .map((d) => String.fromCharCode(97 + parseInt(d, 26)))
    .join('');
  return bodies.map((b) => b.replace(/\b(\p{Lu}\p{Ll}{2,})\b/gu, (w) => (w === 'The' ? w : w + suffix)));
}

/** Articles (whole) of the varied corpus, to `kb` KB in all. */
function articles(bodies: string[], kb: number): string[] {
  const out: string[] = [];
  let size = 0;
  for (let r = 0; size < kb * 1024; r++) {
    for (const b of round(bodies, r)) {
      if (size + b.length > kb * 1024) return out;
      out.push(b);
      size += b.length + 2;
    }
  }
  return out;
}

export async function extractBench(sizes = (process.env.BENCH_EXTRACT_KB ?? '10,20,40,80').split(',').map(Number)): Promise<void> {
  const corpus = loadCorpus(CORPUS_DIR);
  const bodies = corpus.map((a) => a.text.replace(/^date.*\n+/, '').trim());
  // warm up: the corpus three times over, as short articles and as one
  for (let r = 0; r < 3; r++) for (const b of bodies) extractFacts(b, { date: '2024-01-01' });
  extractFacts(articles(bodies, 20).join('\n\n'), { date: '2024-01-01' });
  console.log('\n## Article extraction (bench/extract.bench.ts)\n');
  console.log('| article | extraction | per KB | baseline: the same text as its short articles, one by one | per KB | ratio |');
  console.log('|---|---:|---:|---:|---:|---:|');
  for (const kb of sizes) {
    const parts = articles(bodies, kb);
    const text = parts.join('\n\n');
    let t0 = performance.now();
    const long = extractFacts(text, { date: '2024-01-01' });
    const longMs = performance.now() - t0;
    t0 = performance.now();
    let facts = 0;
    for (const p of parts) facts += extractFacts(p, { date: '2024-01-01' }).facts.length;
    const shortMs = performance.now() - t0;
    const k = text.length / 1024;
    console.log(
      `| ${k.toFixed(0)} KB (${long.sentences.length} sentences, ${long.facts.length} facts) | ${(longMs / 1000).toFixed(2)} s | ${(longMs / k).toFixed(0)} ms | ${(shortMs / 1000).toFixed(2)} s (${parts.length} articles, ${facts} facts) | ${(shortMs / k).toFixed(0)} ms | ${(longMs / shortMs).toFixed(2)}x |`,
    );
  }
}

const self = process.argv[1] && /extract\.bench\.ts$/.test(process.argv[1]);
if (self) await extractBench();
