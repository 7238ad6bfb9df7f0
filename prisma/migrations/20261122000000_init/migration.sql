-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('HQ_ADMIN', 'MERCHANDISER', 'STORE_MANAGER', 'BRAND_PARTNER');

-- CreateEnum
CREATE TYPE "LocationType" AS ENUM ('WAREHOUSE', 'DC', 'STORE');

-- CreateEnum
CREATE TYPE "ChannelType" AS ENUM ('WEBSTORE', 'MARKETPLACE', 'LIVESTREAM', 'MINIPROGRAM', 'POS');

-- CreateEnum
CREATE TYPE "OrderStatus" AS ENUM ('PLACED', 'RESERVED', 'SHIPPED', 'DELIVERED', 'CANCELLED');

-- CreateTable
CREATE TABLE "brand" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "brand_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sku" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "brand_id" INTEGER NOT NULL,
    "category" TEXT NOT NULL,
    "style" TEXT NOT NULL,
    "color" TEXT NOT NULL,
    "size" TEXT NOT NULL,
    "price_cents" INTEGER NOT NULL,
    "cost_cents" INTEGER NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "sku_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "location" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "type" "LocationType" NOT NULL,
    "city" TEXT NOT NULL,
    "province" TEXT NOT NULL,
    "region" TEXT NOT NULL,
    "latitude" DOUBLE PRECISION NOT NULL,
    "longitude" DOUBLE PRECISION NOT NULL,
    "can_ship" BOOLEAN NOT NULL DEFAULT true,
    "can_pickup" BOOLEAN NOT NULL DEFAULT false,
    "daily_capacity" INTEGER NOT NULL,
    "ship_base_cents" INTEGER NOT NULL,
    "ship_per_km_cents" INTEGER NOT NULL,
    "ship_per_unit_cents" INTEGER NOT NULL,
    "exclusive_brand_id" INTEGER,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "location_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "stock_level" (
    "location_id" INTEGER NOT NULL,
    "sku_id" INTEGER NOT NULL,
    "on_hand" INTEGER NOT NULL DEFAULT 0,
    "reserved" INTEGER NOT NULL DEFAULT 0,
    "safety_stock" INTEGER NOT NULL DEFAULT 0,
    "in_transit" INTEGER NOT NULL DEFAULT 0,
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "stock_level_pkey" PRIMARY KEY ("location_id","sku_id")
);

-- CreateTable
CREATE TABLE "channel" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "type" "ChannelType" NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "channel_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "app_user" (
    "id" SERIAL NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "password_hash" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "location_id" INTEGER,
    "brand_id" INTEGER,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "app_user_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "login_throttle" (
    "login" TEXT NOT NULL,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "last_failure" TIMESTAMP(3) NOT NULL,
    "locked_until" TIMESTAMP(3),

    CONSTRAINT "login_throttle_pkey" PRIMARY KEY ("login")
);

