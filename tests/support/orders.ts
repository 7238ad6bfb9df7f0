// Orders placed on the integration fixture (tests/support/fixture.ts), for the order tests.
import { beforeEach } from "vitest";
import { db } from "@/lib/server/db";
import type { OrderInput } from "@/lib/server/orders/input";
import { placeOrderIn } from "@/lib/server/orders/place";
import { resetDatabase, seedFixture } from "./fixture";

export type Fixture = Awaited<ReturnType<typeof seedFixture>>;

/**
 * A fresh fixture before each test of the calling file, and `place`: an order to Shanghai, where every fixture
 * location sits (so the rules tie and location codes decide), numbered `<prefix>-n`; `over` changes any part.
 */
export function orderFixture(prefix: string, defaults: Partial<OrderInput> = {}) {
  const state = { ids: undefined as unknown as Fixture, n: 0 };
  beforeEach(async () => {
    await resetDatabase();
    state.ids = await seedFixture();
  });
  const place = (over: Partial<OrderInput> = {}) => {
    const input: OrderInput = {
      orderNo: `${prefix}-${++state.n}`, destination: { city: "Shanghai", province: "Shanghai", lat: 31.2, lng: 121.4 },
      fulfilment: "SHIP", allowBackorder: false, lines: [{ sku: "B1", quantity: 1 }], ...defaults, ...over,
    };
    return db().$transaction((tx) => placeOrderIn(tx, state.ids.channel, input, "t"));
  };
  return { state, place };
}
