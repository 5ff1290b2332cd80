import { widgetEndpoint, widgetPreflight } from "@/lib/widget/http";
import { requireVisitor } from "@/lib/widget/session";
import { postVisitorMessage, visitorMessages } from "@/lib/widget/conversation";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ key: string }> };

// The visitor's own conversation only: their token names them, signed and expiring.
export async function GET(request: Request, { params }: Params) {
  const { key } = await params;
  return widgetEndpoint(request, key, async ({ widget, token }) => ({ messages: await visitorMessages({ widget, visitorId: requireVisitor({ widget, token }) }) }));
}

export async function POST(request: Request, { params }: Params) {
  const { key } = await params;
  return widgetEndpoint(
    request,
    key,
    async ({ widget, token, ip, json }) => {
      const visitorId = requireVisitor({ widget, token });
      return { message: await postVisitorMessage({ widget, visitorId, ip, input: await json() }) };
    },
    { status: 201 },
  );
}

export async function OPTIONS(request: Request, { params }: Params) {
  return widgetPreflight(request, (await params).key);
}
