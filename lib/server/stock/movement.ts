import "server-only";
import type { MovementType } from "../generated/prisma/enums";
import type { Tx } from "../tx";

/** What a stock change is, who made it and why: written into the ledger by the stock_level trigger. */
export type Movement = {
  type: MovementType;
  actor: string;
  reason?: string | null;
  reference?: string | null;
  /** For receipts: when the goods arrived (defaults to now) and when they expire. */
  lotReceivedAt?: Date | null;
  lotExpiresOn?: string | null;
};

/** Declares the movement for the rest of the transaction; the trigger refuses stock changes without one. */
export async function declareMovement(tx: Tx, m: Movement): Promise<void> {
  await tx.$queryRaw`SELECT
    set_config('yipan.movement', ${m.type}, true),
    set_config('yipan.actor', ${m.actor}, true),
    set_config('yipan.reason', ${m.reason ?? ""}, true),
    set_config('yipan.reference', ${m.reference ?? ""}, true),
    set_config('yipan.lot_received_at', ${m.lotReceivedAt?.toISOString() ?? ""}, true),
    set_config('yipan.lot_expires_on', ${m.lotExpiresOn ?? ""}, true)`;
}
