/**
 * `npm run eval:ingest`: precision and recall per fact type on the corpus,
 * per batch and all together. Each batch after the first was written before
 * the rules saw it and measured once as held out (the figures are in
 * docs/ingest.md), then used to generalise the rules; a batch marked
 * "holdout" is listed only with --verbose-holdout. `--verbose` lists the
 * misses, the spurious facts and the field errors per article.
 *
 * `npm run eval:ingest -- <folder>` scores another folder instead: one in
 * this corpus's format, or one in the annotated format of evaluateFolder.ts
 * (`NN-slug.txt` with a url/date/outlet header and `NN-slug.expected.json`).
 * An annotated folder is split by its article numbers: even NN is the part
 * the rules may be tuned on, odd NN the part only measured; both are
 * reported, the misses of the tuned part with --verbose, of the measured part
 * only with --verbose-holdout.
 */
import { fileURLToPath } from 'node:url';
import { evaluate, formatReport, loadCorpus } from './evaluate.js';
import { evaluateFolder, formatFolderReport, isAnnotatedFolder, loadFolder } from './evaluateFolder.js';

export const CORPUS_DIR = fileURLToPath(new URL('../../corpus/articles/', import.meta.url));

function main(argv: string[]): void {
  const verbose = argv.includes('--verbose') || argv.includes('-v');
  const only = argv.find((a) => a.startsWith('--only='))?.slice(7);
  const folder = argv.find((a) => !a.startsWith('-'));
  if (folder && isAnnotatedFolder(folder)) return annotated(folder, argv, only);
  const corpus = loadCorpus(folder ?? CORPUS_DIR).filter((a) => !only || a.id.startsWith(only));
  const splits: Array<[string, (s: string) => boolean]> = [
    ['seed article', (s) => s === 'seed'],
    ['articles 01-24 (written first, rules developed on them)', (s) => s === 'dev'],
    ['articles 25-34 (second batch)', (s) => s === 'batch2'],
    ['articles 35-44 (third batch)', (s) => s === 'batch3'],
    ['articles 45-54 (fourth batch)', (s) => s === 'batch4'],
    ['held-out articles', (s) => s === 'holdout'],
    ['all articles', () => true],
  ];
  for (const [name, keep] of splits) {
    const part = corpus.filter((a) => keep(a.split));
    if (!part.length) continue;
    const report = evaluate(part);
    console.log(formatReport(report, `\n== ${name} (${part.length})`));
    // the held-out articles are for measuring, not for tuning: listed only on request
    const listHeldOut = argv.includes('--verbose-holdout');
    if ((verbose && name !== 'all articles' && name !== 'held-out articles') || (listHeldOut && name === 'held-out articles')) {
      for (const a of report.articles) {
        if (!a.missed.length && !a.spurious.length && !a.fieldErrors.length) continue;
        console.log(`\n-- ${a.id}`);
        for (const m of a.missed) console.log(`   missed   ${JSON.stringify(m)}`);
        for (const s of a.spurious) console.log(`   spurious ${JSON.stringify(s)}`);
        for (const e of a.fieldErrors)
          console.log(
            `   field    ${e.fact.type} ${JSON.stringify(e.fact.title)} ${e.field}: got ${JSON.stringify(e.got)}, want ${JSON.stringify(e.want)}`,
          );
      }
    }
  }
}

function annotated(folder: string, argv: string[], only: string | undefined): void {
  const articles = loadFolder(folder).filter((a) => !only || a.id.startsWith(only));
  const nn = (id: string) => Number(/^(\d+)/.exec(id)?.[1] ?? NaN);
  const parts: Array<[string, (id: string) => boolean, boolean]> = [
    ['tune part (even article numbers)', (id) => nn(id) % 2 === 0, argv.includes('--verbose') || argv.includes('-v')],
    ['held-out part (odd article numbers)', (id) => nn(id) % 2 === 1, argv.includes('--verbose-holdout')],
    ['all articles', () => true, false],
  ];
  for (const [name, keep, list] of parts) {
    const part = articles.filter((a) => keep(a.id));
    if (!part.length) continue;
    console.log(formatFolderReport(evaluateFolder(part), `\n== ${name} (${part.length})`, list));
  }
}

main(process.argv.slice(2));
