import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import Database from "better-sqlite3";
import type { Browser } from "playwright-core";
import { choose, ingestToken, launch, postEvents, signIn } from "./browser";

let browser: Browser;
let token: string;
const base = () => inject("baseUrl");

beforeAll(async () => {
  browser = await launch();
  token = await ingestToken("prefs");
});
afterAll(async () => {
  await browser?.close();
});

const post = (events: unknown[]) => postEvents(token, events);

const readDb = <T>(sql: string, ...args: unknown[]) => {
  const db = new Database(inject("databasePath"), { readonly: true });
  try {
    return db.prepare(sql).get(...args) as T;
  } finally {
    db.close();
  }
};

describe("an agent's own settings and blocking a spammer", () => {
  it("switches the interface to Russian and back, and sets themselves away", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, inject("people").agent);
    await page.waitForURL(/\/inbox/);
    await choose(page, "Interface language", "Русский");
    await page.getByRole("navigation", { name: "Главное меню" }).getByRole("link", { name: "Входящие" }).waitFor();
    await page.getByRole("button", { name: "На связи" }).click();
    await page.getByRole("button", { name: "Нет на месте" }).waitFor();
    expect(readDb<{ available: number; locale: string }>("SELECT available, locale FROM users WHERE email = ?", inject("people").agent)).toEqual({ available: 0, locale: "ru" });
    await choose(page, "Язык интерфейса", "English");
    await page.getByRole("navigation", { name: "Main" }).waitFor();
    await page.getByRole("button", { name: "Away" }).click();
    await page.getByRole("button", { name: "Available" }).waitFor();
    await context.close();
  });

  it("blocks an author so their next message is noise; only a manager lifts it", async () => {
    const stamp = Date.now();
    await post([{ externalId: `spam-${stamp}`, text: "Cheap followers here, do you want some?", createdAt: new Date().toISOString(), author: { id: `spammer-${stamp}`, name: `Spammy ${stamp}` } }]);
    const agent = await (await browser.newContext()).newPage();
    await signIn(agent, inject("people").agent);
    await agent.waitForURL(/\/inbox/);
    const conversationId = readDb<{ conversation_id: number }>("SELECT conversation_id FROM messages WHERE external_id = ?", `spam-${stamp}`).conversation_id;
    await agent.goto(`${base()}/inbox?c=${conversationId}`);
    await agent.getByRole("heading", { name: new RegExp(`Spammy ${stamp}`) }).waitFor();
    await agent.getByRole("button", { name: "Block author" }).click();
    await agent.getByText("Author blocked").first().waitFor();
    await post([{ externalId: `spam2-${stamp}`, text: "Do you want cheap followers? Write me!", createdAt: new Date().toISOString(), author: { id: `spammer-${stamp}`, name: `Spammy ${stamp}` } }]);
    expect(readDb<{ category: string }>("SELECT category FROM messages WHERE external_id = ?", `spam2-${stamp}`).category).toBe("noise");
    expect(await agent.getByRole("button", { name: "Unblock author" }).count()).toBe(0);

    const manager = await (await browser.newContext()).newPage();
    await signIn(manager, inject("people").manager);
    await manager.waitForURL(/\/inbox/);
    await manager.goto(`${base()}/inbox?c=${conversationId}`);
    await manager.getByRole("button", { name: "Unblock author" }).click();
    await manager.getByText("Block lifted").waitFor();
    expect(readDb<{ blocked: number }>("SELECT blocked FROM contacts WHERE external_id = ?", `spammer-${stamp}`).blocked).toBe(0);
  });

  it("shows the composer in Russian to an agent who chose Russian", async () => {
    const stamp = Date.now();
    await post([{ externalId: `ru-${stamp}`, text: "Где мой заказ?", createdAt: new Date().toISOString(), author: { id: `ru-${stamp}`, name: `Иван ${stamp}` } }]);
    const context = await browser.newContext();
    const page = await context.newPage();
    try {
      await signIn(page, inject("people").agent);
      await page.waitForURL(/\/inbox/);
      await choose(page, "Interface language", "Русский");
      await page.getByRole("navigation", { name: "Главное меню" }).waitFor();
      const conversationId = readDb<{ conversation_id: number }>("SELECT conversation_id FROM messages WHERE external_id = ?", `ru-${stamp}`).conversation_id;
      await page.goto(`${base()}/inbox?c=${conversationId}`);
      const kinds = page.getByRole("radiogroup", { name: "Тип ответа" });
      await kinds.getByRole("radio", { name: "Публичный ответ" }).waitFor();
      await kinds.getByRole("radio", { name: "Внутренняя заметка" }).click();
      await page.getByRole("button", { name: "Добавить заметку" }).waitFor();
      expect(await page.locator("textarea[name=text]").getAttribute("placeholder")).toBe("Заметки видит только ваша команда; через @ можно упомянуть коллегу (клавиша n)");
      await page.getByRole("button", { name: /^Шаблоны/ }).click();
      await page.getByRole("dialog", { name: "Вставить шаблон" }).getByRole("combobox", { name: "Поиск по шаблонам" }).waitFor();
      expect(await page.getByRole("radio", { name: "Public reply" }).count()).toBe(0);
    } finally {
      // The other tests sign in as this agent and read English.
      const db = new Database(inject("databasePath"));
      db.prepare("UPDATE users SET locale = 'en' WHERE email = ?").run(inject("people").agent);
      db.close();
      await context.close();
    }
  });
});

