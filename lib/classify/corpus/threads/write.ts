import fs from "node:fs";
import path from "node:path";
import { corpusDir } from "../../paths";
import { generateThreads } from "./generate";

export const TRAIN_THREADS = 4000;
export const HELDOUT_THREADS = 300;
export const HELDOUT_FILE = "tests/fixtures/classify/threads-heldout.jsonl";

// Writes the training part (corpus/threads/train.jsonl) and the held-out part (a test fixture).
export function writeThreadCorpus(): { train: number; heldout: number } {
  const train = generateThreads({ part: "train", threads: TRAIN_THREADS });
  const heldout = generateThreads({ part: "heldout", threads: HELDOUT_THREADS });
  const jsonl = (xs: unknown[]) => xs.map((x) => JSON.stringify(x)).join("\n") + "\n";
  fs.writeFileSync(path.join(corpusDir(), "threads", "train.jsonl"), jsonl(train));
  fs.writeFileSync(path.join(process.cwd(), HELDOUT_FILE), jsonl(heldout));
  return { train: train.length, heldout: heldout.length };
}
