import fs from "node:fs";
import path from "node:path";
import { corpusDir } from "../paths";
import type { LabelledText, Sentiment } from "../types";
import { parseCsv } from "./csv";

export type Example = LabelledText & { source: string; group: string };
type Source = { licence: string; load: (dir: string) => Example[] };

export function dataDir(): string {
  return process.env.REPLYHOUR_DATA_DIR ?? path.resolve(process.cwd(), "../shared/data");
}

function readCsv({ dir, file }: { dir: string; file: string }): Record<string, string>[] {
  return parseCsv(fs.readFileSync(path.join(dir, file), "utf8"));
}

// Reports of a problem may or may not be complaints; the other intents are plain requests.
const PROBLEM_INTENTS = new Set(["payment_issue", "registration_problems", "contact_human_agent"]);
const asks = (text: string) => /[?？]/.test(text);

export const SOURCES: Record<string, Source> = {
  corpus: {
    licence: "Replyhour's own, written for this project (same licence as the code)",
    load: () =>
      fs
        .readdirSync(corpusDir())
        .filter((f) => f.endsWith(".jsonl"))
        .sort()
        .flatMap((f) =>
          fs
            .readFileSync(path.join(corpusDir(), f), "utf8")
            .split("\n")
            .filter(Boolean)
            .map((line) => {
              const e = JSON.parse(line) as LabelledText & { template: string };
              return { ...e, source: "corpus", group: e.template };
            }),
        ),
  },
  complaints: {
    licence: "ACL 2019 complaints set (Preotiuc-Pietro et al.), no licence stated: research use",
    load: (dir) =>
      readCsv({ dir, file: "complaints-dev.csv" }).map((r) => ({
        text: r.text,
        lang: "en",
        complaint: r.complaint === "1",
        request: r.complaint === "1" ? true : undefined,
        source: "complaints",
        group: r.tweet_id,
      })),
  },
  airline: {
    licence: "Twitter US Airline Sentiment (Crowdflower, Kaggle), CC BY-NC-SA 4.0",
    load: (dir) =>
      readCsv({ dir, file: "airline-sentiment-dev.csv" }).map((r) => {
        const sentiment = r.airline_sentiment as Sentiment;
        const request = sentiment === "negative" || asks(r.text) ? true : sentiment === "positive" ? false : undefined;
        // Negative tweets to an airline are nearly all complaints: a distant label, weighted in config.
        const complaint = sentiment === "negative" ? true : sentiment === "positive" ? false : undefined;
        return { text: r.text, lang: "en", sentiment, request, complaint, source: "airline", group: r.tweet_id };
      }),
  },
  rusentitweet: {
    licence: "RuSentiTweet (Smetanin 2022), no licence stated: research use",
    load: (dir) =>
      readCsv({ dir, file: "rusentitweet-train.csv" })
        .filter((r) => r.label !== "skip")
        .map((r) => {
          // "speech" rows are greetings, thanks and wishes: positive, never a request.
          const sentiment = (r.label === "speech" ? "positive" : r.label) as Sentiment;
          const request = sentiment === "positive" && !asks(r.text) ? false : undefined;
          return { text: r.text, lang: "ru", sentiment, request, source: "rusentitweet", group: r.id };
        }),
  },
  bitext: {
    licence: "Bitext customer-support set, CDLA-Sharing-1.0",
    load: (dir) =>
      readCsv({ dir, file: "bitext-customer-support.csv" }).map((r, i) => ({
        text: r.instruction.replace(/\{\{[^}]*\}\}/g, "12345"),
        lang: "en",
        request: true,
        complaint: r.intent === "complaint" ? true : PROBLEM_INTENTS.has(r.intent) ? undefined : false,
        source: "bitext",
        group: String(i),
      })),
  },
  twcs: {
    licence: "Customer Support on Twitter (Kaggle TWCS sample), CC BY-NC-SA 4.0",
    load: (dir) =>
      readCsv({ dir, file: "twcs-sample.csv" })
        .filter((r) => r.inbound === "True")
        .map((r) => ({ text: r.text, lang: "en", request: true, source: "twcs", group: r.tweet_id })),
  },
};

export const SOURCE_NAMES = Object.keys(SOURCES);

export function loadSources(names: string[] = SOURCE_NAMES): Example[] {
  const dir = dataDir();
  return names.flatMap((name) => {
    const source = SOURCES[name];
    if (!source) throw new Error(`unknown source "${name}"; known: ${SOURCE_NAMES.join(", ")}`);
    return source.load(dir);
  });
}
