// Great-circle distance. Routing compares whole metres, so sums and ties are exact integers and the same plan scores
// the same whatever order the candidates came in.

const EARTH_RADIUS_M = 6_371_008.8; // mean radius
const RAD = Math.PI / 180;

export type LatLng = { lat: number; lng: number };

/** Haversine distance in metres, rounded to the metre. */
export function haversineMetres(a: LatLng, b: LatLng): number {
  return distanceFrom(a)(b.lat, b.lng);
}

export function haversineKm(a: LatLng, b: LatLng): number {
  return haversineMetres(a, b) / 1000;
}

/**
 * An origin as the distances from it read it: in radians, with its latitude's cosine and whether the bounds hold
 * (every coordinate a number, the latitude within ±90°). Computed once per order.
 */
export type Origin = { lat0: number; lng0: number; cos0: number; valid: boolean };

export function originOf(p: LatLng): Origin {
  const lat0 = p.lat * RAD;
  return { lat0, lng0: p.lng * RAD, cos0: Math.cos(lat0), valid: Math.abs(p.lat) <= 90 && Number.isFinite(p.lng) };
}

/**
 * Haversine metres from `o` to (lat, lng), rounded. A plain function rather than a closure per origin: a call site
 * that saw a new closure every order could not have its target inlined.
 */
export function metresFrom(o: Origin, lat: number, lng: number): number {
  const la = lat * RAD;
  const s1 = Math.sin((la - o.lat0) / 2);
  const s2 = Math.sin((lng * RAD - o.lng0) / 2);
  const h = s1 * s1 + o.cos0 * Math.cos(la) * s2 * s2;
  return Math.round(2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h))));
}

/** The distance from one point to many: the origin's cosine is computed once. */
export function distanceFrom(origin: LatLng): (lat: number, lng: number) => number {
  const o = originOf(origin);
  return (lat, lng) => metresFrom(o, lat, lng);
}

/**
 * A lower bound on metresFrom(o, lat, lng), without trigonometry and a fraction of a per cent under it at regional
 * distances: sin x ≥ x − x³/6, cos x ≥ 1 − x²/2 and asin y ≥ y, less a metre for rounding. 0 when a latitude is
 * outside ±90° (or a coordinate is not a number), where those bounds do not hold. Whole metres (rounded down): a
 * small integer is passed from call to call as it is, a fraction is boxed.
 */
export function boundFrom(o: Origin, lat: number, lng: number): number {
  if (!o.valid || !(Math.abs(lat) <= 90) || !Number.isFinite(lng)) return 0;
  // Every value below is a finite number: comparisons stand in for Math.max and Math.min (which handle NaN too).
  const la = lat * RAD;
  const s1 = sinAtLeast((la - o.lat0) * 0.5);
  const s2 = sinAtLeast((lng * RAD - o.lng0) * 0.5);
  const c = 1 - la * la * 0.5;
  const h = s1 * s1 + o.cos0 * (c > 0 ? c : 0) * s2 * s2;
  const m = Math.floor(BOUND_SCALE * (h < 1 ? Math.sqrt(h) : 1) - 1);
  return m > 0 ? m : 0;
}

// 2R less a relative 1e-9 for rounding, as one constant.
const BOUND_SCALE = 2 * EARTH_RADIUS_M * (1 - 1e-9);

/** boundFrom as a function of the point alone. */
export function distanceBoundFrom(origin: LatLng): (lat: number, lng: number) => number {
  const o = originOf(origin);
  return (lat, lng) => boundFrom(o, lat, lng);
}

/** A lower bound on |sin x|, x a finite number (x³/6 as a product: a division takes several times as long). */
function sinAtLeast(x: number): number {
  const a = Math.abs(x);
  const s = a - a * a * a * (1 / 6);
  return s > 0 ? s : 0;
}
