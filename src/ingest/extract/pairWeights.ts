/**
 * The pair model's weights (pairModel.ts): data/pair-model.json, fitted by scripts/train-pair-model.ts (which
 * says what it learnt from). A pair is told when it scores at least the threshold; a threshold of 0 turns the
 * model off (the training reads the rules' facts without it).
 */
import fitted from '../../../data/pair-model.json' with { type: 'json' };

export const PAIR_MODEL: { bias: number; threshold: number; weights: Record<string, number> } = {
  bias: fitted.bias,
  threshold: fitted.threshold,
  weights: fitted.weights,
};
