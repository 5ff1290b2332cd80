import { convert } from "html-to-text";
import { simpleParser, type AddressObject, type ParsedMail } from "mailparser";
import type { InboundEventInput } from "@/lib/ingest/event";
import { automatedReason } from "./automated";
import { sanitizeMailHtml } from "./html";
import { splitQuoted } from "./quotes";
import { tokenInAddresses, tokenInIds } from "./token";

// One fetched mail → one InboundEvent. Only plain text is kept (an HTML-only mail is turned into
// text, scripts, styles and images dropped), so no markup, script or remote image ever reaches
// the inbox; attachments become references to their IMAP part, never content.

export type FetchedMail = { source: Buffer; uid: number; uidValidity: string; mailboxUrl: string };

const MAX_ID = 512;

export function normalizeMessageId(value: string | undefined | null): string | undefined {
  const id = value?.trim().replace(/^<|>$/g, "").trim();
  if (!id || /[\s<>]/.test(id) || id.length > MAX_ID - 2) return undefined;
  return `<${id}>`;
}

function idList(value: string | string[] | undefined): string[] {
  const raw = Array.isArray(value) ? value : value ? value.split(/\s+/) : [];
  return [...new Set(raw.flatMap((id) => normalizeMessageId(id) ?? []))].slice(-100);
}

function addresses(value: AddressObject | AddressObject[] | undefined): string[] {
  const list = Array.isArray(value) ? value : value ? [value] : [];
  return list.flatMap((o) => o.value.flatMap((a) => (a.address ? [a.address.toLowerCase()] : [])));
}

function headerLookup(mail: ParsedMail) {
  return (name: string) => {
    const value = mail.headers.get(name);
    if (value == null) return undefined;
    if (typeof value === "string") return value;
    if (typeof value === "object" && "value" in value) return String((value as { value: unknown }).value);
    return String(value);
  };
}

export async function mailToEvent({ mail: fetched, mailboxAddress }: { mail: FetchedMail; mailboxAddress: string }): Promise<InboundEventInput> {
  const mail = await simpleParser(fetched.source, { skipHtmlToText: true, skipTextToHtml: true, skipImageLinks: true });
  const header = headerLookup(mail);
  const fromAddress = addresses(mail.from)[0];
  const fromName = mail.from?.value[0]?.name || undefined;
  const ownId = normalizeMessageId(mail.messageId) ?? `<imap-${fetched.uidValidity}-${fetched.uid}@replyhour.invalid>`;
  const references = idList(mail.references);
  const inReplyTo = idList(mail.inReplyTo).at(-1) ?? references.at(-1);
  const body = (mail.text?.trim() ? mail.text : htmlAsText(mail.html)).slice(0, 100_000);
  const { text, quoted } = splitQuoted(body);
  const outbound = fromAddress != null && fromAddress === mailboxAddress.toLowerCase();
  const reason = automatedReason({ header, from: fromAddress, contentType: header("content-type") });
  const recipients = [...addresses(mail.to), ...addresses(mail.cc), ...(header("delivered-to")?.split(",") ?? [])];
  const token = tokenInAddresses(recipients) ?? tokenInIds([inReplyTo, ...references.toReversed()]);
  const subject = mail.subject?.trim().slice(0, 1000) || undefined;
  return {
    externalId: ownId,
    kind: "private_message",
    // The root of the chain names the conversation; a mail that answers nothing is its own root.
    threadId: references[0] ?? inReplyTo ?? ownId,
    inReplyTo: inReplyTo !== ownId ? inReplyTo : undefined,
    references: references.length ? references : undefined,
    author: { id: (fromAddress ?? "unknown@invalid").slice(0, 512), handle: fromAddress?.slice(0, 512), name: fromName?.slice(0, 1024) },
    text: text || subject || "",
    quoted: quoted || undefined,
    html: sanitizeMailHtml(mail.html) ?? undefined,
    subject,
    createdAt: (mail.date && !Number.isNaN(mail.date.getTime()) ? mail.date : new Date()).toISOString(),
    direction: outbound ? "outbound" : "inbound",
    automated: reason != null || undefined,
    attachments: attachmentRefs(mail, fetched),
    replyToken: token,
  };
}

function attachmentRefs(mail: ParsedMail, fetched: FetchedMail): InboundEventInput["attachments"] {
  const refs = mail.attachments.slice(0, 100).map((a, i) => ({
    kind: a.contentType.startsWith("image/") ? "image" : "file",
    // RFC 5092 IMAP URL of the message; the part is named by its position among attachments.
    url: `${fetched.mailboxUrl.replace(/\/+$/, "")};UIDVALIDITY=${fetched.uidValidity}/;UID=${fetched.uid}#attachment-${i + 1}`.slice(0, 4096),
    name: (a.filename ?? `attachment-${i + 1}`).slice(0, 512),
    size: a.size,
    contentType: a.contentType.slice(0, 255),
  }));
  return refs.length ? refs : undefined;
}

const SKIP = ["script", "style", "head", "img", "object", "iframe", "svg"].map((selector) => ({ selector, format: "skip" }));

export function htmlAsText(html: string | false | undefined): string {
  if (!html) return "";
  return convert(html, { wordwrap: false, selectors: [...SKIP, { selector: "a", options: { hideLinkHrefIfSameAsText: true } }] });
}
