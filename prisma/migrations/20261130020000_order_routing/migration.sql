-- CreateEnum
CREATE TYPE "Fulfilment" AS ENUM ('SHIP', 'PICKUP');

-- CreateEnum
CREATE TYPE "ShipmentStatus" AS ENUM ('RESERVED', 'READY', 'SHIPPED', 'PICKED_UP', 'REJECTED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "StrategyStatus" AS ENUM ('DRAFT', 'ACTIVE', 'RETIRED');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "OrderStatus" ADD VALUE 'BACKORDERED';
ALTER TYPE "OrderStatus" ADD VALUE 'READY';
ALTER TYPE "OrderStatus" ADD VALUE 'PICKED_UP';

-- AlterTable
ALTER TABLE "customer_order" ADD COLUMN     "external_ref" TEXT,
ADD COLUMN     "fulfilment" "Fulfilment" NOT NULL DEFAULT 'SHIP',
ADD COLUMN     "pickup_location_id" INTEGER,
ADD COLUMN     "placed_by" TEXT,
ADD COLUMN     "routing" JSONB,
ADD COLUMN     "strategy_version_id" INTEGER,
ADD COLUMN     "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- AlterTable
ALTER TABLE "order_line" ADD COLUMN     "shipment_id" BIGINT;

-- CreateTable
CREATE TABLE "order_shipment" (
    "id" BIGSERIAL NOT NULL,
    "order_id" BIGINT NOT NULL,
    "location_id" INTEGER NOT NULL,
    "status" "ShipmentStatus" NOT NULL,
    "reservation_id" BIGINT,
    "km" DOUBLE PRECISION NOT NULL,
    "cost_cents" INTEGER NOT NULL,
    "rejected_reason" TEXT,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "order_shipment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "order_event" (
    "id" BIGSERIAL NOT NULL,
    "order_id" BIGINT NOT NULL,
    "action" TEXT NOT NULL,
    "actor" TEXT NOT NULL,
    "at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "detail" JSONB,

    CONSTRAINT "order_event_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "routing_strategy" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "is_default" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "routing_strategy_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "routing_strategy_version" (
    "id" SERIAL NOT NULL,
    "strategy_id" INTEGER NOT NULL,
    "version" INTEGER NOT NULL,
    "status" "StrategyStatus" NOT NULL,
    "rules" JSONB NOT NULL,
    "note" TEXT,
    "created_by" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "activated_by" TEXT,
    "activated_at" TIMESTAMPTZ(6),

    CONSTRAINT "routing_strategy_version_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "order_shipment_order_id_idx" ON "order_shipment"("order_id");

-- CreateIndex
CREATE INDEX "order_shipment_location_id_created_at_idx" ON "order_shipment"("location_id", "created_at");

-- CreateIndex
CREATE INDEX "order_event_order_id_id_idx" ON "order_event"("order_id", "id");

-- CreateIndex
CREATE UNIQUE INDEX "routing_strategy_code_key" ON "routing_strategy"("code");

-- CreateIndex
CREATE UNIQUE INDEX "routing_strategy_version_strategy_id_version_key" ON "routing_strategy_version"("strategy_id", "version");

-- CreateIndex
CREATE INDEX "customer_order_status_placed_at_idx" ON "customer_order"("status", "placed_at");

-- CreateIndex
CREATE UNIQUE INDEX "customer_order_channel_id_external_ref_key" ON "customer_order"("channel_id", "external_ref");

-- CreateIndex
CREATE INDEX "order_line_shipment_id_idx" ON "order_line"("shipment_id");

-- AddForeignKey
ALTER TABLE "channel" ADD CONSTRAINT "channel_routing_strategy_id_fkey" FOREIGN KEY ("routing_strategy_id") REFERENCES "routing_strategy"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "order_shipment" ADD CONSTRAINT "order_shipment_order_id_fkey" FOREIGN KEY ("order_id") REFERENCES "customer_order"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "order_event" ADD CONSTRAINT "order_event_order_id_fkey" FOREIGN KEY ("order_id") REFERENCES "customer_order"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "routing_strategy_version" ADD CONSTRAINT "routing_strategy_version_strategy_id_fkey" FOREIGN KEY ("strategy_id") REFERENCES "routing_strategy"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "order_line" ADD CONSTRAINT "order_line_shipment_id_fkey" FOREIGN KEY ("shipment_id") REFERENCES "order_shipment"("id") ON DELETE SET NULL ON UPDATE CASCADE;


-- At most one active and one draft version per strategy, and one default strategy (Prisma cannot declare
-- partial indexes; schema.prisma names them in comments).
CREATE UNIQUE INDEX "routing_strategy_version_one_active" ON "routing_strategy_version"("strategy_id") WHERE "status" = 'ACTIVE';
CREATE UNIQUE INDEX "routing_strategy_version_one_draft" ON "routing_strategy_version"("strategy_id") WHERE "status" = 'DRAFT';
CREATE UNIQUE INDEX "routing_strategy_one_default" ON "routing_strategy"("is_default") WHERE "is_default";

ALTER TABLE "order_shipment" ADD CONSTRAINT "order_shipment_figures" CHECK ("km" >= 0 AND "cost_cents" >= 0);

-- Every database starts with a default strategy: complete orders first (就全), then nearest (就近), then cheapest
-- (就低), splitting into at most two shipments.
INSERT INTO "routing_strategy" ("code", "name", "is_default") VALUES ('DEFAULT', 'Default', true);
INSERT INTO "routing_strategy_version" ("strategy_id", "version", "status", "rules", "note", "created_by", "activated_by", "activated_at")
SELECT id, 1, 'ACTIVE',
  '{"maxSplits":1,"filters":[{"kind":"capability"},{"kind":"capacity"}],"rankers":[{"kind":"complete"},{"kind":"nearest","measure":"weighted"},{"kind":"lowestCost"}]}'::jsonb,
  'initial default', 'migration', 'migration', CURRENT_TIMESTAMP
FROM "routing_strategy" WHERE "code" = 'DEFAULT';
