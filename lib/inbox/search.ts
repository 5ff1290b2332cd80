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
