// Who may open which part of the console, and whose numbers they see. Pure: the server enforces it
// (lib/server/permissions.ts); the navigation only mirrors it.

export const ROLES = ["HQ_ADMIN", "MERCHANDISER", "STORE_MANAGER", "BRAND_PARTNER"] as const;
export type Role = (typeof ROLES)[number];

export const SECTIONS = [
  "dashboard",
  "inventory",
  "channels",
  "routing",
  "orders",
  "transfers",
  "replenishment",
  "brands",
  "audit",
  "settings",
] as const;
export type Section = (typeof SECTIONS)[number];

export type SessionUser = {
  id: number;
  email: string;
  name: string;
  role: Role;
  locationId: number | null;
  brandId: number | null;
};

const HQ: Role[] = ["HQ_ADMIN", "MERCHANDISER"];

const ACCESS: Record<Section, readonly Role[]> = {
  dashboard: ROLES,
  inventory: ROLES,
  channels: HQ,
  routing: HQ,
  orders: [...HQ, "STORE_MANAGER"],
  transfers: ROLES,
  replenishment: [...HQ, "STORE_MANAGER"],
  brands: [...HQ, "BRAND_PARTNER"],
  audit: HQ,
  settings: ["HQ_ADMIN"],
};

export function canAccess(role: Role, section: Section): boolean {
  return ACCESS[section].includes(role);
}

export function sectionsFor(role: Role): Section[] {
  return SECTIONS.filter((s) => canAccess(role, s));
}

/** Whose stock a user's queries cover. Every data-layer query takes one of these. */
export type DataScope =
  | { kind: "network" }
  | { kind: "brand"; brandId: number }
  | { kind: "location"; locationId: number };

export function dataScope(user: Pick<SessionUser, "role" | "brandId" | "locationId">): DataScope {
  switch (user.role) {
    case "HQ_ADMIN":
    case "MERCHANDISER":
      return { kind: "network" };
    case "BRAND_PARTNER":
      if (user.brandId == null) throw new Error("brand partner without a brand");
      return { kind: "brand", brandId: user.brandId };
    case "STORE_MANAGER":
      if (user.locationId == null) throw new Error("store manager without a location");
      return { kind: "location", locationId: user.locationId };
  }
}
