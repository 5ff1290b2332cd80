import { Parser } from "htmlparser2";
import { beforeAll, describe, expect, it } from "vitest";
import { channels } from "@/db/schema";
import { hasRemoteImages, mailHtmlDocument, sanitizeMailHtml } from "@/lib/ingest/adapters/email/html";
import { mailToEvent } from "@/lib/ingest/adapters/email/parse";
import { inboundEventSchema } from "@/lib/ingest/event";
import { ingestBatch } from "@/lib/ingest/pipeline";
import { threadMessages } from "@/lib/inbox/conversation";
import { resetSecretsCache } from "@/lib/security/secrets";
import { makeBrand, testDb } from "../../helpers/db";

beforeAll(() => {
  process.env.AUTH_SECRET = "html-auth-secret-0123456789abcdef";
  process.env.CREDENTIALS_KEY = "html-credentials-key-0123456789abcdef";
  resetSecretsCache();
});

const HOSTILE = `<html><head><style>body{background:url(http://track.example/bg.png)}</style>
<link rel="stylesheet" href="http://track.example/x.css"><script>alert(1)</script><base href="http://track.example/"></head>
<body onload="steal()" background="http://track.example/body.png">
<p style="color:#c00;background-image:url('https://track.example/p.png')">Where is my <b>order</b>?</p>
<img src="https://track.example/pixel.gif?u=ann" alt="logo" onerror="alert(1)" width="1">
<img src="//track.example/relative.gif"><img src="cid:part1@mail"><img srcset="https://track.example/2x.png 2x" src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">
<picture><source srcset="https://track.example/src.webp"></picture><video poster="https://track.example/poster.png"></video>
<table background="https://track.example/t.png"><tr><td style="font-family:x;background:url(https://track.example/td.png)">1</td></tr></table>
<svg><image href="https://track.example/svg.png"/></svg><iframe src="https://track.example/frame"></iframe>
<form action="https://track.example/post"><input name="card"></form>
<a href="javascript:alert(1)">click</a> <a href="https://shop.example/order/1">order page</a>
<object data="https://track.example/o.swf"></object><embed src="https://track.example/e"><audio src="https://track.example/a.mp3"></audio>
</body></html>`;

// Every address the document would load by itself (not links, which load only when followed).
function loadedUrls(document: string): string[] {
  const urls: string[] = [];
  const parser = new Parser({
    onopentag(name, attribs) {
      for (const attr of ["src", "srcset", "background", "poster", "data", "action", "formaction"]) if (attribs[attr]) urls.push(`${name}[${attr}]=${attribs[attr]}`);
      if (name === "link" || name === "base" || name === "image") urls.push(`${name}=${attribs.href ?? ""}`);
      if (name === "meta" && attribs["http-equiv"]?.toLowerCase() === "refresh") urls.push(`meta refresh=${attribs.content}`);
      for (const m of (attribs.style ?? "").matchAll(/url\(([^)]*)\)/gi)) urls.push(`style url=${m[1]}`);
    },
    ontext(text) {
      for (const m of text.matchAll(/url\(([^)]*)\)|@import\s+(\S+)/gi)) urls.push(`css=${m[1] ?? m[2]}`);
    },
  });
  parser.write(document);
  parser.end();
  return urls.filter((u) => !/=data:/.test(u));
}

const policyOf = (document: string) => /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(document)?.[1] ?? "";

