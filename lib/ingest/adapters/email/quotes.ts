// Splits an e-mail body into what the person wrote now and the quoted history and signature
// below it: classification reads only the first, the inbox shows the rest collapsed.

const ATTRIBUTION = [
  /^On .{1,200}wrote:\s*$/i,
  /^Le .{1,200}a écrit\s*:\s*$/i,
  /^Am .{1,200}schrieb .{0,200}:\s*$/i,
  /^.{1,200}(пишет|написал|написала|писа|shkroi)\s*:\s*$/i,
  /^-{2,}\s*(Original Message|Forwarded message|Исходное сообщение|Пересылаемое сообщение)\s*-{2,}\s*$/i,
  /^_{10,}\s*$/,
];
// Outlook's header block: "From: …" followed within a few lines by "Sent:" / "Date:".
const OUTLOOK_FROM = /^\*?(From|От|De|Von):\*?\s/i;
const OUTLOOK_NEXT = /^\*?(Sent|Date|Отправлено|Дата|Envoyé|Gesendet):\*?\s/i;
const SIGNATURE = [/^-- ?$/, /^Sent from my \w+/i, /^Отправлено с (моего )?\w+/i, /^Get Outlook for /i];

export type SplitBody = { text: string; quoted: string };

export function splitQuoted(body: string): SplitBody {
  const lines = body.replace(/\r\n?/g, "\n").split("\n");
  let cut = lines.length;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    if (ATTRIBUTION.some((re) => re.test(line)) || SIGNATURE.some((re) => re.test(lines[i]))) {
      cut = i;
      break;
    }
    // An attribution wrapped over two lines: "On Mon, … <ann@x>\nwrote:"
    if (i + 1 < lines.length && /^On .{1,200}$/i.test(line) && /^(.{0,100}\s)?wrote:\s*$/i.test(lines[i + 1].trim())) {
      cut = i;
      break;
    }
    if (OUTLOOK_FROM.test(line) && lines.slice(i + 1, i + 4).some((next) => OUTLOOK_NEXT.test(next.trim()))) {
      cut = i;
      break;
    }
    // A block of ">" lines that runs to the end (or to a signature) is the quoted history.
    if (line.startsWith(">") && lines.slice(i).every((rest) => rest.trim() === "" || rest.trim().startsWith(">"))) {
      cut = i;
      break;
    }
  }
  const text = lines.slice(0, cut).filter((line) => !line.trim().startsWith(">")).join("\n").trim();
  const quoted = lines.slice(cut).join("\n").trim();
  // A mail that is all quote (a forward with no words) keeps the quote as its text.
  if (!text && quoted) return { text: quoted, quoted: "" };
  return { text, quoted };
}
