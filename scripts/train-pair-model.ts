/**
 * Fits the pair model (src/ingest/extract/pairModel.ts) and writes its weights to
 * data/pair-model.json. It learns from our own corpus (corpus/articles) and from the annotated
 * folders given (the format of evaluateFolder.ts); `FOLDER:even` takes only the articles with an even number,
 * the part of a development set the rules may be tuned on (the odd ones stay for measuring):
 *
 *   npx tsx scripts/train-pair-model.ts /path/to/annotated:even /path/to/more/annotated [--threshold 0.9]
 *
 * Only feature names and weights are written: no text of the articles. Then `npm run eval:ingest` (our corpus)
 * and `npm run eval:ingest -- FOLDER` measure what it changed.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadCorpus } from '../src/ingest/evaluate.js';
import { loadFolder, sameCompany } from '../src/ingest/evaluateFolder.js';
import { fitLogistic, pairExamples, type TrainingArticle } from '../src/ingest/pairTraining.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const option = (name: string, fallback: number): number => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args.splice(i, 2)[1]) : fallback;
};
const threshold = option('threshold', 0.9);
const l2 = option('l2', 0.01);

const own: TrainingArticle[] = loadCorpus(`${root}corpus/articles`).map((a) => ({
  text: a.text,
  date: a.date,
  deals: a.expected
    .filter((f) => f.type === 'deal')
    .map((f) => ({ title: String(f.title), buyer: typeof f.buyer === 'string' ? f.buyer : null, status: 'closed' as const })),
}));
const sources: string[] = [`our corpus: ${own.length} articles`];
const articles = [...own];
for (const arg of args) {
  const [dir, part] = arg.split(/:(?=even$)/);
  const number = (id: string) => Number(/^(\d+)/.exec(id)?.[1] ?? NaN);
  const folder = loadFolder(dir).filter((a) => part !== 'even' || number(a.id) % 2 === 0);
  sources.push(`${folder.length} annotated articles${part ? ' (even numbers)' : ''}`);
  articles.push(...folder);
}
const examples = pairExamples(articles, (a, b) => sameCompany(a, b, false));
const positives = examples.filter((e) => e.label).length;
const model = fitLogistic(examples, { l2 });
writeFileSync(
  `${root}data/pair-model.json`,
  `${JSON.stringify(
    {
      about: `Weights of src/ingest/extract/pairModel.ts, fitted by scripts/train-pair-model.ts (do not edit by hand) on ${sources.join(', ')}: ${examples.length} candidate pairs, ${positives} of them deals; L2 ${l2}. Feature names and numbers only: no text of the articles.`,
      bias: model.bias,
      threshold,
      weights: model.weights,
    },
    null,
    2,
  )}\n`,
);
console.log(
  `${examples.length} pairs (${positives} deals) from ${sources.join(', ')}: ${Object.keys(model.weights).length} weights, threshold ${threshold}`,
);
