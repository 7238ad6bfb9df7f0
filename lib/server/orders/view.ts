// What order intake answers (and stores for idempotent replays).
export type OrderView = {
  id: string;
  orderNo: string | null;
  channel: string;
  status: string;
  fulfilment: string;
  placedAt: Date;
  shipments: { id: string; location: string; status: string; km: number; costCents: number; lines: { sku: string; quantity: number }[] }[];
  backOrdered: { sku: string; quantity: number }[];
};
