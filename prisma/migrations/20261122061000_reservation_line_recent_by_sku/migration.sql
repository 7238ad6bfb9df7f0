-- The SKU page lists a SKU's newest active reservation lines; a live-stream SKU holds tens of thousands, so
-- reading them newest-first by id (ids follow time) beats sorting them all. (reservation_line_sku_id_idx is
-- now a prefix of this one and could go; it is left to the reservation code's owner.)
-- CreateIndex
CREATE INDEX "reservation_line_sku_id_id_idx" ON "reservation_line"("sku_id", "id");
