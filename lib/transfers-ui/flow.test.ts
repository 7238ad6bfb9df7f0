import { describe, expect, it } from "vitest";
import { flowBars } from "./flow";

describe("flowBars", () => {
  it("stacks units by destination region under each source region, in region order", () => {
    const { bars, destinations } = flowBars(
      [
        { fromRegion: "NORTH", toRegion: "EAST", units: 5, transfers: 1 },
        { fromRegion: "EAST", toRegion: "EAST", units: 3, transfers: 2 },
        { fromRegion: "EAST", toRegion: "SOUTH", units: 7, transfers: 1 },
      ],
      ["EAST", "NORTH", "SOUTH"],
    );
    expect(destinations).toEqual(["EAST", "SOUTH"]);
    expect(bars).toEqual([
      { from: "EAST", total: 10, EAST: 3, SOUTH: 7 },
      { from: "NORTH", total: 5, EAST: 5, SOUTH: 0 },
    ]);
  });

  it("is empty without flows", () => {
    expect(flowBars([], ["EAST"])).toEqual({ bars: [], destinations: [] });
  });
});
