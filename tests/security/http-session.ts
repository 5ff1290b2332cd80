// Signs in through Auth.js's own credentials endpoint over HTTP, as a browser's form would,
// and returns the session cookie (or where a refused sign-in was sent).
export async function httpSignIn({ baseUrl, email, password, headers = {} }: { baseUrl: string; email: string; password: string; headers?: Record<string, string> }): Promise<{ cookie: string | null; location: string }> {
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`, { headers });
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const jar = csrf.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
  const response = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar, ...headers },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: `${baseUrl}/inbox` }),
  });
  await response.arrayBuffer();
  const session = response.headers.getSetCookie().find((c) => /^(__Secure-)?authjs\.session-token=/.test(c));
  return { cookie: session ? session.split(";")[0] : null, location: response.headers.get("location") ?? "" };
}
