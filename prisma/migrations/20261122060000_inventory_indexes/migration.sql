-- Inventory grid and pages (issue #3). Both indexes are partial (remaining > 0): open lots only, so they stay
-- small as exhausted lots pile up, and a lookup never wades through empty lots first. Prisma cannot declare
-- a partial index and its diff ignores them: schema.prisma names them in a comment of model StockLot.

-- Age order of the grid walks open lots from the oldest arrival.
CREATE INDEX "stock_lot_open_received_idx" ON "stock_lot"("received_at", "id") WHERE "remaining" > 0;

-- A stock level's oldest open lot (grid age column, "aged 90+" filter, location age profile), and the
-- ledger trigger's FIFO walk over a stock level's open lots.
CREATE INDEX "stock_lot_open_pair_idx" ON "stock_lot"("location_id", "sku_id", "received_at", "id") WHERE "remaining" > 0;
