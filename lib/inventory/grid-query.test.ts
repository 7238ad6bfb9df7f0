import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEFAULT_QUERY, GRID_SORTS, gridSearchParams, hasBlankParams, pageWindow, parseCodeParam, parseGridQuery, type GridQuery } from "./grid-query";

describe("parseGridQuery", () => {
  it("gives the defaults for no parameters", () => {
    expect(parseGridQuery({})).toEqual({ query: DEFAULT_QUERY, problems: [] });
  });
  it("reads every filter, sort and page", () => {
    const { query, problems } = parseGridQuery(
      new URLSearchParams("q=%20runner%20&brand=NPK&category=Down+jackets&type=STORE&region=EAST&location=WH-01&out=1&below=on&aged=true&sort=atp&dir=asc&page=3"),
    );
    expect(problems).toEqual([]);
    expect(query).toEqual({
      q: "runner", brand: "NPK", category: "Down jackets", type: "STORE", region: "EAST", location: "WH-01",
      out: true, below: true, aged: true, sort: "atp", dir: "asc", page: 3,
    });
  });
  it("sorts numbers largest-first and codes A→Z unless told otherwise", () => {
    expect(parseGridQuery({ sort: "onHand" }).query.dir).toBe("desc");
    expect(parseGridQuery({ sort: "location" }).query.dir).toBe("asc");
  });
  it("treats empty parameters as not set (an untouched GET form)", () => {
    expect(parseGridQuery({ q: "", brand: "", type: "", page: "" })).toEqual({ query: DEFAULT_QUERY, problems: [] });
  });
  it("names each bad parameter and keeps the good ones", () => {
    const { query, problems } = parseGridQuery({ sort: "price; DROP TABLE sku", page: "-2", type: "SHOP", brand: "NPK", out: "yes" });
    expect(problems.map((p) => p.param).sort()).toEqual(["out", "page", "sort", "type"]);
    expect(problems.find((p) => p.param === "sort")?.message).toMatch(/one of sku, location/);
    expect(query.brand).toBe("NPK");
    expect(query.sort).toBe("sku");
    expect(query.page).toBe(1);
  });
  it("refuses a parameter given twice rather than guessing", () => {
    expect(parseGridQuery({ brand: ["NPK", "SKYL"] }).problems).toEqual([{ param: "brand", value: "NPK, SKYL", message: "given more than once" }]);
  });
  it("refuses fractional and huge pages", () => {
    expect(parseGridQuery({ page: "1.5" }).problems).toHaveLength(1);
    expect(parseGridQuery({ page: "1e9" }).problems).toHaveLength(1);
  });
});

describe("hasBlankParams", () => {
  it("spots the blank fields a GET form sends", () => {
    expect(hasBlankParams(new URLSearchParams("q=&brand=NPK"))).toBe(true);
    expect(hasBlankParams(new URLSearchParams("brand=NPK&utm=") )).toBe(false);
    expect(hasBlankParams({})).toBe(false);
  });
});

describe("gridSearchParams", () => {
  const queries = fc.record({
    q: fc.option(fc.constantFrom("run", "ST-SHA", "羽绒"), { nil: undefined }),
    brand: fc.option(fc.constantFrom("NPK", "SKYL"), { nil: undefined }),
    category: fc.option(fc.constantFrom("Dresses", "Kids sets"), { nil: undefined }),
    type: fc.option(fc.constantFrom("WAREHOUSE" as const, "DC" as const, "STORE" as const), { nil: undefined }),
    region: fc.option(fc.constantFrom("EAST", "NORTH"), { nil: undefined }),
    location: fc.option(fc.constantFrom("WH-01", "ST-SHA-001"), { nil: undefined }),
    out: fc.boolean(),
    below: fc.boolean(),
    aged: fc.boolean(),
    sort: fc.constantFrom(...GRID_SORTS),
    dir: fc.constantFrom("asc" as const, "desc" as const),
    page: fc.integer({ min: 1, max: 500 }),
  });
  it("round-trips through parseGridQuery", () => {
    fc.assert(
      fc.property(queries, (q: GridQuery) => {
        expect(parseGridQuery(gridSearchParams(q))).toEqual({ query: q, problems: [] });
      }),
    );
  });
  it("leaves defaults out of links", () => {
    expect(gridSearchParams(DEFAULT_QUERY).toString()).toBe("");
    expect(gridSearchParams(DEFAULT_QUERY, { sort: "onHand", dir: "desc" }).toString()).toBe("sort=onHand");
  });
});

describe("pageWindow", () => {
  it("shows the ends and the pages around the current one", () => {
    expect(pageWindow(1, 1)).toEqual([1]);
    expect(pageWindow(1, 10)).toEqual([1, 2, 3, null, 10]);
    expect(pageWindow(6, 10)).toEqual([1, null, 4, 5, 6, 7, 8, null, 10]);
    expect(pageWindow(4, 5)).toEqual([1, 2, 3, 4, 5]);
  });
  it("lists each page once, in order, always including the current one", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 300 }), fc.integer({ min: 0, max: 300 }), (last, offset) => {
        const current = Math.min(last, 1 + offset);
        const pages = pageWindow(current, last).filter((p): p is number => p !== null);
        expect(pages).toContain(current);
        expect([...pages].sort((a, b) => a - b)).toEqual(pages);
        expect(new Set(pages).size).toBe(pages.length);
      }),
    );
  });
});

describe("parseCodeParam", () => {
  it("takes codes as they are, decoding a still-encoded segment once", () => {
    expect(parseCodeParam("NPK-DJ2401-BLK-M")).toBe("NPK-DJ2401-BLK-M");
    expect(parseCodeParam("A%20B")).toBe("A B");
  });
  it("refuses empty, overlong, control-character and broken codes", () => {
    expect(parseCodeParam("")).toBeNull();
    expect(parseCodeParam("x".repeat(65))).toBeNull();
    expect(parseCodeParam("a%00b")).toBeNull();
    expect(parseCodeParam("%E0%A4%A")).toBeNull();
  });
});
