import { and, eq } from "drizzle-orm";
import { database, type Db } from "@/db/client";
import { brands, channels, slaPolicies, webChannels } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { computeFigure } from "@/lib/metrics/live";
import { policyCalendar } from "@/lib/sla/settings";
import { isOpenAt } from "@/lib/sla/calendar";
import type { WebMode } from "@/lib/channels/web";

export type Widget = { channelId: number; brandId: number; brandName: string; mode: WebMode; showResponseTime: boolean; origins: string[] };

const KEY = /^wc_[A-Za-z0-9_-]{20}$/;

/**
 * The web channel a public key names, for a request from `origin`. An unknown key, and a
 * paused channel, answer 404; an origin the brand did not allow answers 403 — before anything is read or stored.
 */
export async function openWidget({ db = database(), key, origin }: { db?: Db; key: string; origin: string | null }): Promise<Widget> {
  const [row] = KEY.test(key)
    ? await db
        .select({ channelId: webChannels.channelId, brandId: webChannels.brandId, brandName: brands.name, mode: webChannels.mode, showResponseTime: webChannels.showResponseTime, origins: webChannels.origins, status: channels.status })
        .from(webChannels)
        .innerJoin(channels, and(eq(channels.id, webChannels.channelId), eq(channels.brandId, webChannels.brandId)))
        .innerJoin(brands, eq(brands.id, webChannels.brandId))
        .where(eq(webChannels.publicKey, key))
        .limit(1)
    : [];
  if (!row || row.status === "paused") throw new AppError("not_found:widget", "No website widget has this key, or it is switched off.");
  if (!origin || !row.origins.includes(origin)) throw new AppError("forbidden:origin", `This site (${origin ?? "no origin"}) is not allowed to use this widget. An admin adds it in Settings → Channels.`);
  const { status: _status, ...widget } = row;
  return widget;
}

export type WidgetStatus = { online: boolean; responseSeconds: number | null };

const FIGURE_MS = 60_000;
const figures = new WeakMap<Db, Map<number, { at: number; seconds: number | null }>>();

// The public live figure, shown by the widget whether or not the brand's status page is on.
async function liveSeconds({ db, brandId, name, now }: { db: Db; brandId: number; name: string; now: number }): Promise<number | null> {
  const perDb = figures.get(db) ?? new Map<number, { at: number; seconds: number | null }>();
  figures.set(db, perDb);
  const hit = perDb.get(brandId);
  if (hit && now >= hit.at && now - hit.at < FIGURE_MS) return hit.seconds;
  const { displaySeconds } = await computeFigure({ db, brandId, name, now });
  perDb.set(brandId, { at: now, seconds: displaySeconds });
  return displaySeconds;
}

/** Whether the brand's team is within business hours at `at` (its default policy's calendar). */
export async function teamOnlineAt({ db, brandId, at }: { db: Db; brandId: number; at: number }): Promise<boolean> {
  const [policy] = await db
    .select({ calendarId: slaPolicies.calendarId })
    .from(slaPolicies)
    .where(and(eq(slaPolicies.brandId, brandId), eq(slaPolicies.isDefault, true)))
    .limit(1);
  const calendar = await policyCalendar({ db, brandId, calendarId: policy?.calendarId ?? null });
  return isOpenAt({ calendar, at: new Date(at) });
}

/** Whether the team is within business hours and, when allowed, the live figure. */
export async function widgetStatus({ db = database(), widget, now = Date.now() }: { db?: Db; widget: Widget; now?: number }): Promise<WidgetStatus> {
  const online = await teamOnlineAt({ db, brandId: widget.brandId, at: now });
  const responseSeconds = online && widget.showResponseTime && widget.mode === "chat" ? await liveSeconds({ db, brandId: widget.brandId, name: widget.brandName, now }) : null;
  return { online, responseSeconds };
}
