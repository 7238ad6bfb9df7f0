import { describe, expect, it } from "vitest";
import { translator } from "@/lib/i18n";
import { formToRules, moveItem, rulesDiff, rulesIssueField, rulesToForm, splitCodes, type RulesForm } from "./rules-form";
import { changeText, filterText, rankerText, rulesSummary } from "./rules-text";

const ids = new Map([["WH-01", 1], ["ST-SHA-001", 7]]);
const idOf = (code: string) => ids.get(code);
const codeOf = (id: number) => [...ids].find(([, v]) => v === id)?.[0];
const en = translator("en");

const form = (over: Partial<RulesForm> = {}): RulesForm => ({
  maxSplits: "1",
  filters: [{ kind: "capability" }, { kind: "capacity" }],
  rankers: [{ kind: "complete" }, { kind: "nearest", measure: "weighted" }, { kind: "lowestCost" }],
  ...over,
});

describe("splitCodes", () => {
  it("splits on commas (also Chinese ones) and spaces, upper-cases and drops duplicates", () => {
    expect(splitCodes(" wh-01, ST-SHA-001，wh-01  DC-E ")).toEqual(["WH-01", "ST-SHA-001", "DC-E"]);
    expect(splitCodes("  ")).toEqual([]);
  });
});

describe("rules ↔ form", () => {
  it("round-trips stored rules through the form", () => {
    const rules = {
      maxSplits: 2,
      filters: [{ kind: "locationType" as const, types: ["STORE" as const, "WAREHOUSE" as const] }, { kind: "minAtpMargin" as const, units: 3 }, { kind: "exclude" as const, locationIds: [7] }],
      rankers: [{ kind: "designated" as const, locationIds: [7, 1] }, { kind: "nearest" as const, measure: "max" as const }],
      pickupOptions: 4,
    };
    const f = rulesToForm(rules, codeOf);
    expect(f.filters[0]).toEqual({ kind: "locationType", types: ["WAREHOUSE", "STORE"] });
    expect(f.rankers[0]).toEqual({ kind: "designated", codes: "ST-SHA-001, WH-01" });
    const back = formToRules(f, idOf);
    expect(back).toEqual({ ok: true, rules: { ...rules, filters: [{ kind: "locationType", types: ["WAREHOUSE", "STORE"] }, rules.filters[1], rules.filters[2]] } });
  });
  it("names unknown ids with #id", () => {
    expect(rulesToForm({ maxSplits: 0, filters: [{ kind: "exclude", locationIds: [99] }], rankers: [{ kind: "complete" }] }, codeOf).filters[0]).toEqual({ kind: "exclude", codes: "#99" });
  });
  it("reports numbers that are not whole and codes that are not locations, per field", () => {
    const r = formToRules(
      form({ maxSplits: "1.5", filters: [{ kind: "minAtpMargin", units: "abc" }, { kind: "exclude", codes: "WH-01, NOPE" }], rankers: [{ kind: "designated", codes: "X, Y" }] }),
      idOf,
    );
    expect(r).toEqual({
      ok: false,
      errors: {
        maxSplits: 'maxSplits "1.5" is not a whole number',
        "filters.0.units": 'units "abc" is not a whole number',
        "filters.1.codes": '"NOPE" is not the code of a location',
        "rankers.0.codes": '"X", "Y" are not codes of locations',
      },
    });
  });
  it("leaves ranges to the server schema: a negative margin converts", () => {
    expect(formToRules(form({ filters: [{ kind: "minAtpMargin", units: "-2" }] }), idOf)).toMatchObject({ ok: true, rules: { filters: [{ kind: "minAtpMargin", units: -2 }] } });
  });
  it("maps schema issue paths to form fields", () => {
    expect(rulesIssueField(["filters", 2, "units"])).toBe("filters.2.units");
    expect(rulesIssueField(["rankers", 0, "locationIds"])).toBe("rankers.0.codes");
    expect(rulesIssueField(["filters", 0, "locationIds", 3])).toBe("filters.0.codes");
    expect(rulesIssueField(["filters", 1, "types"])).toBe("filters.1.types");
    expect(rulesIssueField(["rankers"])).toBe("rankers");
    expect(rulesIssueField([])).toBe("rules");
  });
});

describe("moveItem", () => {
  it("moves and clamps", () => {
    expect(moveItem(["a", "b", "c"], 0, 2)).toEqual(["b", "c", "a"]);
    expect(moveItem(["a", "b", "c"], 2, 0)).toEqual(["c", "a", "b"]);
    expect(moveItem(["a", "b", "c"], 1, 9)).toEqual(["a", "c", "b"]);
    expect(moveItem(["a", "b", "c"], 5, 0)).toEqual(["a", "b", "c"]);
  });
});

describe("rulesDiff and its wording", () => {
  it("finds nothing between equal versions, spacing of codes aside", () => {
    expect(rulesDiff(form({ rankers: [{ kind: "designated", codes: "wh-01,ST-SHA-001" }] }), form({ rankers: [{ kind: "designated", codes: "WH-01, ST-SHA-001" }] }))).toEqual([]);
  });
  it("reports splits, order, added, removed and changed rules and filters", () => {
    const after = form({
      maxSplits: "2",
      filters: [{ kind: "capability" }, { kind: "minAtpMargin", units: "2" }],
      rankers: [{ kind: "nearest", measure: "max" }, { kind: "complete" }, { kind: "designated", codes: "WH-01" }],
    });
    const changes = rulesDiff(form(), after);
    expect(changes.map((c) => c.kind)).toEqual(["maxSplits", "order", "rankerChanged", "rankerAdded", "rankerRemoved", "filterAdded", "filterRemoved"]);
    expect(changes.map((c) => changeText(en, c))).toEqual([
      "Max splits 1 → 2",
      "Rule order Complete → Nearest → Lowest cost becomes Nearest → Complete → Designated priority",
      "Nearest (quantity-weighted mean distance) becomes Nearest (farthest shipment)",
      "Added Designated priority: WH-01",
      "Removed Lowest cost",
      "Added Minimum ATP margin: 2 units",
      "Removed Daily capacity left",
    ]);
  });
  it("words filters, rules and a summary", () => {
    expect(filterText(en, { kind: "locationType", types: ["DC", "STORE"] })).toBe("Location type: Regional DC, Store");
    expect(filterText(en, { kind: "exclude", codes: "" })).toBe("Excluded locations: none listed");
    expect(rankerText(en, { kind: "lowestCost" })).toBe("Lowest cost");
    expect(rulesSummary(en, form())).toBe("Up to 1 split · Complete → Nearest → Lowest cost");
    expect(rulesSummary(en, form({ maxSplits: "0" }))).toBe("One shipment only · Complete → Nearest → Lowest cost");
  });
});
