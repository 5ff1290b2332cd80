import { applyBrand } from "./brand-apply";
import type { BrandModel } from "./brand-model";
import { extractFeatures } from "./features";
import { loadModel, type BaseModel } from "./model";
import { explain } from "./reasons";
import { headThreshold } from "./head-threshold";
import { scoreFeatures, sigmoid } from "./score";
import type { Classification, ClassifyContext, Sentiment } from "./types";

// `context`: what the pipeline knows besides the text (see types.ts); without it the text alone decides.
export type ClassifyOptions = { brandModel?: BrandModel | null; context?: ClassifyContext | null };

function round(v: number): number {
  return Math.round(v * 1000) / 1000;
}

// Distance from the threshold, mapped onto 0.5..1 on each side.
function confidenceOf({ p, threshold }: { p: number; threshold: number }): number {
  return p >= threshold ? 0.5 + (0.5 * (p - threshold)) / (1 - threshold) : 0.5 + (0.5 * (threshold - p)) / threshold;
}

export function classifyWith({ model, text, brandModel, context }: { model: BaseModel; text: string; brandModel?: BrandModel | null; context?: ClassifyContext | null }): Classification {
  const features = extractFeatures(text, undefined, context);
  const logits = scoreFeatures({ model, features });
  const remembered = brandModel ? applyBrand({ brand: brandModel, features, logits }) : false;
  const pos = model.meta.heads[3];
  const pRequest = sigmoid(logits[0]);
  const pComplaint = sigmoid(logits[1]);
  const pNegative = sigmoid(logits[2]);
  const pPositive = sigmoid(logits[3]);
  const t = features.tokens;
  // The per-language thresholds chosen in cross-validation decide; a brand's layer learns its
  // corrections around them. A layer trained before it did so learned its boundary at the
  // heads' plain thresholds, which then decide.
  const plain = !!brandModel && brandModel.boundary !== "language";
  const at = (head: number) => (plain ? model.meta.heads[head].threshold : headThreshold({ model, head, language: features.language }));
  const reqT = at(0);
  const compT = at(1);
  const negT = at(2);
  // Emoji-only, tags-only and link-only messages carry nothing an agent could answer.
  const empty = t.words.length === 0 && t.questions === 0 && t.longNumbers === 0 && !remembered;
  const complaint = !empty && pComplaint >= compT;
  const request = !empty && (complaint || pRequest >= reqT);
  const sentiment: Sentiment =
    pNegative >= negT && pNegative - negT >= pPositive - pos.threshold
      ? "negative"
      : pPositive >= pos.threshold
        ? "positive"
        : "neutral";
  const base = confidenceOf({ p: pRequest, threshold: reqT });
  const confidence = empty ? 1 : complaint ? Math.max(base, pComplaint) : base;
  const reasons = empty ? features.flags.filter((f) => f.endsWith(" only") || f === "no words") : explain({ model, features, request });
  if (complaint) reasons.push("complaint");
  if (remembered) reasons.unshift("corrected before for this brand");
  return {
    language: features.language,
    category: request ? "request" : "noise",
    complaint,
    sentiment,
    sentimentScore: round(Math.max(-1, Math.min(1, pPositive - pNegative))),
    confidence: round(confidence),
    requestProbability: empty ? 0 : round(Math.max(pRequest, complaint ? pComplaint : 0)),
    reasons,
    modelVersion: brandModel ? `${model.meta.version}+brand.${brandModel.id}` : model.meta.version,
  };
}

export function classify(text: string, opts: ClassifyOptions = {}): Classification {
  return classifyWith({ model: loadModel(), text, brandModel: opts.brandModel, context: opts.context });
}
