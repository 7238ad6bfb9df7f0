-- CreateEnum
CREATE TYPE "TransferStatus" AS ENUM ('PROPOSED', 'APPROVED', 'IN_TRANSIT', 'RECEIVED', 'CLOSED', 'REJECTED', 'CANCELLED');

-- CreateTable
CREATE TABLE "transfer" (
    "id" BIGSERIAL NOT NULL,
    "sku_id" INTEGER NOT NULL,
    "from_location_id" INTEGER NOT NULL,
    "to_location_id" INTEGER NOT NULL,
    "quantity" INTEGER NOT NULL,
    "status" "TransferStatus" NOT NULL,
    "origin" TEXT NOT NULL,
    "reason" JSONB,
    "forced_by" TEXT,
    "force_reason" TEXT,
    "reject_reason" TEXT,
    "received_qty" INTEGER,
    "discrepancy_note" TEXT,
    "created_by" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "transfer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "transfer_event" (
    "id" BIGSERIAL NOT NULL,
    "transfer_id" BIGINT NOT NULL,
    "action" TEXT NOT NULL,
    "actor" TEXT NOT NULL,
    "at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "detail" JSONB,

    CONSTRAINT "transfer_event_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "transfer_from_location_id_status_idx" ON "transfer"("from_location_id", "status");

-- CreateIndex
CREATE INDEX "transfer_to_location_id_status_idx" ON "transfer"("to_location_id", "status");

-- CreateIndex
CREATE INDEX "transfer_status_created_at_idx" ON "transfer"("status", "created_at");

-- CreateIndex
CREATE INDEX "transfer_sku_id_idx" ON "transfer"("sku_id");

-- CreateIndex
CREATE INDEX "transfer_event_transfer_id_id_idx" ON "transfer_event"("transfer_id", "id");

-- AddForeignKey
ALTER TABLE "transfer_event" ADD CONSTRAINT "transfer_event_transfer_id_fkey" FOREIGN KEY ("transfer_id") REFERENCES "transfer"("id") ON DELETE CASCADE ON UPDATE CASCADE;


ALTER TABLE "transfer" ADD CONSTRAINT "transfer_shape" CHECK (
  "quantity" > 0 AND "from_location_id" <> "to_location_id"
  AND ("received_qty" IS NULL OR "received_qty" BETWEEN 0 AND "quantity"));
