import { describe, expect, it } from "vitest";
import { readReason } from "./reason";

const party = (code: string, coverDays: number | null, velocity: number) => ({ locationId: 1, code, name: `${code} name`, type: "STORE", atp: 4, velocity, coverDays });

describe("readReason", () => {
  it("reads what the suggestion run stores", () => {
    const json = {
      reason: { codes: ["DESTINATION_UNDERSTOCKED", "NEAREST_SOURCE"], destination: party("ST-A", 2, 6), source: party("ST-B", null, 0), distanceKm: 30.2, sourceRank: 1 },
      effect: { horizonDays: 28, destinationCoverBefore: 2, destinationCoverAfter: 9, stockOutDaysBefore: 26, stockOutDaysAfter: 19, stockOutDaysAvoided: 7, lostSalesAvoided: 42, sourceCoverAfter: null },
      packSize: 6,
    };
    expect(readReason(json)).toEqual({
      codes: ["DESTINATION_UNDERSTOCKED", "NEAREST_SOURCE"],
      destination: { code: "ST-A", name: "ST-A name", coverDays: 2, velocity: 6, atp: 4 },
      source: { code: "ST-B", name: "ST-B name", coverDays: null, velocity: 0, atp: 4 },
      distanceKm: 30.2,
      effect: { horizonDays: 28, coverBefore: 2, coverAfter: 9, stockOutDaysAvoided: 7, lostSalesAvoided: 42 },
    });
  });

  it("accepts a bare reason and ignores junk", () => {
    expect(readReason({ codes: ["SOURCE_OVERSTOCKED", 3] })).toEqual({ codes: ["SOURCE_OVERSTOCKED"], destination: null, source: null, distanceKm: null, effect: null });
    expect(readReason(null)).toBeNull();
    expect(readReason("text")).toBeNull();
    expect(readReason({ note: "manual" })).toBeNull();
  });
});
