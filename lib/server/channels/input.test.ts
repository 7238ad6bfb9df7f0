import { describe, expect, it } from "vitest";
import { channelEdit, channelInput, lockEdit, lockInput, lockPreview } from "./input";

function errors(result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) {
  return Object.fromEntries((result.error?.issues ?? []).map((i) => [i.path.join("."), i.message]));
}

const channel = { code: "TMALL-2", name: "Tmall flagship", type: "MARKETPLACE", active: true, safetyMargin: "5" };

describe("channelInput", () => {
  it("accepts a channel and reads the margin typed as text", () => {
    expect(channelInput.parse(channel)).toEqual({ ...channel, safetyMargin: 5 });
    expect(channelInput.parse({ ...channel, safetyMargin: 0, name: "  Web  " }).name).toBe("Web");
  });

  it("names field, value and rule for each problem, all in one pass", () => {
    const r = channelInput.safeParse({ code: "tm", name: "", type: "SHOP", active: "yes", safetyMargin: "-1" });
    expect(errors(r)).toEqual({
      code: 'code "tm" must be 2–32 characters: uppercase letters A–Z, digits, - or _',
      name: "name is empty; give it a name",
      type: 'type "SHOP" must be one of WEBSTORE, MARKETPLACE, LIVESTREAM, MINIPROGRAM, POS',
      active: 'active "yes" must be true or false',
      safetyMargin: "safetyMargin -1 must be between 0 and 1,000,000",
    });
  });

  it("bounds code length, name length and margin", () => {
    expect(errors(channelInput.safeParse({ ...channel, code: "A" })).code).toMatch(/2–32/);
    expect(channelInput.safeParse({ ...channel, code: "A".repeat(32) }).success).toBe(true);
    expect(errors(channelInput.safeParse({ ...channel, code: "A".repeat(33) })).code).toMatch(/2–32/);
    expect(errors(channelInput.safeParse({ ...channel, name: "x".repeat(81) })).name).toBe(`name "${"x".repeat(81)}" is 81 characters long; at most 80`);
    expect(errors(channelInput.safeParse({ ...channel, safetyMargin: "1.5" })).safetyMargin).toBe('safetyMargin "1.5" is not a whole number');
    expect(errors(channelInput.safeParse({ ...channel, safetyMargin: 1_000_001 })).safetyMargin).toMatch(/between 0 and 1,000,000/);
  });

  it("an edit also needs the channel's id", () => {
    expect(channelEdit.parse({ ...channel, id: 3 })).toEqual({ id: 3, input: { ...channel, safetyMargin: 5 } });
    expect(errors(channelEdit.safeParse({ ...channel, id: "x" })).id).toBe('id "x" is not a whole number');
  });
});

const lock = {
  channelId: "2",
  name: "Double 11 fence",
  kind: "RING_FENCE",
  scopeKind: "SKU",
  skuCode: "NPK-1",
  unit: "UNITS",
  amount: "30",
  startsAt: "2026-11-01T00:00",
  endsAt: "2026-11-12T00:00",
  timeZone: "Asia/Shanghai",
};

