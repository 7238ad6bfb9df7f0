import "server-only";
import { notFound, redirect } from "next/navigation";
import { dataScope, type DataScope, type SessionUser } from "@/lib/auth/roles";
import { canIntake } from "@/lib/intake/access";
import { AccessDenied, authorize } from "../permissions";

/** Refuses anyone but HQ (the data functions call this themselves, whoever calls them). */
export function assertIntakeAllowed(user: SessionUser): DataScope {
  if (!canIntake(user.role)) throw new AccessDenied(403, `Your role (${user.role}) cannot record stock intake; HQ does.`);
  return dataScope(user);
}

/** For server actions: the signed-in HQ user, or AccessDenied. */
export async function requireHq(): Promise<{ user: SessionUser; scope: DataScope }> {
  const { user } = await authorize("inventory");
  return { user, scope: assertIntakeAllowed(user) };
}

/** For the page: anonymous → login; other roles → 404, as for any section they cannot open. */
export async function requireHqPage(): Promise<{ user: SessionUser; scope: DataScope }> {
  try {
    return await requireHq();
  } catch (error) {
    if (!(error instanceof AccessDenied)) throw error;
    if (error.status === 401) redirect("/login");
    notFound();
  }
}
