import { z } from "zod";
import type { ChannelKind } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { parseSender } from "@/lib/outbound/clients/email";
import { isRefusedHostLiteral } from "@/lib/security/outbound";
import { CREDENTIAL_FIELDS } from "./fields";

// A channel's configuration as operators write it (the admin CLI's --config JSON, the README's
// keys per kind): checked here, then stored as the encrypted credentials the Settings page keeps.

const SECRET_MASK = "•••";

const url = (protocols: string[], example: string) =>
  z.string().trim().refine((value) => {
    try {
      return protocols.includes(new URL(value).protocol);
    } catch {
      return false;
    }
  }, `must be a URL like ${example}`)
    .refine((value) => !URL.canParse(value) || !isRefusedHostLiteral(new URL(value).hostname), "is inside a private network; an operator can allow it with OUTBOUND_ALLOW_HOSTS");

const origin = z.string().trim().refine((value) => {
  try {
    const u = new URL(value);
    return (u.protocol === "https:" || u.protocol === "http:") && u.origin === value.replace(/\/$/, "");
  } catch {
    return false;
  }
}, "must be an origin like https://www.brand.example (scheme, host and port only)");

const emailConfig = z.strictObject({
  imapUrl: url(["imap:", "imaps:"], "imaps://imap.brand.example:993/INBOX"),
  smtpUrl: url(["smtp:", "smtps:"], "smtps://smtp.brand.example:465").optional(),
  user: z.string().trim().min(1).max(320),
  password: z.string().min(1).max(1000),
  from: z.string().trim().refine((value) => parseSender(value) != null, 'must be an address or "Name <address>"'),
});

const webConfig = z.strictObject({
  origins: z.array(origin).min(1).max(50),
  mode: z.enum(["chat", "form"]).default("chat"),
  showResponseTime: z.boolean().default(true),
});

function schemaOf(kind: ChannelKind): z.ZodType<Record<string, unknown>> {
  if (kind === "email") return emailConfig;
  if (kind === "web") return webConfig;
  return z.strictObject(Object.fromEntries(CREDENTIAL_FIELDS[kind].map(({ key }) => [key, z.string().trim().min(1).max(4096).optional()])));
}

/** The config checked for its kind and turned into the stored string form; refuses unknown keys. */
export function channelCredentials({ kind, config }: { kind: ChannelKind; config: unknown }): Record<string, string> {
  const parsed = schemaOf(kind).safeParse(config ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue.path.length ? `config.${issue.path.join(".")}` : "config";
    throw new AppError("bad_request:config", `${where}: ${issue.message}`);
  }
  const stored: Record<string, string> = {};
  for (const [key, value] of Object.entries(parsed.data)) {
    if (value === undefined) continue;
    stored[key] = typeof value === "string" ? value : JSON.stringify(value);
  }
  return stored;
}

/** The Settings form's e-mail fields, each checked when it is filled in. */
export function checkMailSettings(stored: Record<string, string>): void {
  const parsed = emailConfig.partial().strip().safeParse(stored);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AppError("bad_request:config", `${issue.path.join(".")}: ${issue.message}`);
  }
}

/** The stored credentials as config again, every secret shown as "•••". */
export function configView({ kind, credentials }: { kind: ChannelKind; credentials: Record<string, string> }): Record<string, unknown> {
  const secret = new Set(CREDENTIAL_FIELDS[kind].filter((f) => f.secret).map((f) => f.key));
  const typed = kind === "web" ? new Set(["origins", "showResponseTime"]) : new Set<string>();
  const view: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(credentials).sort(([a], [b]) => a.localeCompare(b))) {
    if (secret.has(key)) view[key] = SECRET_MASK;
    else if (typed.has(key)) view[key] = parseJson(value);
    else view[key] = value;
  }
  return view;
}

function parseJson(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}
