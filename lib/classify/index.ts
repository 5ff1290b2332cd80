// Pure entry point: no database here, so the pipeline, pages, CLIs and tests share it.
export { classify, type ClassifyOptions } from "./classify";
export { trainBrandModel, type BrandModel } from "./brand-model";
export { LANGUAGES } from "./language";
export type { Category, Classification, LabelledText, Sentiment } from "./types";
