import { describe, expect, it } from "vitest";
import { canAccess, dataScope, ROLES, SECTIONS, sectionsFor } from "./roles";

describe("section access", () => {
  it("lets every role open the dashboard and inventory", () => {
    for (const role of ROLES) {
      expect(canAccess(role, "dashboard")).toBe(true);
      expect(canAccess(role, "inventory")).toBe(true);
    }
  });
  it("gives HQ admins every section", () => expect(sectionsFor("HQ_ADMIN")).toEqual([...SECTIONS]));
  it("keeps brand partners out of HQ-only sections", () => {
    for (const s of ["channels", "routing", "orders", "replenishment", "audit", "settings"] as const) {
      expect(canAccess("BRAND_PARTNER", s)).toBe(false);
    }
    expect(sectionsFor("BRAND_PARTNER")).toEqual(["dashboard", "inventory", "transfers", "brands"]);
  });
  it("gives store managers their operational sections only", () => {
    expect(sectionsFor("STORE_MANAGER")).toEqual(["dashboard", "inventory", "orders", "transfers", "replenishment"]);
  });
  it("keeps settings for HQ admins", () => expect(canAccess("MERCHANDISER", "settings")).toBe(false));
});

describe("dataScope", () => {
  it("scopes HQ to the network", () => {
    expect(dataScope({ role: "MERCHANDISER", brandId: null, locationId: null })).toEqual({ kind: "network" });
  });
  it("scopes a brand partner to their brand, whatever else is set", () => {
    expect(dataScope({ role: "BRAND_PARTNER", brandId: 7, locationId: 3 })).toEqual({ kind: "brand", brandId: 7 });
  });
  it("scopes a store manager to their location", () => {
    expect(dataScope({ role: "STORE_MANAGER", brandId: null, locationId: 3 })).toEqual({ kind: "location", locationId: 3 });
  });
  it("refuses an unbound brand partner rather than widening the scope", () => {
    expect(() => dataScope({ role: "BRAND_PARTNER", brandId: null, locationId: null })).toThrow();
  });
});
