// What the intake actions answer, shared by the server and the page.
import type { PreviewLine, PreviewTotals } from "./preview";
import type { Problem } from "./problems";
import type { IntakeType } from "./schema";

export type Failed = { ok: false; problems: Problem[] };

export type AdjustChange = {
  type: IntakeType;
  location: { code: string; name: string };
  sku: { code: string; name: string };
  quantity: number;
  onHandBefore: number;
  onHandAfter: number;
};

export type StockLookup = {
  location: { code: string; name: string } | null;
  sku: { code: string; name: string } | null;
  onHand: number;
  reserved: number;
};

export type AdjustResponse = { ok: true; change: AdjustChange } | Failed;
export type LookupResponse = { ok: true; stock: StockLookup } | Failed;
export type ChunkResponse = { ok: true; problems: Problem[]; lines: PreviewLine[] } | Failed;
export type ApplyResponse = { ok: true; lines: PreviewLine[]; totals: PreviewTotals } | Failed;
