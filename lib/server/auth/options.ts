import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import type { SessionUser } from "@/lib/auth/roles";
import { verifyLogin } from "./login";

/** Error codes the login form turns into messages (see lib/i18n). */
export const LOGIN_ERROR = { invalid: "INVALID_CREDENTIALS", throttled: "THROTTLED" } as const;

export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
  pages: { signIn: "/login" },
  providers: [
    CredentialsProvider({
      name: "Yipan",
      credentials: { email: { type: "email" }, password: { type: "password" } },
      async authorize(credentials) {
        const result = await verifyLogin(credentials);
        if (result.ok) return { ...result.user, id: String(result.user.id) };
        if (result.reason === "throttled") throw new Error(`${LOGIN_ERROR.throttled}:${result.retryAfterSeconds}`);
        throw new Error(LOGIN_ERROR.invalid);
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        const u = user as unknown as SessionUser & { id: string };
        token.user = { id: Number(u.id), email: u.email, name: u.name, role: u.role, locationId: u.locationId, brandId: u.brandId };
      }
      return token;
    },
    session({ session, token }) {
      session.user = token.user;
      return session;
    },
  },
};
