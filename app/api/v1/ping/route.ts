import { NextResponse } from "next/server";

// POST /api/v1/ping — answers at once, touching nothing: integrations check they reach the API, and the order
// intake benchmark measures the server's own cost of a POST beside order intake (docs/BENCHMARKS.md).
export async function POST() {
  return NextResponse.json({ pong: true });
}