describe("the inbox for a Russian-speaking agent", () => {
  it("shows the views, the list and the conversation toolbar in Russian, and answers in Russian", async () => {
    const stamp = Date.now();
    await post([{ externalId: `ru-inbox-${stamp}`, text: "Когда придёт мой заказ?", createdAt: new Date().toISOString(), author: { id: `ru-inbox-${stamp}`, name: `Мария ${stamp}` } }]);
    const setLocale = (locale: string) => {
      const db = new Database(inject("databasePath"));
      db.prepare("UPDATE users SET locale = ? WHERE email = ?").run(locale, inject("people").agent);
      db.close();
    };
    const context = await browser.newContext();
    const page = await context.newPage();
    try {
      setLocale("ru");
      await signIn(page, inject("people").agent);
      await page.waitForURL(/\/inbox/);
      const conversationId = readDb<{ conversation_id: number }>("SELECT conversation_id FROM messages WHERE external_id = ?", `ru-inbox-${stamp}`).conversation_id;
      await page.goto(`${base()}/inbox?view=open&c=${conversationId}`);
      const views = page.getByRole("navigation", { name: "Представления" });
      await views.getByRole("link", { name: /^Ждут ответа/ }).waitFor();
      await views.getByRole("link", { name: /^Без исполнителя/ }).waitFor();
      expect(await page.getByRole("searchbox", { name: "Поиск по обращениям" }).getAttribute("placeholder")).toBe("Поиск по сообщениям (клавиша /)");
      await page.getByRole("grid", { name: "Обращения" }).waitFor();
      const toolbar = page.getByRole("toolbar", { name: "Действия с обращением" });
      await page.getByRole("heading", { name: new RegExp(`Мария ${stamp}`) }).waitFor();
      await toolbar.getByRole("button", { name: "Решено" }).waitFor();
      await toolbar.getByRole("button", { name: /^Отложить/ }).waitFor();
      expect(await toolbar.getByRole("combobox", { name: "Приоритет" }).textContent()).toMatch(/^Приоритет: (срочный|высокий|обычный|низкий)▾$/);
      expect(await toolbar.getByRole("button", { name: "Resolve" }).count()).toBe(0);
      await toolbar.getByRole("button", { name: "Это шум" }).click();
      await page.getByRole("status").filter({ hasText: "Отмечено как шум: 1 обращение." }).waitFor();
    } finally {
      // The other tests sign in as this agent and read English.
      setLocale("en");
      await context.close();
    }
  });
});
