import { describe, expect, it } from "vitest";
import { isTimeZone, offsetLabel, timeZoneChoices, utcToZoned, zonedToUtc } from "./zoned-time";

const utc = (local: string, zone: string) => {
  const r = zonedToUtc(local, zone);
  return r.ok ? r.date.toISOString() : r.reason;
};

describe("zonedToUtc", () => {
  it("reads a wall time in a fixed-offset zone", () => {
    expect(utc("2026-12-01T10:00", "Asia/Shanghai")).toBe("2026-12-01T02:00:00.000Z");
    expect(utc("2026-01-01T00:00", "Asia/Shanghai")).toBe("2025-12-31T16:00:00.000Z");
    expect(utc("2026-06-15T12:30", "UTC")).toBe("2026-06-15T12:30:00.000Z");
    expect(utc("2026-06-15T12:30", "Asia/Kathmandu")).toBe("2026-06-15T06:45:00.000Z");
  });

  it("uses the offset in force on that day in a daylight-saving zone", () => {
    expect(utc("2026-01-15T09:00", "America/New_York")).toBe("2026-01-15T14:00:00.000Z");
    expect(utc("2026-07-15T09:00", "America/New_York")).toBe("2026-07-15T13:00:00.000Z");
    expect(utc("2026-07-15T09:00", "Europe/Berlin")).toBe("2026-07-15T07:00:00.000Z");
    // Southern hemisphere: summer time in January.
    expect(utc("2026-01-15T09:00", "Australia/Sydney")).toBe("2026-01-14T22:00:00.000Z");
    expect(utc("2026-07-15T09:00", "Australia/Sydney")).toBe("2026-07-14T23:00:00.000Z");
  });

  it("refuses a time the clocks skip when daylight saving starts", () => {
    // New York, 8 March 2026: 02:00 EST becomes 03:00 EDT.
    expect(utc("2026-03-08T02:30", "America/New_York")).toBe("nonexistent");
    expect(utc("2026-03-08T01:59", "America/New_York")).toBe("2026-03-08T06:59:00.000Z");
    expect(utc("2026-03-08T03:00", "America/New_York")).toBe("2026-03-08T07:00:00.000Z");
    // Berlin, 29 March 2026: 02:00 CET becomes 03:00 CEST.
    expect(utc("2026-03-29T02:15", "Europe/Berlin")).toBe("nonexistent");
  });

  it("takes the first of a time the clocks show twice when daylight saving ends", () => {
    // New York, 1 November 2026: 01:00–02:00 happens in EDT, then again in EST.
    expect(utc("2026-11-01T01:30", "America/New_York")).toBe("2026-11-01T05:30:00.000Z");
    expect(utc("2026-11-01T02:00", "America/New_York")).toBe("2026-11-01T07:00:00.000Z");
    expect(utc("2026-10-25T02:30", "Europe/Berlin")).toBe("2026-10-25T00:30:00.000Z");
  });

  it("refuses malformed input and unknown zones", () => {
    for (const bad of ["2026-12-01", "2026-12-01 10:00", "2026-02-30T10:00", "2026-13-01T10:00", "2026-12-01T24:00", "2026-12-01T10:60", ""]) {
      expect(utc(bad, "Asia/Shanghai"), bad).toBe("format");
    }
    expect(utc("2026-12-01T10:00", "Mars/Olympus")).toBe("zone");
    expect(utc("2026-12-01T10:00", "")).toBe("zone");
  });

  it("round-trips with utcToZoned on every hour of a year with two transitions", () => {
    const zone = "America/New_York";
    for (let t = Date.UTC(2026, 0, 1); t < Date.UTC(2027, 0, 1); t += 3_600_000) {
      const local = utcToZoned(new Date(t), zone);
      const back = zonedToUtc(local, zone);
      expect(back.ok).toBe(true);
      // The repeated hour maps back to its first occurrence; every other hour to itself.
      if (back.ok && back.date.getTime() !== t) expect(t - back.date.getTime()).toBe(3_600_000);
    }
  });
});

describe("utcToZoned and offsetLabel", () => {
  it("shows the wall time and offset of the zone", () => {
    const d = new Date("2026-12-01T02:00:00Z");
    expect(utcToZoned(d, "Asia/Shanghai")).toBe("2026-12-01T10:00");
    expect(utcToZoned(d, "America/New_York")).toBe("2026-11-30T21:00");
    expect(utcToZoned(new Date("2026-12-31T16:00:00Z"), "Asia/Shanghai")).toBe("2027-01-01T00:00");
    expect(offsetLabel(d, "Asia/Shanghai")).toBe("UTC+08:00");
    expect(offsetLabel(d, "America/New_York")).toBe("UTC−05:00");
    expect(offsetLabel(new Date("2026-07-01T00:00:00Z"), "America/New_York")).toBe("UTC−04:00");
    expect(offsetLabel(d, "Asia/Kathmandu")).toBe("UTC+05:45");
    expect(offsetLabel(d, "UTC")).toBe("UTC+00:00");
  });
});

describe("isTimeZone and timeZoneChoices", () => {
  it("knows IANA zones", () => {
    expect(isTimeZone("Asia/Shanghai")).toBe(true);
    expect(isTimeZone("UTC")).toBe(true);
    expect(isTimeZone("Europe/Nowhere")).toBe(false);
    expect(isTimeZone("")).toBe(false);
  });

  it("offers the default zone first and every choice is valid", () => {
    const zones = timeZoneChoices();
    expect(zones[0]).toBe("Asia/Shanghai");
    expect(zones).toContain("America/New_York");
    expect(new Set(zones).size).toBe(zones.length);
    for (const z of zones) expect(isTimeZone(z), z).toBe(true);
  });
});