describe("lockInput", () => {
  it("converts the window from the chosen zone to UTC", () => {
    expect(lockInput.parse(lock)).toEqual({
      channelId: 2,
      name: "Double 11 fence",
      kind: "RING_FENCE",
      scope: { kind: "SKU", skuCode: "NPK-1" },
      amount: { unit: "UNITS", value: 30 },
      startsAt: new Date("2026-10-31T16:00:00Z"),
      endsAt: new Date("2026-11-11T16:00:00Z"),
      timeZone: "Asia/Shanghai",
    });
    const ny = lockInput.parse({ ...lock, timeZone: "America/New_York", startsAt: "2026-10-31T09:00", endsAt: "2026-11-02T09:00" });
    expect(ny.startsAt.toISOString()).toBe("2026-10-31T13:00:00.000Z"); // EDT
    expect(ny.endsAt.toISOString()).toBe("2026-11-02T14:00:00.000Z"); // EST
  });

  it("reads each scope", () => {
    expect(lockInput.parse({ ...lock, scopeKind: "BRAND", brandId: "4" }).scope).toEqual({ kind: "BRAND", brandId: 4 });
    expect(lockInput.parse({ ...lock, scopeKind: "CATEGORY", category: "Shoes" }).scope).toEqual({ kind: "CATEGORY", category: "Shoes" });
    expect(lockInput.parse({ ...lock, scopeKind: "ALL" }).scope).toEqual({ kind: "ALL" });
    expect(errors(lockInput.safeParse({ ...lock, skuCode: " " })).skuCode).toBe("skuCode is empty; enter the code of the SKU to lock");
    expect(errors(lockInput.safeParse({ ...lock, scopeKind: "BRAND" })).brandId).toBe("brandId is empty; choose a brand");
    expect(errors(lockInput.safeParse({ ...lock, scopeKind: "CATEGORY", category: "" })).category).toBe("category is empty; choose a category");
    expect(errors(lockInput.safeParse({ ...lock, scopeKind: "REGION" })).scopeKind).toBe('scopeKind "REGION" must be one of SKU, BRAND, CATEGORY, ALL');
  });

  it("takes whole units and percentages with at most two decimals", () => {
    expect(lockInput.parse({ ...lock, unit: "PERCENT", amount: "12.5" }).amount).toEqual({ unit: "PERCENT", value: 12.5 });
    expect(lockInput.parse({ ...lock, unit: "PERCENT", amount: 100 }).amount.value).toBe(100);
    expect(lockInput.parse({ ...lock, amount: "0" }).amount.value).toBe(0);
    const amount = (unit: string, value: unknown) => errors(lockInput.safeParse({ ...lock, unit, amount: value })).amount;
    expect(amount("UNITS", "2.5")).toBe('amount "2.5" must be a whole number of units, 0 or more');
    expect(amount("UNITS", "-3")).toBe('amount "-3" must be a whole number of units, 0 or more');
    expect(amount("UNITS", "")).toBe("amount is empty; enter how many units or what percentage");
    expect(amount("PERCENT", "12.345")).toBe('amount "12.345" must be a percentage from 0 to 100 with at most 2 decimals');
    expect(amount("PERCENT", "100.01")).toBe("amount 100.01 % is more than 100 %");
  });

  it("refuses an empty or backwards window, a bad date, a skipped time and an unknown zone", () => {
    expect(errors(lockInput.safeParse({ ...lock, endsAt: lock.startsAt })).endsAt).toBe("endsAt 2026-11-01T00:00 must be after startsAt 2026-11-01T00:00");
    expect(errors(lockInput.safeParse({ ...lock, startsAt: "2026-02-30T10:00" })).startsAt).toBe(
      'startsAt "2026-02-30T10:00" is not a date and time like 2026-12-01T09:00',
    );
    expect(errors(lockInput.safeParse({ ...lock, timeZone: "America/New_York", startsAt: "2026-03-08T02:30" })).startsAt).toBe(
      "startsAt 2026-03-08T02:30 does not exist in America/New_York: the clocks skip it when daylight saving time starts",
    );
    const zone = errors(lockInput.safeParse({ ...lock, timeZone: "Mars/Olympus" }));
    expect(zone).toEqual({ timeZone: 'timeZone "Mars/Olympus" is not an IANA time zone such as Asia/Shanghai' });
  });

  it("reports every problem at once", () => {
    const r = lockInput.safeParse({ timeZone: "Asia/Shanghai" });
    expect(Object.keys(errors(r)).sort()).toEqual(["amount", "channelId", "endsAt", "kind", "name", "scopeKind", "startsAt", "unit"].sort());
  });
});

describe("lockEdit and lockPreview", () => {
  it("an edit carries id and version", () => {
    const r = lockEdit.parse({ ...lock, id: 7, version: "3" });
    expect(r).toMatchObject({ id: 7, version: 3, lock: { name: "Double 11 fence" } });
    expect(errors(lockEdit.safeParse({ ...lock, id: 7 })).version).toBe("version is empty; enter a whole number");
  });

  it("a preview of a category or all SKUs names a SKU to preview on", () => {
    expect(lockPreview.parse(lock)).toMatchObject({ previewSku: null, editingId: undefined });
    expect(lockPreview.parse({ ...lock, id: "5" }).editingId).toBe(5);
    expect(errors(lockPreview.safeParse({ ...lock, scopeKind: "ALL" })).previewSku).toBe("previewSku is empty; name a SKU in scope to preview on");
    expect(lockPreview.parse({ ...lock, scopeKind: "ALL", previewSku: "NPK-9" }).previewSku).toBe("NPK-9");
  });
});
