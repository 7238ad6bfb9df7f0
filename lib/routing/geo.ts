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

/** The distance from one point to many: the origin's cosine is computed once. */
export function distanceFrom(origin: LatLng): (lat: number, lng: number) => number {
  const lat0 = origin.lat * RAD;
  const lng0 = origin.lng * RAD;
  const cos0 = Math.cos(lat0);
  return (lat, lng) => {
    const la = lat * RAD;
    const s1 = Math.sin((la - lat0) / 2);
    const s2 = Math.sin((lng * RAD - lng0) / 2);
    const h = s1 * s1 + cos0 * Math.cos(la) * s2 * s2;
    return Math.round(2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h))));
  };
}
