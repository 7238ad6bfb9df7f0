import { NextResponse } from "next/server";
import { AccessDenied, authorize } from "@/lib/server/permissions";
import { getProgress } from "../progress-store";

/** GET /transfers/progress?run=<uuid>: how far a suggestion run has got (HQ only). */
export async function GET(request: Request) {
  try {
    const { scope } = await authorize("transfers");
    if (scope.kind !== "network") return NextResponse.json({ error: "Only HQ generates suggestions." }, { status: 403 });
  } catch (error) {
    if (error instanceof AccessDenied) return NextResponse.json({ error: error.message }, { status: error.status });
    throw error;
  }
  const run = new URL(request.url).searchParams.get("run") ?? "";
  return NextResponse.json(getProgress(run) ?? { done: 0, total: 0, finished: false }, { headers: { "Cache-Control": "no-store" } });
}
