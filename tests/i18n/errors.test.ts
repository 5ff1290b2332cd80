import fs from "node:fs";
import path from "node:path";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { AppError } from "@/lib/errors";
import { passwordProblem } from "@/lib/auth/password";
import { channelErrorText } from "@/lib/i18n/channel-errors";
import { catalogueError, errorText } from "@/lib/i18n/errors";
import { hideUnsupported, hideUnsupportedReason } from "@/lib/moderation/platform";
import { requireMayHide } from "@/lib/moderation/actions";
import { en, type MessageKey } from "@/lib/i18n/messages";
import { session, sessionModule } from "../helpers/actions";
import type { SessionUser } from "@/lib/auth/access";

vi.mock("@/lib/auth/session", () => sessionModule());
const { runAction } = await import("@/lib/auth/action-result");

function sources(dir: string): string {
  return fs
    .readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(".ts"))
    .map((entry) => fs.readFileSync(path.join(entry.parentPath, entry.name), "utf8"))
    .join("\n");
}

describe("errors raised in lib/ in the reader's language", () => {
  it("has a catalogue entry only for messages lib/ really raises, under the code it raises them with", () => {
    const lib = sources("lib");
    const specific = (Object.keys(en) as MessageKey[]).filter((key) => key.split(".").length > 2 && key.startsWith("errors."));
    expect(specific.length).toBeGreaterThan(30);
    for (const key of specific) {
      const [, kind, object] = key.split(".");
      // A message that names a value is raised by its code and variant (catalogueError), the variant
      // literal or a code lib/ computes (a password rule, a channel kind; tested below).
      if (lib.includes(`catalogueError("${kind}:${object}", `)) continue;
      expect(lib, key).toContain(`new AppError("${kind}:${object}", ${JSON.stringify(en[key])}`);
    }
  });

  it("raises coded errors with their values, English in the message and the reader's language through errorText", async () => {
    const refused = catalogueError("conflict:platform", "hide", { reason: "HTTP 403" });
    expect(refused.message).toBe("The platform refused to hide the comment: HTTP 403");
    expect(refused.status).toBe(409);
    expect(errorText({ error: refused, locale: "ru" })).toBe("Платформа отказалась скрыть комментарий: HTTP 403");
    expect(errorText({ error: refused, locale: "sq" })).toBe("Platforma refuzoi të fshehë komentin: HTTP 403");
    expect(() => catalogueError("conflict:platform", "nothing")).toThrow(/No catalogue entry/);
    // Every password rule and every channel that cannot hide has its entry.
    for (const password of ["short1", "x".repeat(201), "1111111111111", "onlyletterslong"]) {
      const problem = passwordProblem(password)!;
      const error = catalogueError("bad_request:password", problem);
      expect(errorText({ error, locale: "bg" })).not.toBe(error.message);
    }
    expect(catalogueError("bad_request:password", "short").message).toBe("Weak password: use at least 10 characters.");
    for (const kind of ["vk", "telegram", "email", "web", "api", "someday"]) {
      const error = catalogueError("bad_request:hide", `unsupported.${hideUnsupported(kind)}`);
      expect(error.message).toBe(hideUnsupportedReason(kind));
      expect(errorText({ error, locale: "ru" })).not.toBe(error.message);
    }
    expect(hideUnsupported("facebook")).toBeNull();
  });

  it("words lib/'s own refusals with values in the reader's language: hiding, duplicate names", () => {
    const refusal = (run: () => void) => {
      try {
        run();
      } catch (error) {
        return error as AppError;
      }
      throw new Error("not refused");
    };
    const notSpam = refusal(() => requireMayHide({ role: "agent", sentiment: "negative", reason: "spam", spam: false }));
    expect(notSpam.kind).toBe("forbidden");
    expect(errorText({ error: notSpam, locale: "bg" })).toMatch(/^Коментарът не прилича на спам/);
    const twin = catalogueError("conflict:name", "calendar", { name: "Office" });
    expect(twin.message).toBe("There is already a calendar called “Office”.");
    expect(errorText({ error: twin, locale: "ru" })).toBe("Календарь «Office» уже есть.");
    expect(errorText({ error: catalogueError("forbidden:role", "needs", { role: "manager", brand: "Air" }), locale: "ru" })).toBe("Для этого нужна роль руководителя в Air.");
    expect(errorText({ error: catalogueError("bad_request:labels", "max", { max: 20 }), locale: "ru" })).toBe("У обращения может быть не больше 20 меток.");
  });

  it("reads a channel's stored error in the reader's language, the platform's own words kept", () => {
    expect(channelErrorText({ text: "Poll failed: The platform did not answer in time", locale: "ru" })).toBe("Опрос не удался: Платформа не ответила вовремя");
    expect(channelErrorText({ text: "Poll failed: HTTP 503", locale: "bg" })).toBe("Проверката беше неуспешна: Платформата отговори с HTTP 503");
    expect(channelErrorText({ text: "Poll failed: Network error: connect ECONNREFUSED", locale: "sq" })).toBe("Kontrolli dështoi: Gabim rrjeti: connect ECONNREFUSED");
    expect(channelErrorText({ text: "Poll failed: Usage cap exceeded: Monthly product cap", locale: "ru" })).toBe("Опрос не удался: Usage cap exceeded: Monthly product cap");
    expect(channelErrorText({ text: "The stored credentials cannot be decrypted (was CREDENTIALS_KEY changed?).", locale: "ru" })).toContain("CREDENTIALS_KEY");
    expect(channelErrorText({ text: "The stored credentials cannot be decrypted (was CREDENTIALS_KEY changed?).", locale: "ru" })).not.toContain("cannot");
    expect(channelErrorText({ text: "Poll failed: HTTP 503", locale: "en" })).toBe("Poll failed: HTTP 503");
    expect(channelErrorText({ text: "Something else entirely", locale: "bg" })).toBe("Something else entirely");
    // The English entries are what lib/ writes.
    const lib = sources("lib");
    for (const key of (Object.keys(en) as MessageKey[]).filter((k) => k.startsWith("channels.error."))) {
      const fixed = en[key].split(/\{[a-z]+\}/i)[0];
      expect(lib, key).toContain(fixed);
    }
  });

  it("translates a worded lib/ message, a default one by its kind, and keeps a message worded at run time", () => {
    const hidden = new AppError("conflict:hide", "This comment is already hidden.");
    expect(errorText({ error: hidden, locale: "en" })).toBe("This comment is already hidden.");
    expect(errorText({ error: hidden, locale: "ru" })).toBe("Этот комментарий уже скрыт.");
    expect(errorText({ error: hidden, locale: "bg" })).toBe("Този коментар вече е скрит.");
    expect(errorText({ error: hidden, locale: "sq" })).toBe("Ky koment është fshehur tashmë.");
    const missing = new AppError("not_found:conversation");
    expect(errorText({ error: missing, locale: "en" })).toBe("The conversation was not found.");
    expect(errorText({ error: missing, locale: "bg" })).toBe("Не е намерено; може вече да е изтрито.");
    // The same English under another code is not this entry.
    expect(errorText({ error: new AppError("conflict:other", "This comment is already hidden."), locale: "sq" })).toBe("This comment is already hidden.");
    expect(errorText({ error: new AppError("bad_request:timezone", "Unknown time zone: Mars/Base"), locale: "ru" })).toBe("Unknown time zone: Mars/Base");
  });

  describe("through a server action", () => {
    beforeEach(() => {
      session.user = null;
    });
    const user = (locale: SessionUser["locale"]) => ({ id: 1, email: "a@b.c", name: "A", locale, memberships: [] }) as unknown as SessionUser;

    it("answers in the signed-in person's language, and an unexpected failure says nothing of its cause", async () => {
      session.user = user("sq");
      expect(await runAction({ text: "kept" }, () => Promise.reject(new AppError("bad_request:selection", "Select at least one conversation.")))).toEqual({
        error: "Zgjidhni të paktën një bisedë.",
        values: { text: "kept" },
      });
      session.user = user("bg");
      const spy = vi.spyOn(console, "error").mockImplementation(() => {});
      expect(await runAction({}, () => Promise.reject(new Error("SQLITE_BUSY: secret detail")))).toEqual({ error: "Нещо се обърка; нищо не е променено. Опитайте отново.", values: {} });
      spy.mockRestore();
      session.user = null;
      expect((await runAction({}, () => Promise.reject(new AppError("conflict:hide", "This comment is already hidden."))))?.error).toBe("This comment is already hidden.");
    });
  });
});
