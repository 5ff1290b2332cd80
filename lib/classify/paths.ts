import path from "node:path";

// Resolved from the working directory (the repo root for the app, CLIs and tests), which
// survives Next's bundling where module-relative paths do not.
export function modelDir(): string {
  return path.join(process.cwd(), "lib/classify/model");
}

export function corpusDir(): string {
  return path.join(process.cwd(), "lib/classify/corpus");
}
