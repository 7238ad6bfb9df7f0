// Which steps a viewer may take on a transfer (pure; the workflow checks again on the server): the source store
// (or HQ) approves, rejects and ships; HQ forces and cancels; the destination (or HQ) receives and closes; a brand
// partner only looks.
import type { DataScope } from "@/lib/auth/roles";
import type { TransferStatus } from "./list-query";

export const TRANSFER_STEPS = ["approve", "reject", "force", "ship", "receive", "close", "cancel"] as const;
export type TransferStep = (typeof TRANSFER_STEPS)[number];

export type TransferParties = { status: TransferStatus; fromLocationId: number; toLocationId: number };

export function transferSteps(scope: DataScope, t: TransferParties): TransferStep[] {
  if (scope.kind === "brand") return [];
  const hq = scope.kind === "network";
  const source = hq || t.fromLocationId === scope.locationId;
  const destination = hq || t.toLocationId === scope.locationId;
  const steps: TransferStep[] = [];
  if (t.status === "PROPOSED" && source) steps.push("approve", "reject");
  if (hq && (t.status === "PROPOSED" || t.status === "REJECTED")) steps.push("force");
  if (t.status === "APPROVED" && source) steps.push("ship");
  if (t.status === "IN_TRANSIT" && destination) steps.push("receive");
  if (t.status === "RECEIVED" && destination) steps.push("close");
  if (hq && (t.status === "PROPOSED" || t.status === "APPROVED" || t.status === "REJECTED")) steps.push("cancel");
  return steps;
}

/** Steps that need a written reason. */
export const NEEDS_REASON: readonly TransferStep[] = ["reject", "force", "cancel"];

/** The workflow's refusal codes, as message keys. */
export function transferErrorKey(code: string) {
  switch (code) {
    case "not_found":
    case "wrong_state":
    case "not_allowed":
    case "short":
      return `transfers.error.${code}` as const;
    default:
      return null;
  }
}
