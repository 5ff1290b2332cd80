// Lemmatization-lite for Cyrillic: strip one inflectional ending so that "ужасный", "ужасная" and
// "ужасно" share a feature. Endings are in folded form (й has lost its breve and reads и).
const ENDINGS = [
  "иями ями ами ого его ому ему ыми ими ешь ишь ете ите ться тся ется ают яют ует ала ило али",
  "ои еи ии ыи ая яя ое ее ые ие ую юю ов ев ам ям ах ях ом ем ть ла ло ли ет ит ут ют ат ят ся сь",
  "а я о е ы и у ю ь л",
]
  .join(" ")
  .split(" ");
const BY_LENGTH = [4, 3, 2, 1].map((n) => ({ n, set: new Set(ENDINGS.filter((e) => e.length === n)) }));
const MIN_STEM = 3;

function isCyrillic(code: number): boolean {
  return code >= 0x0400 && code <= 0x04ff;
}

// The stem of a folded word, or the word itself when it is short or not Cyrillic.
export function stemOf(word: string): string {
  if (word.length < 5 || !isCyrillic(word.charCodeAt(0)) || !isCyrillic(word.charCodeAt(word.length - 1))) return word;
  for (const { n, set } of BY_LENGTH) {
    if (word.length - n >= MIN_STEM && set.has(word.slice(-n))) return word.slice(0, -n);
  }
  return word;
}
