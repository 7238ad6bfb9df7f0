-- CreateIndex
CREATE INDEX "customer_order_selling_location_id_placed_at_idx" ON "customer_order"("selling_location_id", "placed_at");

