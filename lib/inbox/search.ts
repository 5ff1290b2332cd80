import type { Db } from "@/db/client";
import { searchConversationIds, searchHitsQuery, searchMatch } from "@/db/search";
import type { SQL } from "drizzle-orm";

// The words of what a person typed, as the search matches them (all required, the last as a prefix).
export function searchWords(input: string): string[] {
  return input
    .normalize("NFKC")
    .split(/[^\p{L}\p{N}_@#]+/u)
    .map((w) => w.replace(/"/g, ""))
    .filter(Boolean)
    .slice(0, 12);
}

// How many of the newest matching messages a search looks at; recent conversations are what agents look for.
export const SEARCH_HITS = 500;

// The conversations of the brand's newest messages that match the words.
export function searchHits({ db, brandId, words }: { db: Db; brandId: number; words: string[] }): Promise<number[]> {
  return searchConversationIds(db, { brandId, words, limit: SEARCH_HITS });
}

// The same hits as a subquery, for a query that narrows them further in one statement; `match`
// takes the value of searchHitsMatch.
export function searchHitsSubquery({ brandId, match }: { brandId: SQL; match: SQL }): SQL {
  return searchHitsQuery({ match, brandId, limit: SEARCH_HITS });
}

export function searchHitsMatch(brandId: number, words: string[]): string {
  return searchMatch(brandId, words);
}
