import { z } from "zod";
import { localeFromHeader, translator, type Translate } from "@/lib/i18n/messages";
import { unsubscribeByToken } from "@/lib/reports/weekly/subscriptions";
import { escapeHtml } from "@/lib/security/html";

const querySchema = z.object({ u: z.coerce.number().int().positive(), b: z.coerce.number().int().positive(), t: z.string().min(10).max(100) });


function page({ status = 200, lang, title, body }: { status?: number; lang: string; title: string; body: string }): Response {
  const html = `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><title>${escapeHtml(title)}</title></head><body style="font-family:system-ui,sans-serif;max-width:32rem;margin:3rem auto;padding:0 1rem;line-height:1.5"><h1 style="font-size:1.25rem">${escapeHtml(title)}</h1>${body}</body></html>`;
  return new Response(html, { status, headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" } });
}

const invalid = (t: Translate, lang: string) => page({ status: 404, lang, title: t("reports.weekly.unsubscribeTitle"), body: `<p>${escapeHtml(t("reports.weekly.badLink"))}</p>` });

// The link in a weekly report e-mail: the signed token is the authorization (no session). GET
// only asks, so a mail scanner following links unsubscribes nobody; POST (the button, or a mail
// client's RFC 8058 one-click) unsubscribes.
export async function GET(request: Request) {
  const lang = localeFromHeader(request.headers.get("accept-language"));
  const t = translator(lang);
  const parsed = querySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) return invalid(t, lang);
  const action = `?${new URLSearchParams({ u: String(parsed.data.u), b: String(parsed.data.b), t: parsed.data.t })}`;
  return page({
    lang,
    title: t("reports.weekly.unsubscribeTitle"),
    body: `<form method="post" action="${escapeHtml(action)}"><button type="submit" style="padding:.5rem 1rem;font-size:1rem">${escapeHtml(t("reports.weekly.unsubscribe"))}</button></form>`,
  });
}

export async function POST(request: Request) {
  const lang = localeFromHeader(request.headers.get("accept-language"));
  const t = translator(lang);
  const parsed = querySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) return invalid(t, lang);
  const done = await unsubscribeByToken({ userId: parsed.data.u, brandId: parsed.data.b, token: parsed.data.t });
  if (!done) return invalid(t, lang);
  return page({ lang, title: t("reports.weekly.unsubscribeTitle"), body: `<p>${escapeHtml(t("reports.weekly.unsubscribed", { brand: done.brand }))}</p>` });
}
