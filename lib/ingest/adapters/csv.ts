/**
 * RFC 4180 CSV: quoted fields may hold commas, CR/LF and doubled quotes. Chunks may split a
 * record anywhere (even between the two quotes of an escaped quote), so large files stream.
 */
export function createCsvParser() {
  let field = "";
  let record: string[] = [];
  let inQuotes = false;
  let quotePending = false;
  let skipLf = false;
  let started = false;
  let out: string[][] = [];

  const endField = () => {
    record.push(field);
    field = "";
    started = false;
  };
  const endRecord = () => {
    endField();
    // A blank line is not a record worth returning.
    if (!(record.length === 1 && record[0] === "")) out.push(record);
    record = [];
  };

  function push(chunk: string): string[][] {
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk[i];
      if (skipLf) {
        skipLf = false;
        if (c === "\n") continue;
      }
      if (inQuotes) {
        if (quotePending) {
          quotePending = false;
          if (c === '"') {
            field += '"';
            continue;
          }
          inQuotes = false;
        } else if (c === '"') {
          quotePending = true;
          continue;
        } else {
          const close = chunk.indexOf('"', i);
          const end = close === -1 ? chunk.length : close;
          field += chunk.slice(i, end);
          i = end - 1;
          continue;
        }
      }
      if (c === '"' && !started) {
        inQuotes = true;
        started = true;
      } else if (c === ",") endField();
      else if (c === "\n") endRecord();
      else if (c === "\r") {
        endRecord();
        skipLf = true;
      } else {
        field += c;
        started = true;
      }
    }
    const ready = out;
    out = [];
    return ready;
  }

  function end(): string[][] {
    if (quotePending) quotePending = false;
    inQuotes = false;
    if (field !== "" || started || record.length > 0) endRecord();
    const ready = out;
    out = [];
    return ready;
  }

  return { push, end };
}

export function parseCsv(text: string): string[][] {
  const parser = createCsvParser();
  return [...parser.push(text), ...parser.end()];
}
