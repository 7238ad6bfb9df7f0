import { describe, expect, it } from "vitest";
import { businessDay, formatMoney, formatTime } from "./format";

describe("order formats", () => {
  it("shows yuan from cents", () => {
    expect(formatMoney("en", 129_900)).toBe("¥1,299.00");
    expect(formatMoney("zh-CN", 5)).toBe("¥0.05");
  });
  it("uses the business day and time zone", () => {
    expect(businessDay(new Date("2026-11-30T17:00:00Z"))).toBe("2026-12-01");
    expect(formatTime("en", new Date("2026-11-30T17:05:00Z"))).toBe("Dec 1, 2026, 1:05 AM");
  });
});
