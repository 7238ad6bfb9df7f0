import { describe, expect, it } from "vitest";
import { formatCompact, formatNumber, negotiateLocale, translator } from "./index";
import { en } from "./messages/en";
import { zhCN } from "./messages/zh-CN";

describe("message catalogs", () => {
  it("have the same keys in both languages", () => {
    expect(Object.keys(zhCN).sort()).toEqual(Object.keys(en).sort());
  });
  it("use the same placeholders in both languages", () => {
    const vars = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
    for (const key of Object.keys(en) as (keyof typeof en)[]) expect(vars(zhCN[key]), key).toEqual(vars(en[key]));
  });
  it("have no empty message", () => {
    for (const text of [...Object.values(en), ...Object.values(zhCN)]) expect(text.trim()).not.toBe("");
  });
});

describe("translator", () => {
  it("fills placeholders", () => {
    expect(translator("en")("login.error.throttled", { seconds: 30 })).toBe("Too many failed attempts. Try again in 30 s.");
    expect(translator("zh-CN")("nav.dashboard")).toBe("总览");
  });
});

describe("negotiateLocale", () => {
  it("maps any Chinese variant to zh-CN", () => {
    expect(negotiateLocale("zh-TW,zh;q=0.9")).toBe("zh-CN");
    expect(negotiateLocale("zh-CN")).toBe("zh-CN");
  });
  it("takes the first supported language in order", () => expect(negotiateLocale("fr-FR,en;q=0.8,zh;q=0.5")).toBe("en"));
  it("falls back to English", () => {
    expect(negotiateLocale(undefined)).toBe("en");
    expect(negotiateLocale("de")).toBe("en");
  });
});

describe("formatNumber", () => {
  it("groups thousands per locale", () => {
    expect(formatNumber("en", 1234567)).toBe("1,234,567");
    expect(formatNumber("zh-CN", 1234.5, 1)).toBe("1,234.5");
  });
});

describe("formatCompact", () => {
  it("shortens per locale", () => {
    expect(formatCompact("en", 12_500)).toBe("13K");
    expect(formatCompact("zh-CN", 125_000)).toBe("13万");
  });
});
