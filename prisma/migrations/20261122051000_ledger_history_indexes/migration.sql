-- CreateIndex
CREATE INDEX "stock_ledger_sku_id_id_idx" ON "stock_ledger"("sku_id", "id");

-- CreateIndex
CREATE INDEX "stock_ledger_location_id_id_idx" ON "stock_ledger"("location_id", "id");

-- CreateIndex
CREATE INDEX "stock_ledger_actor_id_idx" ON "stock_ledger"("actor", "id");

-- DropIndex
DROP INDEX "stock_ledger_actor_created_at_idx";

-- DropIndex
DROP INDEX "stock_ledger_sku_id_created_at_idx";

