import fs from "node:fs";
import path from "node:path";
import { corpusDir } from "../paths";
import type { LabelledText, Sentiment } from "../types";
import { parseCsv } from "./csv";
import { BRANDS } from "../corpus/generate";
import { isHeldOutTemplate } from "../corpus/threads/generate";
import { groupThreads, threadContexts, type ThreadEvent } from "../thread";

// `template`: the sentence template of an own-corpus line (corpus and threads), so that folds can
// keep every use of one sentence on one side.
export type Example = LabelledText & { source: string; group: string; authorId?: string; template?: string };
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
              return { ...e, source: "corpus", group: e.template, template: e.template };
            })
            // The sentences of the held-out threads are never trained on, in any form.
            .filter((e) => !isHeldOutTemplate(e.template)),
        ),
  },
  threads: {
    licence: "Replyhour's own thread-shaped corpus (corpus/threads), same licence as the code",
    load: () => threadExamples(fs.readFileSync(path.join(corpusDir(), "threads", "train.jsonl"), "utf8")),
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

// Sentiment-only tweet and post sets: a positive message that asks nothing is not a request.
function sentimentSet({ file, lang, source, map = (l) => l as Sentiment, requestFromPositive = true }: { file: string; lang?: string; source: string; map?: (label: string) => Sentiment | null; requestFromPositive?: boolean }) {
  return (dir: string): Example[] =>
    readCsv({ dir, file }).flatMap((r, i) => {
      const sentiment = map(r.label);
      if (!sentiment) return [];
      const request = requestFromPositive && sentiment === "positive" && !asks(r.text) ? false : undefined;
      return [{ text: r.text, lang: lang ?? r.lang, sentiment, request, source, group: String(i) }];
    });
}

const MOZETIC_LICENCE = "Mozetič, Grčar and Smailović 2016 (CLARIN.SI 11356/1054), tweets hydrated 2019; no licence stated: research use (Twitter terms)";
const MOZETIC_OWN = ["en", "ru", "bg", "sq", "de", "es", "pt", "pl"];
const MOZETIC_OTHER = ["hu", "sk", "sl", "sv", "hr", "sr", "bs"];
for (const lang of MOZETIC_OWN) {
  SOURCES[`mozetic-${lang}`] = { licence: MOZETIC_LICENCE, load: sentimentSet({ file: `mozetic2016-${lang}-train.csv`, lang, source: `mozetic-${lang}` }) };
}
// Languages the product is not sold in: available by name, not in the default training.
SOURCES["mozetic-other"] = {
  licence: MOZETIC_LICENCE,
  load: (dir) => MOZETIC_OTHER.flatMap((lang) => sentimentSet({ file: `mozetic2016-${lang}-train.csv`, source: "mozetic-other" })(dir)),
};
SOURCES.sentirueval = {
  licence: "SentiRuEval-2016 training collection (banks, telecoms), via github nicolay-r/tone-classifier; no licence stated for the data: research use",
  load: sentimentSet({ file: "sentirueval2016-train.csv", lang: "ru", source: "sentirueval", requestFromPositive: false }),
};
SOURCES.rusentiment = {
  licence: "RuSentiment (Rogers et al., COLING 2018), VKontakte posts, CC BY-NC-SA 4.0",
  load: sentimentSet({ file: "rusentiment-train.csv", lang: "ru", source: "rusentiment", map: (l) => (l === "skip" ? null : l === "speech" ? "positive" : (l as Sentiment)) }),
};
SOURCES.albana = {
  licence: "AlbAna (Kastrati et al., Electronics 2021), Albanian Facebook comments, github lule-ahmedi/AlbAna; no licence stated: research use",
  load: sentimentSet({ file: "albana-sq-train.csv", lang: "sq", source: "albana", requestFromPositive: false }),
};

// Thread-shaped JSONL: every inbound line with its label and the context its thread gives.
export function threadExamples(jsonl: string): Example[] {
  const events = jsonl
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as ThreadEvent);
  return groupThreads(events).flatMap((thread) => {
    const contexts = threadContexts({ thread, brandHandles: BRANDS });
    return thread.flatMap((e, i) => {
      if (e.direction !== "inbound" || !e.label) return [];
      const example = { text: e.text, lang: e.lang, request: e.label === "request", complaint: e.complaint ?? undefined, sentiment: e.sentiment ?? undefined, context: contexts[i], source: "threads", group: thread[0].externalId, authorId: e.author.id, template: e.template };
      // The same message without its context as well ("threads-text"): the text features must
      // stay sensible alone (a caller without context, a brand's layer on top), not lean on
      // context features to cancel them (a bare "?" weighed 7 without these copies).
      return [example, { ...example, context: null, source: "threads-text" }];
    });
  });
}

// The default training set: every source except the languages the product is not sold in.
export const SOURCE_NAMES = Object.keys(SOURCES).filter((s) => s !== "mozetic-other");

export function loadSources(names: string[] = SOURCE_NAMES): Example[] {
  const dir = dataDir();
  return names.flatMap((name) => {
    const source = SOURCES[name];
    if (!source) throw new Error(`unknown source "${name}"; known: ${SOURCE_NAMES.join(", ")}`);
    return source.load(dir);
  });
}
