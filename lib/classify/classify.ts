import { applyBrand } from "./brand-apply";
import type { BrandModel } from "./brand-model";
import { extractFeatures } from "./features";
import { loadModel, type BaseModel } from "./model";
import { explain } from "./reasons";
import { scoreFeatures, sigmoid } from "./score";
import type { Classification, Sentiment } from "./types";

export type ClassifyOptions = { brandModel?: BrandModel | null };

function round(v: number): number {
  return Math.round(v * 1000) / 1000;
}

// Distance from the threshold, mapped onto 0.5..1 on each side.
function confidenceOf({ p, threshold }: { p: number; threshold: number }): number {
  return p >= threshold ? 0.5 + (0.5 * (p - threshold)) / (1 - threshold) : 0.5 + (0.5 * (threshold - p)) / threshold;
}

export function classifyWith({ model, text, brandModel }: { model: BaseModel; text: string; brandModel?: BrandModel | null }): Classification {
  const features = extractFeatures(text);
  const logits = scoreFeatures({ model, features });
  const remembered = brandModel ? applyBrand({ brand: brandModel, features, logits }) : false;
  const [req, comp, neg, pos] = model.meta.heads;
  const pRequest = sigmoid(logits[0]);
  const pComplaint = sigmoid(logits[1]);
  const pNegative = sigmoid(logits[2]);
  const pPositive = sigmoid(logits[3]);
  const t = features.tokens;
  // Emoji-only, tags-only and link-only messages carry nothing an agent could answer.
  const empty = t.words.length === 0 && t.questions === 0 && t.longNumbers === 0 && !remembered;
  const complaint = !empty && pComplaint >= comp.threshold;
  const request = !empty && (complaint || pRequest >= req.threshold);
  const sentiment: Sentiment =
    pNegative >= neg.threshold && pNegative - neg.threshold >= pPositive - pos.threshold
      ? "negative"
      : pPositive >= pos.threshold
        ? "positive"
        : "neutral";
  const base = confidenceOf({ p: pRequest, threshold: req.threshold });
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
    reasons,
    modelVersion: brandModel ? `${model.meta.version}+brand.${brandModel.id}` : model.meta.version,
  };
}

export function classify(text: string, opts: ClassifyOptions = {}): Classification {
  return classifyWith({ model: loadModel(), text, brandModel: opts.brandModel });
}
