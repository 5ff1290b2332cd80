import { parse } from "csv-parse/sync";

// A training file: the header names the columns; a row with another number of fields is skipped.
export function parseCsv(text: string): Record<string, string>[] {
  return parse(text, { bom: true, columns: true, record_delimiter: ["\r\n", "\n", "\r"], relax_quotes: true, skip_empty_lines: true, skip_records_with_error: true }) as Record<string, string>[];
}
