import { describe, expect, it } from "vitest";
import { hasBlankParams, isFiltered, orderListHref, pageLinks, parseOrderQuery, placedWindow } from "./list-query";

describe("parseOrderQuery", () => {
  it("reads every filter and the page", () => {
    const { query, problems } = parseOrderQuery({ channel: "TMALL", status: "SHIPPED", shipFrom: "DC-EAST", from: "2026-11-01", to: "2026-11-11", q: " CON-1 ", page: "3" });
    expect(problems).toEqual([]);
    expect(query).toEqual({ channel: "TMALL", status: "SHIPPED", shipFrom: "DC-EAST", from: "2026-11-01", to: "2026-11-11", q: "CON-1", page: 3 });
  });

  it("reports bad parameters one by one and keeps the rest", () => {
    const { query, problems } = parseOrderQuery({ status: "LOST", from: "2026-02-30", page: "0", channel: "JD", extra: "x" });
    expect(query).toEqual({ channel: "JD", page: 1 });
    expect(problems.map((p) => p.param)).toEqual(["status", "from", "page"]);
  });

  it("drops an end day before the start day", () => {
    const { query, problems } = parseOrderQuery({ from: "2026-11-10", to: "2026-11-01" });
    expect(query.to).toBeUndefined();
    expect(problems).toEqual([{ param: "to", value: "2026-11-01", message: "before the start day 2026-11-10" }]);
  });

  it("refuses a parameter given twice and ignores blank ones", () => {
    expect(parseOrderQuery({ status: ["SHIPPED", "CANCELLED"], q: "  " }).problems).toEqual([{ param: "status", value: "SHIPPED, CANCELLED", message: "given more than once" }]);
    expect(hasBlankParams({ q: "", page: "2" })).toBe(true);
    expect(hasBlankParams({ q: "x", other: "" })).toBe(false);
  });
});

describe("orderListHref", () => {
  it("leaves out defaults and keeps the other filters when one changes", () => {
    const { query } = parseOrderQuery({ channel: "JD", page: "4" });
    expect(orderListHref(query)).toBe("/orders?channel=JD&page=4");
    expect(orderListHref(query, { status: "READY", page: 1 })).toBe("/orders?channel=JD&status=READY");
    expect(orderListHref({ page: 1 })).toBe("/orders");
    expect(isFiltered({ page: 3 })).toBe(false);
    expect(isFiltered({ page: 1, q: "x" })).toBe(true);
  });
});

describe("placedWindow", () => {
  it("covers whole days in the business time zone", () => {
    const w = placedWindow({ from: "2026-11-11", to: "2026-11-11" }, "Asia/Shanghai");
    expect(w.since?.toISOString()).toBe("2026-11-10T16:00:00.000Z");
    expect(w.before?.toISOString()).toBe("2026-11-11T16:00:00.000Z");
    expect(placedWindow({}, "Asia/Shanghai")).toEqual({ since: undefined, before: undefined });
  });

  it("handles a month end and a daylight-saving zone", () => {
    expect(placedWindow({ to: "2026-11-30" }, "Asia/Shanghai").before?.toISOString()).toBe("2026-11-30T16:00:00.000Z");
    // New York leaves daylight saving on 1 Nov 2026: that day lasts 25 hours.
    const w = placedWindow({ from: "2026-11-01", to: "2026-11-01" }, "America/New_York");
    expect((w.before!.getTime() - w.since!.getTime()) / 3_600_000).toBe(25);
  });
});

describe("pageLinks", () => {
  it("shows the ends and the pages around the current one, with gaps", () => {
    expect(pageLinks(1, 1)).toEqual([1]);
    expect(pageLinks(1, 5)).toEqual([1, 2, 3, null, 5]);
    expect(pageLinks(10, 20)).toEqual([1, null, 8, 9, 10, 11, 12, null, 20]);
    expect(pageLinks(4, 6)).toEqual([1, 2, 3, 4, 5, 6]);
  });
});
