import { describe, expect, it } from "vitest";
import { translator } from "./index";
import { ledgerReasonText } from "./ledger-reason";

const en = translator("en");
const zh = translator("zh-CN");

describe("ledgerReasonText", () => {
  // English shows the stored text unchanged; zh-CN translates it.
  const cases: [string, string][] = [
    ["transfer shipped", "调拨发货"],
    ["transfer received", "调拨收货"],
    ["received 2 of 3: one pair water-damaged", "调拨收货 2/3：one pair water-damaged"],
    ["picked up in store", "门店自提"],
    ["rejected by the store: 缺货", "门店拒单：缺货"],
    ["order cancelled: customer changed mind", "订单取消：customer changed mind"],
    ["demo opening balance", "演示期初库存"],
  ];
  it.each(cases)("translates %j", (stored, chinese) => {
    expect(ledgerReasonText(en, stored)).toBe(stored);
    expect(ledgerReasonText(zh, stored)).toBe(chinese);
  });

  it("keeps the user's part verbatim, placeholders, $ patterns and line breaks included", () => {
    const note = "box {note} $& $1 crushed\nsecond line: received 1 of 2";
    expect(ledgerReasonText(zh, `received 0 of 5: ${note}`)).toBe(`调拨收货 0/5：${note}`);
    expect(ledgerReasonText(en, `received 0 of 5: ${note}`)).toBe(`received 0 of 5: ${note}`);
    expect(ledgerReasonText(zh, "order cancelled: {reason}")).toBe("订单取消：{reason}");
    expect(ledgerReasonText(zh, "rejected by the store: ")).toBe("门店拒单：");
  });

  it("leaves text a person typed unchanged", () => {
    for (const typed of ["safety stock", "盘点差异", "Transfer shipped", "transfer shipped late", "received two of 3: x", "constructor", "the order cancelled: no"]) {
      expect(ledgerReasonText(zh, typed)).toBe(typed);
      expect(ledgerReasonText(en, typed)).toBe(typed);
    }
  });

  it("shows nothing for no reason", () => {
    expect(ledgerReasonText(zh, null)).toBe("");
    expect(ledgerReasonText(en, "")).toBe("");
  });
});
