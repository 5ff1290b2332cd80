import { IntlMessageFormat } from "intl-messageformat";

type Element = { type: number; value?: unknown; options?: Record<string, { value: Element[] }>; children?: Element[] };

// Element types of the ICU parser: 0 literal text, 7 the "#" of a plural, 8 a tag; every other one names an argument.
const LITERAL = 0;
const POUND = 7;
const TAG = 8;

/** The variables an ICU message takes (a plural's or select's own too), or throws if it does not parse. */
export function icuArguments(text: string, locale: string): string[] {
  const found = new Set<string>();
  const walk = (elements: Element[]) => {
    for (const el of elements) {
      if (el.type === TAG) found.add(`<${String(el.value)}>`);
      else if (el.type !== LITERAL && el.type !== POUND) found.add(String(el.value));
      for (const option of Object.values(el.options ?? {})) walk(option.value);
      if (el.children) walk(el.children);
    }
  };
  walk(new IntlMessageFormat(text, locale).getAst() as Element[]);
  return [...found].sort();
}

/** What keeps a language's catalogue from matching the English one: missing or extra keys, unparsable texts, other variables. */
export function catalogueProblems(english: Record<string, string>, other: Record<string, string>, locale: string): string[] {
  const problems: string[] = [];
  for (const key of Object.keys(english)) {
    if (!(key in other) || !other[key]) {
      problems.push(`${key}: missing`);
      continue;
    }
    try {
      const want = icuArguments(english[key], "en").join(",");
      const got = icuArguments(other[key], locale).join(",");
      if (want !== got) problems.push(`${key}: takes {${got}}, English takes {${want}}`);
    } catch (error) {
      problems.push(`${key}: ${(error as Error).message}`);
    }
  }
  for (const key of Object.keys(other)) if (!(key in english)) problems.push(`${key}: not in English`);
  return problems;
}
