-- Channels and lock periods (issue #4).

-- CreateEnum
CREATE TYPE "LockKind" AS ENUM ('RING_FENCE', 'CAP');

-- CreateEnum
CREATE TYPE "LockScopeKind" AS ENUM ('SKU', 'BRAND', 'CATEGORY', 'ALL');

-- CreateEnum
CREATE TYPE "LockUnit" AS ENUM ('UNITS', 'PERCENT');

-- AlterTable
ALTER TABLE "channel" ADD COLUMN     "routing_strategy_id" INTEGER,
ADD COLUMN     "safety_margin" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "xid" xid8;

-- AlterTable
-- Two steps, so existing entries stay NULL instead of the whole ledger being rewritten.
ALTER TABLE "stock_ledger" ADD COLUMN     "xid" xid8;
ALTER TABLE "stock_ledger" ALTER COLUMN "xid" SET DEFAULT pg_current_xact_id();

-- CreateTable
CREATE TABLE "channel_lock" (
    "id" SERIAL NOT NULL,
    "channel_id" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "LockKind" NOT NULL,
    "scope_kind" "LockScopeKind" NOT NULL,
    "scope_sku_id" INTEGER,
    "scope_brand_id" INTEGER,
    "scope_category" TEXT,
    "unit" "LockUnit" NOT NULL,
    "amount" DOUBLE PRECISION NOT NULL,
    "starts_at" TIMESTAMPTZ(6) NOT NULL,
    "ends_at" TIMESTAMPTZ(6) NOT NULL,
    "time_zone" TEXT NOT NULL,
    "cancelled_at" TIMESTAMPTZ(6),
    "created_by" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "version" INTEGER NOT NULL DEFAULT 1,
    "xid" xid8,

    CONSTRAINT "channel_lock_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "channel_lock_sku" (
    "lock_id" INTEGER NOT NULL,
    "sku_id" INTEGER NOT NULL,
    "pool_at_activation" INTEGER,
    "consumed" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "channel_lock_sku_pkey" PRIMARY KEY ("lock_id","sku_id")
);

-- CreateTable
CREATE TABLE "channel_lock_event" (
    "id" BIGSERIAL NOT NULL,
    "lock_id" INTEGER NOT NULL,
    "action" TEXT NOT NULL,
    "actor" TEXT NOT NULL,
    "at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "before" JSONB,
    "after" JSONB,
    "xid" xid8 DEFAULT pg_current_xact_id(),

    CONSTRAINT "channel_lock_event_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "channel_lock_starts_at_ends_at_idx" ON "channel_lock"("starts_at", "ends_at");

-- CreateIndex
CREATE INDEX "channel_lock_channel_id_idx" ON "channel_lock"("channel_id");

-- CreateIndex
CREATE INDEX "channel_lock_event_lock_id_id_idx" ON "channel_lock_event"("lock_id", "id");

-- CreateIndex
CREATE INDEX "stock_ledger_xid_idx" ON "stock_ledger"("xid");

-- CreateIndex
CREATE INDEX "channel_lock_event_xid_idx" ON "channel_lock_event"("xid");

-- AddForeignKey
ALTER TABLE "channel_lock" ADD CONSTRAINT "channel_lock_channel_id_fkey" FOREIGN KEY ("channel_id") REFERENCES "channel"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "channel_lock_sku" ADD CONSTRAINT "channel_lock_sku_lock_id_fkey" FOREIGN KEY ("lock_id") REFERENCES "channel_lock"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "channel_lock_event" ADD CONSTRAINT "channel_lock_event_lock_id_fkey" FOREIGN KEY ("lock_id") REFERENCES "channel_lock"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- A lock's shape, whatever path writes it (lib/server/channels validates the same with readable messages).
ALTER TABLE "channel_lock" ADD CONSTRAINT "channel_lock_window" CHECK ("ends_at" > "starts_at");
ALTER TABLE "channel_lock" ADD CONSTRAINT "channel_lock_amount" CHECK (
  "amount" >= 0 AND ("unit" = 'UNITS' AND "amount" = trunc("amount") OR "unit" = 'PERCENT' AND "amount" <= 100));
ALTER TABLE "channel_lock" ADD CONSTRAINT "channel_lock_scope" CHECK (
  ("scope_kind" = 'SKU') = ("scope_sku_id" IS NOT NULL) AND
  ("scope_kind" = 'BRAND') = ("scope_brand_id" IS NOT NULL) AND
  ("scope_kind" = 'CATEGORY') = ("scope_category" IS NOT NULL));
ALTER TABLE "channel" ADD CONSTRAINT "channel_safety_margin" CHECK ("safety_margin" >= 0);
ALTER TABLE "channel_lock_sku" ADD CONSTRAINT "channel_lock_sku_amounts" CHECK ("consumed" >= 0 AND ("pool_at_activation" IS NULL OR "pool_at_activation" >= 0));

-- The availability feed's delta lists locks written by transactions a cursor's snapshot did not see.
-- (also on channel: a margin or active flag change moves every SKU's ATS)
CREATE FUNCTION channel_lock_stamp() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.xid := pg_current_xact_id();
  RETURN NEW;
END
$$;
CREATE TRIGGER channel_lock_stamp BEFORE INSERT OR UPDATE ON channel_lock
  FOR EACH ROW EXECUTE FUNCTION channel_lock_stamp();
CREATE TRIGGER channel_stamp BEFORE INSERT OR UPDATE ON channel
  FOR EACH ROW EXECUTE FUNCTION channel_lock_stamp();
