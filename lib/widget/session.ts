import { database, type Db } from "@/db/client";
import { AppError } from "@/lib/errors";
import { widgetStatus, type Widget, type WidgetStatus } from "./channel";
import { visitorMessages, type VisitorMessage } from "./conversation";
import { issueVisitorToken, newVisitorId, verifyVisitorToken } from "./token";
import { limitRate, WIDGET_LIMITS } from "./rate-limit";

export type VisitorSession = {
  token: string;
  expiresAt: string;
  resumed: boolean;
  mode: Widget["mode"];
  brand: string;
  status: WidgetStatus;
  messages: VisitorMessage[];
};

/**
 * Starts a visitor (no token, or one that expired or is not of this channel) or resumes one,
 * handing back a token with a fresh expiry and the conversation so far.
 */
export async function openVisitorSession({ db = database(), widget, token, ip, now = Date.now() }: { db?: Db; widget: Widget; token: string | null; ip: string; now?: number }): Promise<VisitorSession> {
  const known = token ? verifyVisitorToken({ token, channelId: widget.channelId, now }) : null;
  if (!known) await limitRate({ db, key: `session:${ip}`, limit: WIDGET_LIMITS.ipSessions, what: "new visitors from this address", now });
  const visitorId = known ?? newVisitorId();
  const issued = issueVisitorToken({ channelId: widget.channelId, visitorId, now });
  return {
    ...issued,
    resumed: Boolean(known),
    mode: widget.mode,
    brand: widget.brandName,
    status: await widgetStatus({ db, widget, now }),
    messages: known ? await visitorMessages({ db, widget, visitorId }) : [],
  };
}

/** The visitor a request's token names; a missing, forged or expired token is a 401. */
export function requireVisitor({ widget, token, now = Date.now() }: { widget: Widget; token: string | null; now?: number }): string {
  const visitorId = token ? verifyVisitorToken({ token, channelId: widget.channelId, now }) : null;
  if (!visitorId) throw new AppError("unauthorized:visitor", "The visitor token is missing, invalid or expired; start a new session.");
  return visitorId;
}
