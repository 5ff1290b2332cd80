import { jsonWithEtag } from "@/lib/api/handlers";
import { openApiDocument } from "@/lib/api/openapi";

// Public: the document describes the API, it holds no brand's data.
export async function GET(request: Request) {
  return jsonWithEtag(request, openApiDocument(), { "Access-Control-Allow-Origin": "*" });
}
