import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { getSecrets } from "@/lib/security/secrets";
import { checkSignIn } from "./sign-in";
import { clientAddress } from "@/lib/security/client-address";
import { checkSession, endSession, startSession } from "./sessions";

class LimitedSignIn extends CredentialsSignin {
  code = "limited";
}
class DisabledSignIn extends CredentialsSignin {
  code = "disabled";
}

const addressOf = (request: Request) => clientAddress(request.headers);

// Lazy config: secrets are read (or generated beside the database) on the first request, not at build.
export const { handlers, signIn, signOut } = NextAuth(() => ({
  secret: getSecrets().authSecret,
  trustHost: true,
  session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
  pages: { signIn: "/login" },
  // A wrong password is an expected outcome, counted in sign_in_attempts; only real faults are logged.
  logger: {
    error(error: Error) {
      const type = (error as Error & { type?: string }).type;
      if (type === "CredentialsSignin" || error.name === "CredentialsSignin") return;
      console.error("[auth]", error);
    },
  },
  providers: [
    Credentials({
      credentials: { email: { type: "email" }, password: { type: "password" } },
      async authorize(credentials, request) {
        const email = typeof credentials?.email === "string" ? credentials.email : "";
        const password = typeof credentials?.password === "string" ? credentials.password : "";
        if (!email || !password) return null;
        const result = await checkSignIn({ email, password, address: addressOf(request) });
        if (result.ok) {
          const sid = await startSession({ userId: result.userId, userAgent: request.headers.get("user-agent") ?? "", address: addressOf(request) });
          return { id: String(result.userId), sid };
        }
        if (result.reason === "limited") throw new LimitedSignIn();
        if (result.reason === "disabled") throw new DisabledSignIn();
        return null;
      },
    }),
  ],
  // Ending the session row signs the cookie out wherever it is; a null token also clears it.
  events: {
    async signOut(message) {
      const sid = "token" in message ? message.token?.sid : undefined;
      if (typeof sid === "string") await endSession({ sessionId: sid });
    },
  },
  callbacks: {
    // Runs on every auth() and every GET /api/auth/session: an ended, idle or too old session,
    // or a deactivated account, is refused and never renewed.
    async jwt({ token, user }) {
      if (user?.id) {
        token.uid = user.id;
        token.sid = (user as { sid?: string }).sid;
        return token;
      }
      const uid = Number(token.uid);
      if (typeof token.sid !== "string" || !Number.isInteger(uid)) return null;
      return (await checkSession({ sessionId: token.sid, userId: uid })) ? token : null;
    },
    session({ session, token }) {
      if (typeof token.uid === "string") session.user.id = token.uid;
      if (typeof token.sid === "string") (session as { sid?: string }).sid = token.sid;
      return session;
    },
  },
}));
