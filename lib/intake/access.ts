import { canAccess, type Role } from "@/lib/auth/roles";

// Stock intake changes network stock, so it is HQ's: store managers and brand partners may view inventory
// but not receive, count or adjust it here.
export const INTAKE_ROLES: readonly Role[] = ["HQ_ADMIN", "MERCHANDISER"];

export function canIntake(role: Role): boolean {
  return canAccess(role, "inventory") && INTAKE_ROLES.includes(role);
}
