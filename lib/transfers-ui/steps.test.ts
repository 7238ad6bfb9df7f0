import { describe, expect, it } from "vitest";
import { transferErrorKey, transferSteps } from "./steps";

const HQ = { kind: "network" } as const;
const SRC = { kind: "location", locationId: 1 } as const;
const DST = { kind: "location", locationId: 2 } as const;
const OTHER = { kind: "location", locationId: 3 } as const;
const BRAND = { kind: "brand", brandId: 1 } as const;
const t = (status: Parameters<typeof transferSteps>[1]["status"]) => ({ status, fromLocationId: 1, toLocationId: 2 });

describe("transfer steps", () => {
  it("lets the source decide and ship, the destination receive and close, HQ do everything", () => {
    expect(transferSteps(SRC, t("PROPOSED"))).toEqual(["approve", "reject"]);
    expect(transferSteps(DST, t("PROPOSED"))).toEqual([]);
    expect(transferSteps(HQ, t("PROPOSED"))).toEqual(["approve", "reject", "force", "cancel"]);
    expect(transferSteps(SRC, t("REJECTED"))).toEqual([]);
    expect(transferSteps(HQ, t("REJECTED"))).toEqual(["force", "cancel"]);
    expect(transferSteps(SRC, t("APPROVED"))).toEqual(["ship"]);
    expect(transferSteps(HQ, t("APPROVED"))).toEqual(["ship", "cancel"]);
    expect(transferSteps(SRC, t("IN_TRANSIT"))).toEqual([]);
    expect(transferSteps(DST, t("IN_TRANSIT"))).toEqual(["receive"]);
    expect(transferSteps(DST, t("RECEIVED"))).toEqual(["close"]);
    expect(transferSteps(HQ, t("CLOSED"))).toEqual([]);
    expect(transferSteps(HQ, t("CANCELLED"))).toEqual([]);
  });

  it("gives other stores and brand partners nothing to do", () => {
    for (const s of ["PROPOSED", "APPROVED", "IN_TRANSIT", "RECEIVED", "REJECTED"] as const) {
      expect(transferSteps(OTHER, t(s))).toEqual([]);
      expect(transferSteps(BRAND, t(s))).toEqual([]);
    }
  });

  it("maps the workflow's refusals to messages", () => {
    expect(transferErrorKey("short")).toBe("transfers.error.short");
    expect(transferErrorKey("boom")).toBeNull();
  });
});
