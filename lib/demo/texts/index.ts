import { bg } from "./bg";
import { de } from "./de";
import { en } from "./en";
import { es } from "./es";
import { fr } from "./fr";
import { it } from "./it";
import { nl } from "./nl";
import { pl } from "./pl";
import { pt } from "./pt";
import { ru } from "./ru";
import { sq } from "./sq";
import { tr } from "./tr";
import { uk } from "./uk";
import type { LanguagePack } from "./types";

export type { DomainTexts, LanguagePack } from "./types";

export const LANGUAGE_PACKS: Record<string, LanguagePack> = { en, ru, uk, bg, sq, de, fr, es, it, pt, nl, pl, tr };

export const DEMO_LANGUAGES = Object.keys(LANGUAGE_PACKS);
