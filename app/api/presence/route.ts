import { z } from "zod";
import { getDb } from "@/db/client";
import { getSessionUser } from "@/lib/auth/session";
import { requireMembership } from "@/lib/auth/access";
import { errorResponse, readJsonBody } from "@/lib/api/http";
import { AppError } from "@/lib/errors";
import { leavePresence, listPresence, recordPresence } from "@/lib/presence/presence";

export const dynamic = "force-dynamic";

const id = z.coerce.number().int().positive();
const target = z.object({ brandId: id, conversationId: id });
const beat = target.extend({ state: z.enum(["viewing", "typing", "left"]) });

function parse<T extends z.ZodType>(schema: T, value: unknown): z.output<T> {
  const result = schema.safeParse(value);
  if (!result.success) throw new AppError("bad_request:presence", result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; "));
  return result.data;
}

async function signedIn() {
  const user = await getSessionUser();
  if (!user) throw new AppError("unauthorized:session");
  return user;
}

// GET: who else has the conversation open. POST: the caller's heartbeat (viewing / typing / left).
export async function GET(request: Request) {
  try {
    const user = await signedIn();
    const input = parse(target, Object.fromEntries(new URL(request.url).searchParams));
    requireMembership({ user, brandId: input.brandId });
    const others = listPresence({ db: getDb(), brandId: input.brandId, conversationId: input.conversationId, excludeUserId: user.id });
    return Response.json({ others }, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return errorResponse(error);
  }
}

export async function POST(request: Request) {
  try {
    const user = await signedIn();
    const input = parse(beat, await readJsonBody(request, { limit: 1024 }));
    requireMembership({ user, brandId: input.brandId });
    const db = getDb();
    if (input.state === "left") {
      leavePresence({ db, brandId: input.brandId, conversationId: input.conversationId, userId: user.id });
      return Response.json({ others: [] });
    }
    const others = recordPresence({ db, brandId: input.brandId, conversationId: input.conversationId, userId: user.id, state: input.state });
    return Response.json({ others }, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return errorResponse(error);
  }
}
