import { beforeEach, describe, expect, it } from "vitest";
import { FREE_ATTEMPTS } from "@/lib/auth/throttle";
import { resetDatabase, seedFixture } from "@/tests/support/fixture";
import { db } from "../db";
import { verifyLogin } from "./login";

let ids: Awaited<ReturnType<typeof seedFixture>>;
beforeEach(async () => {
  await resetDatabase();
  ids = await seedFixture();
});

const t0 = new Date("2026-11-22T10:00:00Z");

describe("verifyLogin", () => {
  it("signs in with the right password and carries role and binding", async () => {
    const r = await verifyLogin({ email: " Partner-A@test.dev ", password: "right-password" }, t0);
    expect(r).toEqual({
      ok: true,
      user: expect.objectContaining({ email: "partner-a@test.dev", role: "BRAND_PARTNER", brandId: ids.brands.a.id, locationId: null }),
    });
  });

  it("refuses a wrong password and an unknown email alike", async () => {
    expect(await verifyLogin({ email: "hq@test.dev", password: "nope" }, t0)).toEqual({ ok: false, reason: "invalid" });
    expect(await verifyLogin({ email: "ghost@test.dev", password: "nope" }, t0)).toEqual({ ok: false, reason: "invalid" });
    expect(await verifyLogin({ email: "not-an-email", password: "x" }, t0)).toEqual({ ok: false, reason: "invalid" });
  });

  it("slows repeated failures down, even for the right password, until the lock passes", async () => {
    for (let i = 0; i < FREE_ATTEMPTS + 1; i++) await verifyLogin({ email: "hq@test.dev", password: "nope" }, t0);
    const locked = await verifyLogin({ email: "hq@test.dev", password: "right-password" }, new Date(t0.getTime() + 1000));
    expect(locked).toEqual({ ok: false, reason: "throttled", retryAfterSeconds: 14 });
    const after = await verifyLogin({ email: "hq@test.dev", password: "right-password" }, new Date(t0.getTime() + 16_000));
    expect(after.ok).toBe(true);
    expect(await db().loginThrottle.count()).toBe(0);
  });
});
