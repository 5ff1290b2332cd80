import sanitizeHtml from "sanitize-html";
import { MAX_MAIL_HTML } from "@/lib/ingest/event";

// The HTML part of a mail, kept sanitised: no scripts, handlers, frames, forms, style sheets or
// remote fonts; images keep their address so an agent may ask to see them. Shown in a sandboxed
// frame whose own policy loads nothing from elsewhere unless the agent asked for images.

// Inline styles stay (mail layout lives in them), but never a url(): that would load from elsewhere.
const SAFE_VALUE = [/^(?![\s\S]*(url|expression|image-set)\s*\()[^<>]*$/i];
const STYLES = ["color", "background-color", "font-family", "font-size", "font-weight", "font-style", "text-align", "text-decoration", "line-height", "margin", "margin-top", "margin-bottom", "margin-left", "margin-right", "padding", "padding-top", "padding-bottom", "padding-left", "padding-right", "border", "border-top", "border-bottom", "border-left", "border-right", "border-collapse", "width", "max-width", "height", "vertical-align", "display"];
const CELL = ["colspan", "rowspan", "align", "valign", "width", "height", "style"];

const STORED: sanitizeHtml.IOptions = {
  allowedTags: [...sanitizeHtml.defaults.allowedTags, "img", "font", "center"],
  disallowedTagsMode: "discard",
  allowedAttributes: {
    "*": ["style", "dir", "lang", "title"],
    a: ["href", "name", "target", "rel"],
    img: ["src", "alt", "width", "height"],
    font: ["color", "face", "size"],
    table: ["width", "align", "border", "cellpadding", "cellspacing", "style"],
    td: CELL,
    th: CELL,
  },
  allowedSchemes: ["http", "https", "mailto"],
  allowedSchemesByTag: { img: ["http", "https", "data", "cid"] },
  allowProtocolRelative: false,
  allowedStyles: { "*": Object.fromEntries(STYLES.map((name) => [name, SAFE_VALUE])) },
  transformTags: {
    a: (tagName, attribs) => ({ tagName, attribs: { ...attribs, target: "_blank", rel: "noopener noreferrer nofollow" } }),
  },
};

/** The mail's HTML as stored; null when there is none, or nothing is left of it, or it is too large to show. */
export function sanitizeMailHtml(html: string | false | undefined): string | null {
  if (!html || html.length > MAX_MAIL_HTML * 5) return null;
  const clean = sanitizeHtml(html, STORED).trim();
  return clean && clean.length <= MAX_MAIL_HTML ? clean : null;
}

const REMOTE = /^https?:/i;

export function hasRemoteImages(html: string): boolean {
  let found = false;
  sanitizeHtml(html, { allowedTags: ["img"], allowedAttributes: { img: ["src"] }, allowedSchemes: ["http", "https", "data", "cid"], exclusiveFilter: (frame) => ((found ||= frame.tag === "img" && REMOTE.test(frame.attribs.src ?? "")), false) });
  return found;
}

/**
 * A complete document for a sandboxed iframe's srcdoc. Without remoteImages, every remote or cid:
 * image becomes its alt text and the policy allows only data: images; with it, https and http images load.
 */
export function mailHtmlDocument({ html, remoteImages = false }: { html: string; remoteImages?: boolean }): string {
  const body = sanitizeHtml(html, {
    ...STORED,
    transformTags: {
      ...STORED.transformTags,
      img: (tagName, attribs) => {
        const src = attribs.src ?? "";
        if (src.startsWith("data:") || (remoteImages && REMOTE.test(src))) return { tagName, attribs };
        return { tagName: "span", attribs: {}, text: attribs.alt ? `[${attribs.alt}]` : "[image]" };
      },
    },
  });
  const images = remoteImages ? "data: https: http:" : "data:";
  const policy = `default-src 'none'; img-src ${images}; style-src 'unsafe-inline'; form-action 'none'; base-uri 'none'`;
  return `<!doctype html><html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${policy}"><meta name="referrer" content="no-referrer"><style>body{font:14px/1.45 system-ui,sans-serif;margin:8px;color:#18181b;background:#fff;word-wrap:break-word}img{max-width:100%;height:auto}</style></head><body>${body}</body></html>`;
}
