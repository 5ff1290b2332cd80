import fs from "node:fs";
import path from "node:path";
import { LANGUAGES, setLanguageProfiles } from "../language";
import { STOPWORDS } from "../lang/stopwords";
import { buildProfiles, PROFILE_FILE, type LanguageProfiles } from "../lang/profiles";
import { writeModel, type BaseModel } from "../model";
import { modelDir } from "../paths";
import { foldText, tokenize } from "../text";
import type { Example } from "./sources";
import { featurize, trainModel } from "./train-model";

// The same amount of text per language, or the languages with little text get inflated trigram odds.
const PROFILE_CHARS_PER_LANG = 9_000;

export function buildLanguageProfiles(examples: Example[]): LanguageProfiles {
  const byLang: Record<string, string[][]> = {};
  const size: Record<string, number> = {};
  for (const lang of LANGUAGES) {
    byLang[lang] = [foldText(STOPWORDS[lang]).split(/\s+/)];
    size[lang] = 0;
  }
  for (const e of examples) {
    if (!e.lang || !byLang[e.lang] || size[e.lang] >= PROFILE_CHARS_PER_LANG) continue;
    const words = tokenize(e.text).words;
    byLang[e.lang].push(words);
    size[e.lang] += words.join(" ").length;
  }
  return buildProfiles(byLang);
}

// Profiles first: the language is one of the features the heads are trained on.
export function buildBaseModel({ examples, log }: { examples: Example[]; log: (m: string) => void }): { model: BaseModel; profiles: LanguageProfiles } {
  const profiles = buildLanguageProfiles(examples);
  setLanguageProfiles(profiles);
  log(`featurizing ${examples.length} examples`);
  const model = trainModel({ data: featurize(examples), log });
  return { model, profiles };
}

export function saveBaseModel({ model, profiles, dir = modelDir() }: { model: BaseModel; profiles: LanguageProfiles; dir?: string }): void {
  writeModel({ model, dir });
  fs.writeFileSync(path.join(dir, PROFILE_FILE), `${JSON.stringify(profiles)}\n`);
}
