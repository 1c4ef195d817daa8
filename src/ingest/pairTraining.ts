/**
 * Fitting the pair model (extract/pairModel.ts): every candidate (title, buyer) pair of every sentence of
 * annotated articles, labelled by the annotation's closed deals, and a logistic regression over their features
 * (full-batch gradient descent with an L2 penalty, the two classes weighed equally: a deal is one pair in
 * fifteen). Deterministic: the same articles give the same weights. Only feature names and numbers come out;
 * no text of the articles is kept.
 */
import { extractFacts } from './extract.js';
import { sentencePairs } from './extract/pairModel.js';
import { PAIR_MODEL } from './extract/pairWeights.js';
import { normalizeName } from '../domain/fuzzy.js';
import type { GoldDeal } from './evaluateFolder.js';

export interface PairExample {
  features: string[];
  label: 0 | 1;
}

export interface TrainingArticle {
  text: string;
  date: string | null;
  deals: Array<Pick<GoldDeal, 'title' | 'buyer' | 'status'>>;
}

export interface FittedModel {
  bias: number;
  weights: Record<string, number>;
}

/** The candidate pairs of the articles, each labelled 1 when the annotation has it as a closed deal. */
export function pairExamples(articles: TrainingArticle[], sameBuyer: (a: string, b: string) => boolean): PairExample[] {
  const out: PairExample[] = [];
  // the pairs are read as the rules left them: the model's own deals must not be in what it learns from
  const threshold = PAIR_MODEL.threshold;
  PAIR_MODEL.threshold = 0;
  try {
    for (const a of articles) {
      const gold = a.deals.filter((d) => d.status === 'closed' && d.buyer);
      extractFacts(a.text, {
        date: a.date,
        onSentence: (c) => {
          for (const p of sentencePairs(c)) {
            const title = normalizeName(p.t.text);
            const label = gold.some((g) => normalizeName(g.title) === title && sameBuyer(g.buyer ?? '', p.b.text)) ? 1 : 0;
            out.push({ features: p.features, label });
          }
        },
      });
    }
  } finally {
    PAIR_MODEL.threshold = threshold;
  }
  return out;
}

export function fitLogistic(examples: PairExample[], opts: { l2?: number; epochs?: number; rate?: number } = {}): FittedModel {
  const l2 = opts.l2 ?? 0.01;
  const epochs = opts.epochs ?? 300;
  const rate = opts.rate ?? 0.5;
  const index = new Map<string, number>();
  for (const e of examples) for (const k of e.features) if (!index.has(k)) index.set(k, index.size);
  const rows = examples.map((e) => [...new Set(e.features.map((k) => index.get(k) ?? 0))]);
  const w = new Float64Array(index.size);
  let bias = 0;
  const positives = examples.filter((e) => e.label).length;
  const weightOf = [examples.length / (2 * Math.max(1, examples.length - positives)), examples.length / (2 * Math.max(1, positives))];
  const n = Math.max(1, examples.length);
  for (let epoch = 0; epoch < epochs; epoch++) {
    const grad = new Float64Array(index.size);
    let gradBias = 0;
    for (let i = 0; i < examples.length; i++) {
      let z = bias;
      for (const j of rows[i]) z += w[j];
      const d = (1 / (1 + Math.exp(-z)) - examples[i].label) * weightOf[examples[i].label];
      gradBias += d;
      for (const j of rows[i]) grad[j] += d;
    }
    bias -= (rate * gradBias) / n;
    for (let j = 0; j < w.length; j++) w[j] -= rate * (grad[j] / n + l2 * w[j]);
  }
  const weights: Record<string, number> = {};
  for (const [k, j] of [...index].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
    if (Math.abs(w[j]) >= 0.001) weights[k] = Math.round(w[j] * 1000) / 1000;
  return { bias: Math.round(bias * 1000) / 1000, weights };
}