describe("HTML mail", () => {
  it("is stored without scripts, handlers, frames, forms, style sheets or url() styles, keeping its images' addresses", () => {
    const stored = sanitizeMailHtml(HOSTILE)!;
    expect(stored).toContain("Where is my <b>order</b>?");
    for (const bad of ["<script", "onload", "onerror", "<iframe", "<form", "<input", "<link", "<base", "<style", "<object", "<embed", "<svg", "javascript:", "url(", "<video", "<audio", "background=", "srcset", "//track.example/relative"]) expect(stored).not.toContain(bad);
    expect(stored).toContain('src="https://track.example/pixel.gif?u=ann"');
    expect(stored).toContain('href="https://shop.example/order/1"');
    expect(stored).toMatch(/rel="noopener noreferrer nofollow"/);
    expect(hasRemoteImages(stored)).toBe(true);
    expect(sanitizeMailHtml("<script>x</script>")).toBeNull();
  });

  it("is shown by default loading nothing from elsewhere: remote images become their alt text and the frame's policy allows only data: images", () => {
    const document = mailHtmlDocument({ html: sanitizeMailHtml(HOSTILE)! });
    expect(loadedUrls(document)).toEqual([]);
    expect(document).toContain("[logo]");
    expect(document).not.toContain("track.example/pixel");
    expect(policyOf(document)).toBe("default-src 'none'; img-src data:; style-src 'unsafe-inline'; form-action 'none'; base-uri 'none'");
    // Even HTML that skipped the stored sanitising (an older row, an import) is cleaned when shown.
    expect(loadedUrls(mailHtmlDocument({ html: HOSTILE }))).toEqual([]);
  });

  it("loads remote images only when the agent asks, and then nothing but the images", () => {
    const document = mailHtmlDocument({ html: sanitizeMailHtml(HOSTILE)!, remoteImages: true });
    expect(loadedUrls(document)).toEqual(["img[src]=https://track.example/pixel.gif?u=ann"]);
    expect(policyOf(document)).toContain("img-src data: https: http:;");
    expect(policyOf(document)).toContain("default-src 'none'");
  });

  it("reaches the inbox sanitised from a multipart mail, with both views, and not at all for a plain-text mail", async () => {
    const { db } = testDb();
    const brand = await makeBrand({ db });
    const [channel] = await db.transaction((tx) => tx.insert(channels).values({ brandId: brand.id, kind: "email", name: "Support", accountId: "support@brand.example" }).returning());
    const multipart = [
      "From: Ann <ann@customer.example>",
      "To: support@brand.example",
      "Subject: Order",
      "Date: Mon, 02 Mar 2026 10:00:00 +0000",
      "Message-ID: <html1@customer.example>",
      "MIME-Version: 1.0",
      'Content-Type: multipart/alternative; boundary="b1"',
      "",
      "--b1",
      "Content-Type: text/plain; charset=utf-8",
      "",
      "Where is my order?",
      "--b1",
      "Content-Type: text/html; charset=utf-8",
      "",
      HOSTILE,
      "--b1--",
      "",
    ].join("\r\n");
    const plain = multipart.replace("<html1@", "<plain1@").replace(/--b1\r\nContent-Type: text\/html[\s\S]*?(?=--b1--)/, "");
    const receive = async (raw: string, uid: number) => {
      const event = await mailToEvent({ mail: { source: Buffer.from(raw), uid, uidValidity: "1", mailboxUrl: "imap://mail.brand.example:143/INBOX" }, mailboxAddress: "support@brand.example" });
      const [outcome] = await ingestBatch({ db, brandId: brand.id, items: [{ event: inboundEventSchema.parse(event), channelId: channel.id }], now: Date.parse("2026-03-02T10:01:00Z") });
      return Number(outcome.conversationId);
    };
    const [html] = await threadMessages({ db, conversationId: await receive(multipart, 1) });
    expect(html.text).toBe("Where is my order?");
    expect(loadedUrls(html.html!.document)).toEqual([]);
    expect(html.html!.withImages).toContain("https://track.example/pixel.gif");
    const [text] = await threadMessages({ db, conversationId: await receive(plain, 2) });
    expect(text.html).toBeNull();
  });

  it("is sanitised on the way in whatever the source (an API event with HTML)", async () => {
    const { db } = testDb();
    const brand = await makeBrand({ db });
    const [channel] = await db.transaction((tx) => tx.insert(channels).values({ brandId: brand.id, kind: "api", name: "API", accountId: null }).returning());
    const event = inboundEventSchema.parse({ externalId: "api-1", kind: "private_message", author: { id: "u1" }, text: "Hi", html: '<p onclick="x()">Hi</p><script>alert(1)</script>', createdAt: "2026-03-02T10:00:00Z" });
    const [outcome] = await ingestBatch({ db, brandId: brand.id, items: [{ event, channelId: channel.id }], now: Date.parse("2026-03-02T10:01:00Z") });
    const [message] = await threadMessages({ db, conversationId: Number(outcome.conversationId) });
    expect(message.html!.document).toContain("<p>Hi</p>");
    expect(message.html!.document).not.toMatch(/onclick|<script/);
  });
});
