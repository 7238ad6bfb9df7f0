import { describe, expect, it } from "vitest";
import { addDays, dayTicks, layoutTimeline, MIN_WIDTH, position, timelineWindow } from "./timeline";

const zone = "Asia/Shanghai";
const at = (iso: string) => new Date(iso);

describe("timelineWindow", () => {
  it("starts two weeks before today, at midnight in the zone, and lasts six weeks", () => {
    // 1 Dec 2026 01:00 in Shanghai is still 30 Nov in UTC.
    const w = timelineWindow(at("2026-11-30T17:00:00Z"), zone);
    expect(w.start).toBe("2026-11-17");
    expect(w.from.toISOString()).toBe("2026-11-16T16:00:00.000Z");
    expect(w.to.toISOString()).toBe("2026-12-28T16:00:00.000Z");
    expect(w.days).toBe(42);
  });

  it("starts on a chosen date, and ignores one that is not a date", () => {
    expect(timelineWindow(at("2026-11-30T00:00:00Z"), zone, "2026-10-01").from.toISOString()).toBe("2026-09-30T16:00:00.000Z");
    expect(timelineWindow(at("2026-11-30T00:00:00Z"), zone, "2026-02-30").start).toBe("2026-11-16");
    expect(timelineWindow(at("2026-11-30T00:00:00Z"), zone, "soon").start).toBe("2026-11-16");
  });

  it("counts days across a daylight-saving change in the zone", () => {
    const w = timelineWindow(at("2026-03-20T12:00:00Z"), "America/New_York", "2026-03-01");
    const ticks = dayTicks(w, "America/New_York");
    expect(ticks).toHaveLength(42);
    expect(ticks[7].at.toISOString()).toBe("2026-03-08T05:00:00.000Z");
    expect(ticks[8].at.toISOString()).toBe("2026-03-09T04:00:00.000Z");
    expect(addDays("2026-12-30", 3)).toBe("2027-01-02");
  });
});

describe("layoutTimeline", () => {
  const w = { from: at("2026-12-01T00:00:00Z"), to: at("2026-12-11T00:00:00Z"), days: 10 };
  const lock = (id: number, channelId: number, start: string, end: string) => ({ id, channelId, startsAt: at(start), endsAt: at(end) });

  it("places bars by time, clamps them to the window and says where they are cut", () => {
    expect(position(at("2026-12-06T00:00:00Z"), w)).toBe(50);
    const [row] = layoutTimeline(
      [lock(1, 7, "2026-12-02T00:00:00Z", "2026-12-04T00:00:00Z"), lock(2, 7, "2026-11-20T00:00:00Z", "2026-12-01T12:00:00Z"), lock(3, 7, "2026-12-10T00:00:00Z", "2027-01-01T00:00:00Z")],
      [7],
      w,
    );
    const byId = Object.fromEntries(row.bars.map((b) => [b.lock.id, b]));
    expect(byId[1]).toMatchObject({ left: 10, width: 20, clippedStart: false, clippedEnd: false });
    expect(byId[2]).toMatchObject({ left: 0, width: 5, clippedStart: true, clippedEnd: false });
    expect(byId[3]).toMatchObject({ left: 90, width: 10, clippedStart: false, clippedEnd: true });
  });

  it("puts overlapping locks of a channel on separate lanes and reuses a lane once it is free", () => {
    const rows = layoutTimeline(
      [
        lock(1, 1, "2026-12-01T00:00:00Z", "2026-12-05T00:00:00Z"),
        lock(2, 1, "2026-12-03T00:00:00Z", "2026-12-08T00:00:00Z"),
        lock(3, 1, "2026-12-05T00:00:00Z", "2026-12-06T00:00:00Z"), // starts as 1 ends: lane 0 again
        lock(4, 2, "2026-12-03T00:00:00Z", "2026-12-04T00:00:00Z"),
        lock(5, 1, "2027-02-01T00:00:00Z", "2027-02-02T00:00:00Z"), // outside the window
      ],
      [1, 2, 3],
      w,
    );
    expect(rows.map((r) => r.channelId)).toEqual([1, 2, 3]);
    expect(rows[0].lanes).toBe(2);
    expect(rows[0].bars.map((b) => [b.lock.id, b.lane])).toEqual([[1, 0], [2, 1], [3, 0]]);
    expect(rows[1]).toMatchObject({ lanes: 1, bars: [{ lane: 0 }] });
    expect(rows[2]).toEqual({ channelId: 3, lanes: 1, bars: [] });
  });

  it("keeps a very short lock visible", () => {
    const [row] = layoutTimeline([lock(1, 1, "2026-12-10T23:59:00Z", "2026-12-11T00:00:00Z")], [1], w);
    expect(row.bars[0].width).toBe(MIN_WIDTH);
    expect(row.bars[0].left + row.bars[0].width).toBeLessThanOrEqual(100);
  });
});
