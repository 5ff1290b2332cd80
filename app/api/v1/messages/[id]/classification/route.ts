import { writeRoute } from "@/lib/api/handlers";
import { OPERATIONS } from "@/lib/api/operations";
import { apiClassify } from "@/lib/api/write";

export async function POST(request: Request, ctx: { params: Promise<{ id: string }> }) {
  return writeRoute(request, ctx, OPERATIONS.classifyMessage, "message", apiClassify);
}