-- CreateTable
CREATE TABLE "customer_order" (
    "id" BIGSERIAL NOT NULL,
    "channel_id" INTEGER NOT NULL,
    "selling_location_id" INTEGER,
    "status" "OrderStatus" NOT NULL,
    "placed_at" TIMESTAMP(3) NOT NULL,
    "city" TEXT NOT NULL,
    "province" TEXT NOT NULL,
    "latitude" DOUBLE PRECISION NOT NULL,
    "longitude" DOUBLE PRECISION NOT NULL,
    "total_cents" INTEGER NOT NULL,

    CONSTRAINT "customer_order_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "order_line" (
    "id" BIGSERIAL NOT NULL,
    "order_id" BIGINT NOT NULL,
    "sku_id" INTEGER NOT NULL,
    "fulfill_location_id" INTEGER,
    "quantity" INTEGER NOT NULL,
    "unit_price_cents" INTEGER NOT NULL,
    "placed_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "order_line_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "brand_code_key" ON "brand"("code");

-- CreateIndex
CREATE UNIQUE INDEX "sku_code_key" ON "sku"("code");

-- CreateIndex
CREATE INDEX "sku_brand_id_idx" ON "sku"("brand_id");

-- CreateIndex
CREATE INDEX "sku_category_idx" ON "sku"("category");

-- CreateIndex
CREATE INDEX "sku_style_idx" ON "sku"("style");

-- CreateIndex
CREATE UNIQUE INDEX "location_code_key" ON "location"("code");

-- CreateIndex
CREATE INDEX "location_type_idx" ON "location"("type");

-- CreateIndex
CREATE INDEX "location_region_idx" ON "location"("region");

-- CreateIndex
CREATE INDEX "stock_level_sku_id_idx" ON "stock_level"("sku_id");

-- CreateIndex
CREATE UNIQUE INDEX "channel_code_key" ON "channel"("code");

-- CreateIndex
CREATE UNIQUE INDEX "app_user_email_key" ON "app_user"("email");

-- CreateIndex
CREATE INDEX "customer_order_placed_at_idx" ON "customer_order"("placed_at");

-- CreateIndex
CREATE INDEX "customer_order_channel_id_placed_at_idx" ON "customer_order"("channel_id", "placed_at");

-- CreateIndex
CREATE INDEX "order_line_order_id_idx" ON "order_line"("order_id");

-- CreateIndex
CREATE INDEX "order_line_placed_at_sku_id_idx" ON "order_line"("placed_at", "sku_id");

-- CreateIndex
CREATE INDEX "order_line_fulfill_location_id_placed_at_idx" ON "order_line"("fulfill_location_id", "placed_at");

-- AddForeignKey
ALTER TABLE "sku" ADD CONSTRAINT "sku_brand_id_fkey" FOREIGN KEY ("brand_id") REFERENCES "brand"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "location" ADD CONSTRAINT "location_exclusive_brand_id_fkey" FOREIGN KEY ("exclusive_brand_id") REFERENCES "brand"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "stock_level" ADD CONSTRAINT "stock_level_location_id_fkey" FOREIGN KEY ("location_id") REFERENCES "location"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "stock_level" ADD CONSTRAINT "stock_level_sku_id_fkey" FOREIGN KEY ("sku_id") REFERENCES "sku"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "app_user" ADD CONSTRAINT "app_user_location_id_fkey" FOREIGN KEY ("location_id") REFERENCES "location"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "app_user" ADD CONSTRAINT "app_user_brand_id_fkey" FOREIGN KEY ("brand_id") REFERENCES "brand"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "customer_order" ADD CONSTRAINT "customer_order_channel_id_fkey" FOREIGN KEY ("channel_id") REFERENCES "channel"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "customer_order" ADD CONSTRAINT "customer_order_selling_location_id_fkey" FOREIGN KEY ("selling_location_id") REFERENCES "location"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "order_line" ADD CONSTRAINT "order_line_order_id_fkey" FOREIGN KEY ("order_id") REFERENCES "customer_order"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "order_line" ADD CONSTRAINT "order_line_sku_id_fkey" FOREIGN KEY ("sku_id") REFERENCES "sku"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "order_line" ADD CONSTRAINT "order_line_fulfill_location_id_fkey" FOREIGN KEY ("fulfill_location_id") REFERENCES "location"("id") ON DELETE SET NULL ON UPDATE CASCADE;


-- Impossible stock is unrepresentable: no negative quantities, never more reserved than on hand.
ALTER TABLE "stock_level" ADD CONSTRAINT "stock_level_on_hand_nonneg" CHECK ("on_hand" >= 0);
ALTER TABLE "stock_level" ADD CONSTRAINT "stock_level_reserved_nonneg" CHECK ("reserved" >= 0);
ALTER TABLE "stock_level" ADD CONSTRAINT "stock_level_reserved_le_on_hand" CHECK ("reserved" <= "on_hand");
ALTER TABLE "stock_level" ADD CONSTRAINT "stock_level_safety_nonneg" CHECK ("safety_stock" >= 0);
ALTER TABLE "stock_level" ADD CONSTRAINT "stock_level_in_transit_nonneg" CHECK ("in_transit" >= 0);

-- Catalogue and network sanity.
ALTER TABLE "sku" ADD CONSTRAINT "sku_prices_nonneg" CHECK ("price_cents" >= 0 AND "cost_cents" >= 0);
ALTER TABLE "location" ADD CONSTRAINT "location_coordinates" CHECK ("latitude" BETWEEN -90 AND 90 AND "longitude" BETWEEN -180 AND 180);
ALTER TABLE "location" ADD CONSTRAINT "location_capacity_nonneg" CHECK ("daily_capacity" >= 0);
ALTER TABLE "location" ADD CONSTRAINT "location_ship_costs_nonneg" CHECK ("ship_base_cents" >= 0 AND "ship_per_km_cents" >= 0 AND "ship_per_unit_cents" >= 0);
ALTER TABLE "order_line" ADD CONSTRAINT "order_line_quantity_pos" CHECK ("quantity" > 0);

-- Role bindings: a store manager is bound to one location, a brand partner to one brand.
ALTER TABLE "app_user" ADD CONSTRAINT "app_user_role_binding" CHECK (
  ("role" <> 'STORE_MANAGER' OR "location_id" IS NOT NULL) AND
  ("role" <> 'BRAND_PARTNER' OR "brand_id" IS NOT NULL)
);
