import { z } from "zod";
import { requireActionUser } from "@/lib/auth/session";
import { authorize } from "@/lib/auth/authorize";
import { errorResponse, readJsonBody } from "@/lib/api/http";
import { AppError } from "@/lib/errors";
import { leavePresence, listPresence, recordPresence } from "@/lib/presence/presence";

export const dynamic = "force-dynamic";

const id = z.coerce.number().int().positive();
const target = z.object({ brandId: id, conversationId: id });
// `view`: the page view's own random id, so requests of one view that arrive out of order stay in order.
const beat = target.extend({ state: z.enum(["viewing", "typing", "left"]), view: z.string().regex(/^[A-Za-z0-9-]{8,64}$/).optional() });

function parse<T extends z.ZodType>(schema: T, value: unknown): z.output<T> {
  const result = schema.safeParse(value);
  if (!result.success) throw new AppError("bad_request:presence", result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; "));
  return result.data;
}

// A one-time password opens nothing but the form that replaces it.
const signedIn = requireActionUser;

// GET: who else has the conversation open. POST: the caller's heartbeat (viewing / typing / left).
export async function GET(request: Request) {
  try {
    const user = await signedIn();
    const input = parse(target, Object.fromEntries(new URL(request.url).searchParams));
    authorize({ actor: { kind: "member", user }, brandId: input.brandId, needs: "agent" });
    const others = await listPresence({ brandId: input.brandId, conversationId: input.conversationId, excludeUserId: user.id });
    return Response.json({ others }, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return errorResponse(error);
  }
}

export async function POST(request: Request) {
  try {
    const user = await signedIn();
    const input = parse(beat, await readJsonBody(request, { limit: 1024 }));
    authorize({ actor: { kind: "member", user }, brandId: input.brandId, needs: "agent" });
    if (input.state === "left") {
      await leavePresence({ brandId: input.brandId, conversationId: input.conversationId, userId: user.id, view: input.view ?? null });
      return Response.json({ others: [] });
    }
    const others = await recordPresence({ brandId: input.brandId, conversationId: input.conversationId, userId: user.id, state: input.state, view: input.view ?? null });
    return Response.json({ others }, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return errorResponse(error);
  }
}
