import { NextRequest } from "next/server";
import { beforeEach, describe, expect, it } from "vitest";
import { POST } from "@/app/api/v1/stock/adjustments/route";
import { resetDatabase, seedFixture } from "@/tests/support/fixture";
import { db } from "../db";
import { verifyLedger } from "../stock/ledger-verify";
import { createApiKey, revokeApiKey } from "./keys";

let apiKey: string;
beforeEach(async () => {
  await resetDatabase();
  await seedFixture();
  apiKey = (await createApiKey({ name: "wms", createdBy: "test" })).key;
});

function post(body: unknown, headers: Record<string, string> = {}) {
  return POST(
    new NextRequest("http://localhost/api/v1/stock/adjustments", {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${apiKey}`, "idempotency-key": "k-1", ...headers },
      body: typeof body === "string" ? body : JSON.stringify(body),
    }),
  );
}

const receipt = { type: "RECEIVE", reason: "ASN 88", reference: "ASN-88", lines: [{ location: "WH", sku: "A2", quantity: 30 }] };
const onHand = async (loc: string, sku: string) =>
  (await db().stockLevel.findFirstOrThrow({ where: { location: { code: loc }, sku: { code: sku } } })).onHand;

describe("POST /api/v1/stock/adjustments", () => {
  it("applies a receipt and reports before and after", async () => {
    const res = await post(receipt);
    expect(res.status).toBe(201);
    expect(await res.json()).toEqual({
      adjustment: { type: "RECEIVE", reference: "ASN-88", lines: [{ location: "WH", sku: "A2", onHandBefore: 50, onHandAfter: 80 }] },
    });
    const entry = await db().stockLedger.findFirstOrThrow({ where: { type: "RECEIVE" } });
    expect(entry).toMatchObject({ actor: "api:wms", reason: "ASN 88", reference: "ASN-88" });
  });

  it("returns the stored answer for a retry and applies once", async () => {
    const first = await (await post(receipt)).json();
    const retry = await post(receipt);
    expect(retry.status).toBe(201);
    expect(retry.headers.get("idempotent-replayed")).toBe("true");
    expect(await retry.json()).toEqual(first);
    expect(await onHand("WH", "A2")).toBe(80);
  });

  it("refuses two lines for one location and SKU, naming the second, and changes nothing", async () => {
    const res = await post({ ...receipt, lines: [...receipt.lines, { location: "WH", sku: "A2", quantity: 5 }] });
    expect(res.status).toBe(422); // validation failures are 422 throughout the API
    const body = await res.json();
    expect(body.error.fields).toContainEqual({ field: "lines[1].sku", value: "A2", message: "same location and SKU as lines[0]" });
    expect(await onHand("WH", "A2")).toBe(50);
  });

  it("applies concurrent duplicates once", async () => {
    const responses = await Promise.all(Array.from({ length: 5 }, () => post(receipt)));
    expect(responses.map((r) => r.status)).toEqual([201, 201, 201, 201, 201]);
    expect(await onHand("WH", "A2")).toBe(80);
    expect(await db().stockLedger.count({ where: { type: "RECEIVE" } })).toBe(1);
  });

  it("refuses the same key with a different body", async () => {
    await post(receipt);
    const res = await post({ ...receipt, lines: [{ location: "WH", sku: "A2", quantity: 31 }] });
    expect(res.status).toBe(422);
    expect((await res.json()).error.code).toBe("idempotency_key_reused");
  });

  it("names each bad field and changes nothing", async () => {
    const res = await post({ type: "RECEIVE", reason: "", lines: [{ location: "WH", sku: "A2", quantity: -3 }, { location: "WH", sku: "A1", quantity: 1.5 }] });
    expect(res.status).toBe(422);
    const { error } = await res.json();
    expect(error.code).toBe("invalid_body");
    expect(error.fields).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: "reason", message: "a reason is required" }),
        expect.objectContaining({ field: "lines[1].quantity", value: 1.5, message: "must be a whole number" }),
        expect.objectContaining({ field: "lines[0].quantity", value: -3, message: "must be positive for a receipt or return" }),
      ]),
    );
    expect(await db().stockLedger.count()).toBe(8);
  });

  it("says which movement types exist", async () => {
    const res = await post({ ...receipt, type: "STEAL" });
    expect(res.status).toBe(422);
    expect((await res.json()).error.fields).toEqual([
      { field: "type", value: "STEAL", message: "type must be one of RECEIVE, ADJUST, COUNT, RETURN" },
    ]);
  });

  it("names unknown codes", async () => {
    const res = await post({ ...receipt, lines: [{ location: "NOPE", sku: "A2", quantity: 1 }, { location: "WH", sku: "ZZZ", quantity: 1 }] });
    expect(res.status).toBe(404);
    expect((await res.json()).error.fields).toEqual([
      { field: "lines[0].location", value: "NOPE", message: "no location with this code" },
      { field: "lines[1].sku", value: "ZZZ", message: "no SKU with this code" },
    ]);
  });

  it("refuses a count below what is reserved, all-or-nothing, and lets the corrected retry through", async () => {
    const bad = { type: "COUNT", reason: "cycle count", lines: [{ location: "WH", sku: "B1", quantity: 990 }, { location: "ST", sku: "A1", quantity: 2 }] };
    const res = await post(bad, { "idempotency-key": "count-1" });
    expect(res.status).toBe(409);
    expect((await res.json()).error.fields).toEqual([
      { field: "lines[1].quantity", value: 2, message: "would leave 2 on hand, below the 3 reserved for orders" },
    ]);
    expect(await onHand("WH", "B1")).toBe(1000);
    const fixed = await post({ ...bad, lines: [bad.lines[0]] }, { "idempotency-key": "count-2" });
    expect(fixed.status).toBe(201);
    expect(await onHand("WH", "B1")).toBe(990);
    expect((await verifyLedger()).ok).toBe(true);
  });

  it("asks for credentials, an idempotency key and JSON", async () => {
    expect((await post(receipt, { authorization: "Bearer nope" })).status).toBe(401);
    expect((await post(receipt, { "idempotency-key": "" })).status).toBe(400);
    expect((await post("{not json")).status).toBe(400);
    const { info } = await createApiKey({ name: "old", createdBy: "t" });
    await revokeApiKey(info.id);
    const revoked = await db().apiKey.findUniqueOrThrow({ where: { id: info.id } });
    expect(revoked.revokedAt).not.toBeNull();
  });

  it("refuses a revoked key", async () => {
    const { key, info } = await createApiKey({ name: "leaked", createdBy: "t" });
    await revokeApiKey(info.id);
    expect((await post(receipt, { authorization: `Bearer ${key}` })).status).toBe(401);
  });
});
