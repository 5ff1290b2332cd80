import { Readable } from "node:stream";
import { parse, type Options } from "csv-parse";
import { parse as parseSync } from "csv-parse/sync";

// RFC 4180 through csv-parse: quoted fields hold commas, CR/LF and doubled quotes. Lenient as
// exports in the wild need: any line ending in one file, stray quotes inside a field kept as
// text, rows of any length, and a broken record (an unterminated quote) skipped, never thrown.
export const CSV_OPTIONS: Options = {
  bom: true,
  record_delimiter: ["\r\n", "\n", "\r"],
  relax_quotes: true,
  relax_column_count: true,
  skip_empty_lines: true,
  skip_records_with_error: true,
};

export function parseCsv(text: string): string[][] {
  return parseSync(text, CSV_OPTIONS) as string[][];
}

/** The records of a CSV stream as they are parsed, so a large file never sits in memory whole. */
export async function* csvRecords(input: Readable | Iterable<string | Buffer> | AsyncIterable<string | Buffer>): AsyncGenerator<string[]> {
  const source = input instanceof Readable ? input : Readable.from(input);
  const parser = parse(CSV_OPTIONS);
  source.on("error", (error) => parser.destroy(error));
  source.pipe(parser);
  for await (const record of parser) yield record as string[];
}
