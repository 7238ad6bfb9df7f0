import { describe, expect, it } from "vitest";
import { placeName } from "./places";

describe("placeName", () => {
  it("names a municipality once and translates known cities", () => {
    expect(placeName("en", "Shanghai", "Shanghai")).toBe("Shanghai");
    expect(placeName("zh-CN", "Shanghai", "Shanghai")).toBe("上海");
    expect(placeName("en", "Suzhou", "Jiangsu")).toBe("Suzhou, Jiangsu");
    expect(placeName("zh-CN", "Suzhou", "Jiangsu")).toBe("江苏苏州");
  });
  it("keeps what it does not know", () => {
    expect(placeName("zh-CN", "Atlantis", "Nowhere")).toBe("Nowhere Atlantis");
    expect(placeName("en", "Atlantis", "Nowhere")).toBe("Atlantis, Nowhere");
  });
});
