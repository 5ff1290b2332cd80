export type Sentiment = "negative" | "neutral" | "positive";
export type Category = "request" | "noise";

export type Classification = {
  language: string;
  category: Category;
  complaint: boolean;
  sentiment: Sentiment;
  sentimentScore: number;
  confidence: number;
  // the request head's probability before the threshold (what a conversation decision weighs)
  requestProbability?: number;
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
  // where it was written, when known (thread-shaped data)
  context?: ClassifyContext | null;
};

export const HEADS = ["request", "complaint", "negative", "positive"] as const;
export type HeadName = (typeof HEADS)[number];

// What the pipeline knows about a message besides its text. Every field is optional to the
// model: without a context the classifier reads the text alone.
export type ClassifyContext = {
  kind: "private_message" | "public_comment";
  // a reply to the brand's message, a comment under the brand's post, a reply to another
  // customer, or a new top-level comment / mention / first private message
  replyTo: "brand" | "brand_post" | "customer" | "none";
  // the brand's own accounts mentioned, and how many other people are
  mentions: { brand: boolean; others: number };
  // the brand's post, video or message this sits under, when the platform gives it
  postText?: string;
  // a person of the brand already answered this author in this thread
  brandAnsweredAuthor: boolean;
  // the author's history with the brand: request cycles and inbound messages before this thread
  authorHistory: { requests: number; messages: number };
  // the author's earlier texts in this thread (current cycle), oldest first, newest last
  previousFromAuthor?: string[];
};
