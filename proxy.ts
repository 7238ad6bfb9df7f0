import { withAuth } from "next-auth/middleware";

// Anonymous visitors go to /login. Authorization itself is checked on the server for every page and action
// (lib/server/permissions.ts); this only saves a round trip.
export default withAuth({ pages: { signIn: "/login" } });

export const config = {
  matcher: ["/((?!login|api/auth|api/v1|_next/static|_next/image|favicon.ico|.*\\.(?:png|svg|ico|woff2)$).*)"],
};
