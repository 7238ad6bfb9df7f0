import { describe, expect, it } from "vitest";
import { hasBlankParams, isFiltered, parseTransferQuery, transferListHref } from "./list-query";

describe("transfer list query", () => {
  it("parses the filters and round-trips them as a link", () => {
    const { query, problems } = parseTransferQuery({ status: "PROPOSED", from: "ST-SHA-001", to: "WH-01", sku: "NPK-1", origin: "MANUAL", page: "3" });
    expect(problems).toEqual([]);
    expect(query).toEqual({ status: "PROPOSED", from: "ST-SHA-001", to: "WH-01", sku: "NPK-1", origin: "MANUAL", page: 3 });
    expect(transferListHref(query)).toBe("/transfers?status=PROPOSED&from=ST-SHA-001&to=WH-01&sku=NPK-1&origin=MANUAL&page=3");
    expect(transferListHref(query, { page: 1, status: undefined })).toBe("/transfers?from=ST-SHA-001&to=WH-01&sku=NPK-1&origin=MANUAL");
    expect(isFiltered(query)).toBe(true);
  });

  it("reports bad parameters one by one and keeps the rest", () => {
    const { query, problems } = parseTransferQuery({ status: "LOST", from: "bad code!", page: "0", sku: ["A", "B"], origin: "MANUAL" });
    expect(query).toEqual({ origin: "MANUAL", page: 1 });
    expect(problems.map((p) => p.param)).toEqual(["status", "from", "sku", "page"]);
  });

  it("treats blank fields as unset and asks for the tidy link", () => {
    const raw = { status: "", sku: " ", page: undefined };
    expect(parseTransferQuery(raw).query).toEqual({ page: 1 });
    expect(hasBlankParams(raw)).toBe(true);
    expect(hasBlankParams({ status: "CLOSED" })).toBe(false);
    expect(transferListHref({ page: 1 })).toBe("/transfers");
    expect(isFiltered({ page: 4 })).toBe(false);
  });
});
