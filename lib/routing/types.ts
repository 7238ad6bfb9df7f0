// Order routing (PRODUCT.md "Order routing"): the data the engine reads and the decision it returns. Everything is
// plain data; the explanation is codes and numbers, never prose, so the console can translate it (describe() renders
// English for logs and tests).

export type LocationType = "WAREHOUSE" | "DC" | "STORE";

/** Shipping cost of one shipment: base + per km × km + per unit × units, in cents. */
export type CostModel = { baseCents: number; perKmCents: number; perUnitCents: number };

export type Candidate = {
  locationId: number;
  code: string;
  type: LocationType;
  region: string;
  province: string;
  lat: number;
  lng: number;
  canShip: boolean;
  canPickup: boolean;
  /** Orders it can still take today. */
  remainingCapacity: number;
  cost: CostModel;
  /** Units of each SKU this location may give this order: the caller has already applied the channel's ATS. */
  atp: ReadonlyMap<number, number>;
};

export type OrderLine = { skuId: number; quantity: number };

export type RoutingOrder = {
  destination: { lat: number; lng: number; province?: string; region?: string };
  lines: readonly OrderLine[];
  fulfilment: "SHIP" | "PICKUP";
  /** PICKUP only: the store the customer chose. Without it, route() offers the nearest stores that have everything. */
  pickupLocationId?: number;
};

export type Filter =
  | { kind: "locationType"; types: readonly LocationType[] }
  /** Same region / province as the destination; skipped (and reported so) when the destination does not say. */
  | { kind: "sameRegion" }
  | { kind: "sameProvince" }
  /** canShip for SHIP orders, canPickup for PICKUP orders. */
  | { kind: "capability" }
  /** At least one order left in the location's daily capacity (each shipment is one order for its location). */
  | { kind: "capacity" }
  /** The location keeps at least `units` of each SKU: it gives at most ATP − units of it. */
  | { kind: "minAtpMargin"; units: number }
  /** E.g. the stores that rejected this order. */
  | { kind: "exclude"; locationIds: readonly number[] };

export type Ranker =
  /** weighted: the quantity-weighted mean distance of the shipped units; max: the farthest shipment. */
  | { kind: "nearest"; measure: "weighted" | "max" }
  /** Fewest shipments. */
  | { kind: "complete" }
  /** Most units from the first location on the list, then from the second, …; then fewest units from off the list. */
  | { kind: "designated"; locationIds: readonly number[] }
  /** Smallest total shipping cost by the shipping locations' cost models. */
  | { kind: "lowestCost" };

export type Strategy = {
  /** 0 = one shipment only; 2 = up to three shipments. */
  maxSplits: number;
  /** Applied in order; a location is reported against the first filter it fails. */
  filters: readonly Filter[];
  /** Lexicographic: the first ranker that separates the plans still tied decides. */
  rankers: readonly Ranker[];
  /** PICKUP orders without a chosen store: how many stores to offer (default 3). */
  pickupOptions?: number;
};

export type Shipment = {
  locationId: number;
  code: string;
  lines: OrderLine[];
  /** Haversine distance to the destination, to the metre. */
  km: number;
  /** 0 for a pickup: nothing is shipped. */
  costCents: number;
};

export type RoutingPlan = {
  /** Ordered by location code. */
  shipments: Shipment[];
  /** Whatever no plan could fill, by SKU; reported, never dropped. */
  backOrdered: OrderLine[];
  costCents: number;
};

/** A plan's value under one ranker, as the ranker compares it (lower is better except designated units). */
export type RankerValue =
  | { kind: "nearest"; measure: "weighted" | "max"; km: number }
  | { kind: "complete"; shipments: number }
  /** units[i] = units from the i-th designated location; otherUnits = units from locations not on the list. */
  | { kind: "designated"; units: number[]; otherUnits: number }
  | { kind: "lowestCost"; cents: number };

/** Filling comes before every ranker: a plan that ships more units always wins. */
export type FillValue = { kind: "fill"; shippedUnits: number; backOrderedUnits: number };
export type LevelValue = FillValue | RankerValue;

/** noStock: holds none of the order; incomplete (pickup options only): cannot hand over every line whole. */
export type FilterReason = Filter["kind"] | "noStock" | "incomplete";

export type PlanSummary = {
  shipments: { locationId: number; code: string; units: number }[];
  fill: FillValue;
  /** One per strategy ranker, in strategy order. */
  values: RankerValue[];
};

export type RoutingStep = {
  /** "fill" (every plan scored ships the most units possible, so it never separates them), then each ranker. */
  rule: "fill" | Ranker["kind"];
  /** −1 for fill. */
  rankerIndex: number;
  /**
   * Plans tied for the best before and after this rule, among the plans scored. The search never scores a plan that
   * cannot make the top few (search.ts), so a count below TOP_PLANS is exact and a larger one is a floor: *AtLeast.
   */
  before: number;
  after: number;
  beforeAtLeast: boolean;
  afterAtLeast: boolean;
  /** The winner's value under this rule. */
  best: LevelValue;
};

export type WinnerReason =
  | { by: "noCandidates" }
  | { by: "onlyPlan" }
  /** A pickup order without a chosen store: the options are offered, the customer picks. */
  | { by: "customerChooses" }
  /**
   * The first ranker that left the winner alone, against the runner-up (the second-best plan); margin = runner-up −
   * winner where one number says it (km, shipments, cents), null for designated.
   */
  | { by: "ranker"; rule: Ranker["kind"]; rankerIndex: number; winner: RankerValue; runnerUp: RankerValue; margin: number | null; runnerUpCodes: string[] }
  /** Every rule tied: fewer shipments, then the location codes in order, then per line, decide. */
  | { by: "tieBreak"; tiedPlans: number; codes: string[]; runnerUpCodes: string[] };

/** What one strategy filter did: how many locations it removed (first failure only); skipped when not applicable. */
export type FilterStep = { filter: Filter["kind"]; removed: number; skipped: boolean };

export type Explanation = {
  /**
   * Locations left out and why, ordered by location id. For a pickup at a chosen store only that store is a
   * candidate, so the others are not listed.
   */
  filtered: { locationId: number; code: string; reason: FilterReason }[];
  filterSteps: FilterStep[];
  /** Passed the filters and hold some of the order. */
  candidatesConsidered: number;
  /** Plans the search scored: those that ship the most units and might make the top few (search.ts). */
  plansConsidered: number;
  /** Which search ran (search.ts); "none" when no location could give anything. */
  search: "blocks" | "sets" | "pickup" | "none";
  /** false when a large split-line search was narrowed to the most promising locations (see search.ts). */
  exhaustive: boolean;
  steps: RoutingStep[];
  /**
   * The best few plans (TOP_PLANS), best first, among those that ship the most units: exact in the block search;
   * in the set search, the best plan of each set of locations.
   */
  topPlans: PlanSummary[];
  winnerReason: WinnerReason;
};

export type PickupOption = { locationId: number; code: string; km: number };

export type RoutingDecision =
  | { kind: "plan"; plan: RoutingPlan; explanation: Explanation }
  | { kind: "pickupOptions"; options: PickupOption[]; explanation: Explanation };
