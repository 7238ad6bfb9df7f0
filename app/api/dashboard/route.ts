import { accessDenied } from "@/lib/server/api/errors";
import { getDashboard } from "@/lib/server/dashboard";
import { AccessDenied, authorize } from "@/lib/server/permissions";

// The dashboard's numbers for the signed-in caller's scope, polled by the page to stay live.
export async function GET() {
  try {
    const { scope } = await authorize("dashboard");
    return Response.json(await getDashboard(scope), { headers: { "cache-control": "no-store" } });
  } catch (error) {
    if (error instanceof AccessDenied) return accessDenied(error);
    throw error;
  }
}
