// Turns what a person types into a safe FTS5 query: each word quoted, all must match, last one as a prefix.
export function ftsQuery(input: string): string | null {
  const words = input
    .normalize("NFKC")
    .split(/[^\p{L}\p{N}_@#]+/u)
    .map((w) => w.replace(/"/g, ""))
    .filter(Boolean)
    .slice(0, 12);
  if (words.length === 0) return null;
  return words.map((w, i) => (i === words.length - 1 ? `"${w}"*` : `"${w}"`)).join(" ");
}

// How many of the newest matching messages a search looks at; recent conversations are what agents look for.
export const SEARCH_HITS = 500;

// The conversations of the brand's newest matching messages (@f_q from ftsQuery, @brandId).
export function searchHitsSql(): string {
  return `SELECT m.conversation_id FROM messages_fts f JOIN messages m ON m.id = f.rowid
           WHERE messages_fts MATCH ('brand_id : "' || CAST(@brandId AS INTEGER) || '" AND text : (' || @f_q || ')') AND +m.brand_id = @brandId
           ORDER BY f.rowid DESC LIMIT ${SEARCH_HITS}`;
}
