export type Sentiment = "negative" | "neutral" | "positive";
export type Category = "request" | "noise";

export type Classification = {
  language: string;
  category: Category;
  complaint: boolean;
  sentiment: Sentiment;
  sentimentScore: number;
  confidence: number;
  reasons: string[];
  modelVersion: string;
};

// One labelled message: a corpus line, a data set row, or an agent's correction.
export type LabelledText = {
  text: string;
  lang?: string;
  request?: boolean | null;
  complaint?: boolean | null;
  sentiment?: Sentiment | null;
};

export const HEADS = ["request", "complaint", "negative", "positive"] as const;
export type HeadName = (typeof HEADS)[number];
