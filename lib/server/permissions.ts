import "server-only";
import { getServerSession } from "next-auth";
import { notFound, redirect } from "next/navigation";
import { canAccess, dataScope, type DataScope, type Section, type SessionUser } from "@/lib/auth/roles";
import { authOptions } from "./auth/options";

// The one permission gate: every page, server action and route handler goes through it.

export async function currentUser(): Promise<SessionUser | null> {
  const session = await getServerSession(authOptions);
  return session?.user ?? null;
}

export class AccessDenied extends Error {
  constructor(readonly status: 401 | 403, message: string) {
    super(message);
  }
}

/** For actions and route handlers: the caller and their data scope, or an AccessDenied error. */
export async function authorize(section: Section): Promise<{ user: SessionUser; scope: DataScope }> {
  const user = await currentUser();
  if (!user) throw new AccessDenied(401, "Sign in first.");
  if (!canAccess(user.role, section)) throw new AccessDenied(403, `Your role (${user.role}) cannot use ${section}.`);
  return { user, scope: dataScope(user) };
}

/** For pages: anonymous → login; a role without access → 404, so hidden sections are not even confirmed. */
export async function requireSection(section: Section): Promise<{ user: SessionUser; scope: DataScope }> {
  try {
    return await authorize(section);
  } catch (error) {
    if (!(error instanceof AccessDenied)) throw error;
    if (error.status === 401) redirect("/login");
    notFound();
  }
}
