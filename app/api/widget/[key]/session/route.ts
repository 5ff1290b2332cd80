import { widgetEndpoint, widgetPreflight } from "@/lib/widget/http";
import { openVisitorSession } from "@/lib/widget/session";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ key: string }> };

// Public by design: a visitor of an allowed site starts or resumes their conversation.
export async function POST(request: Request, { params }: Params) {
  const { key } = await params;
  return widgetEndpoint(request, key, ({ widget, ip, token }) => openVisitorSession({ widget, token, ip }));
}

export async function OPTIONS(request: Request, { params }: Params) {
  return widgetPreflight(request, (await params).key);
}
