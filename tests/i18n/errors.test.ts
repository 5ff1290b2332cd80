import fs from "node:fs";
import path from "node:path";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { AppError } from "@/lib/errors";
import { errorText } from "@/lib/i18n/errors";
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
      expect(lib, key).toContain(`new AppError("${kind}:${object}", ${JSON.stringify(en[key])}`);
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
