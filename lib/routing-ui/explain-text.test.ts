import { describe, expect, it } from "vitest";
import { translator } from "@/lib/i18n";
import { countText, formatKm, groupFiltered, marginText, valueShort, valueText, winnerReasonText } from "./explain-text";

const en = translator("en");
const zh = translator("zh-CN");

describe("formatKm", () => {
  it("keeps one decimal, and the metres of a small distance", () => {
    expect(formatKm("en", 12.345)).toBe("12.3");
    expect(formatKm("en", 0.004)).toBe("0.004");
    expect(formatKm("en", 0)).toBe("0.0");
    expect(formatKm("en", 1234.5)).toBe("1,234.5");
  });
});

describe("valueText", () => {
  it("words each rule's value", () => {
    expect(valueText(en, "en", { kind: "fill", shippedUnits: 3, backOrderedUnits: 0 })).toBe("3/3 units shipped");
    expect(valueText(en, "en", { kind: "fill", shippedUnits: 3, backOrderedUnits: 2 })).toBe("3/5 units shipped, 2 back-ordered");
    expect(valueText(en, "en", { kind: "nearest", measure: "weighted", km: 12.34 })).toBe("mean 12.3 km");
    expect(valueText(en, "en", { kind: "nearest", measure: "max", km: 99 })).toBe("farthest 99.0 km");
    expect(valueText(en, "en", { kind: "complete", shipments: 1 })).toBe("1 shipment");
    expect(valueText(en, "en", { kind: "complete", shipments: 2 })).toBe("2 shipments");
    expect(valueText(en, "en", { kind: "designated", units: [3, 0], otherUnits: 1 })).toBe("from the list 3 · 0; elsewhere 1");
    expect(valueText(en, "en", { kind: "lowestCost", cents: 3150 })).toBe("cost ¥31.50");
    expect(valueText(zh, "zh-CN", { kind: "complete", shipments: 2 })).toBe("2 个包裹");
  });
});

describe("valueShort", () => {
  it("gives the bare number", () => {
    expect(valueShort(en, "en", { kind: "fill", shippedUnits: 2, backOrderedUnits: 1 })).toBe("2/3");
    expect(valueShort(en, "en", { kind: "nearest", measure: "max", km: 1.25 })).toBe("1.3 km");
    expect(valueShort(en, "en", { kind: "complete", shipments: 2 })).toBe("2");
    expect(valueShort(en, "en", { kind: "designated", units: [2, 0], otherUnits: 1 })).toBe("2 · 0 | 1");
    expect(valueShort(zh, "zh-CN", { kind: "lowestCost", cents: 1583 })).toBe("¥15.83");
  });
});

describe("marginText", () => {
  it("says by how much, or nothing when no number does", () => {
    expect(marginText(en, "en", { kind: "nearest", measure: "weighted", km: 1 }, 33.25)).toBe("33.3 km closer");
    expect(marginText(en, "en", { kind: "complete", shipments: 1 }, 1)).toBe("1 shipment fewer");
    expect(marginText(en, "en", { kind: "lowestCost", cents: 100 }, 250)).toBe("¥2.50 cheaper");
    expect(marginText(en, "en", { kind: "nearest", measure: "weighted", km: 1 }, null)).toBe("");
  });
});

describe("winnerReasonText", () => {
  it("names the deciding rule, its position, both values, the runner-up and the margin", () => {
    const text = winnerReasonText(en, "en", {
      by: "ranker",
      rule: "complete",
      rankerIndex: 0,
      winner: { kind: "complete", shipments: 1 },
      runnerUp: { kind: "complete", shipments: 2 },
      margin: 1,
      runnerUpCodes: ["ST-SHA-001", "WH-01"],
    });
    expect(text).toBe("Rule 1, Complete, decided: 1 shipment against 2 shipments for the runner-up (ST-SHA-001 + WH-01), 1 shipment fewer.");
    const zhText = winnerReasonText(zh, "zh-CN", {
      by: "ranker",
      rule: "nearest",
      rankerIndex: 1,
      winner: { kind: "nearest", measure: "weighted", km: 10 },
      runnerUp: { kind: "nearest", measure: "weighted", km: 20 },
      margin: 10,
      runnerUpCodes: ["DC-E"],
    });
    expect(zhText).toBe("第 2 条规则「就近」决定：平均 10.0 公里，次优方案（DC-E）平均 20.0 公里，近 10.0 公里。");
  });
  it("words the tie-break and the plain cases", () => {
    expect(winnerReasonText(en, "en", { by: "tieBreak", tiedPlans: 2, codes: ["A"], runnerUpCodes: ["B"] })).toBe(
      "2 plans tied on every rule; the final tie-break (fewer shipments, then location code) chose A over B.",
    );
    expect(winnerReasonText(en, "en", { by: "onlyPlan" })).toMatch(/^Only one plan/);
    expect(winnerReasonText(en, "en", { by: "noCandidates" })).toMatch(/back-ordered/);
  });
});

describe("countText and groupFiltered", () => {
  it("marks floors", () => {
    expect(countText(en, "en", 5, true)).toBe("≥5");
    expect(countText(en, "en", 1200, false)).toBe("1,200");
  });
  it("groups by reason in first-seen order with sorted codes", () => {
    expect(
      groupFiltered([
        { code: "B", reason: "capacity" },
        { code: "C", reason: "noStock" },
        { code: "A", reason: "capacity" },
      ]),
    ).toEqual([
      { reason: "capacity", codes: ["A", "B"] },
      { reason: "noStock", codes: ["C"] },
    ]);
  });
});
