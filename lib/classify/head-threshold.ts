import type { BaseModel } from "./model";
import { HEADS } from "./types";

// The threshold that decides a head for a message of this language: the per-language one chosen
// in cross-validation where there is one, else the head's own.
export function headThreshold({ model, head, language }: { model: BaseModel; head: number; language: string }): number {
  return model.meta.thresholds?.[HEADS[head]]?.[language] ?? model.meta.heads[head].threshold;
}

export function logit(p: number): number {
  const q = Math.min(1 - 1e-6, Math.max(1e-6, p));
  return Math.log(q / (1 - q));
}
