export type BinaryMetrics = { n: number; precision: number; recall: number; f1: number; macroF1: number; accuracy: number };

const round = (v: number) => Math.round(v * 10000) / 10000;
const f1Of = (p: number, r: number) => (p + r > 0 ? (2 * p * r) / (p + r) : 0);

// Figures for the positive class; macroF1 averages it with the negative class's F1.
export function binaryMetrics(pairs: { gold: boolean; predicted: boolean }[]): BinaryMetrics {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let tn = 0;
  for (const { gold, predicted } of pairs) {
    if (gold && predicted) tp++;
    else if (predicted) fp++;
    else if (gold) fn++;
    else tn++;
  }
  const precision = tp + fp > 0 ? tp / (tp + fp) : 0;
  const recall = tp + fn > 0 ? tp / (tp + fn) : 0;
  const f1 = f1Of(precision, recall);
  const negF1 = f1Of(tn + fn > 0 ? tn / (tn + fn) : 0, tn + fp > 0 ? tn / (tn + fp) : 0);
  return {
    n: pairs.length,
    precision: round(precision),
    recall: round(recall),
    f1: round(f1),
    macroF1: round((f1 + negF1) / 2),
    accuracy: round(pairs.length > 0 ? (tp + tn) / pairs.length : 0),
  };
}
