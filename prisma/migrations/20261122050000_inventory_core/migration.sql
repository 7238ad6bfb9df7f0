-- CreateEnum
CREATE TYPE "MovementType" AS ENUM ('OPENING', 'RECEIVE', 'ADJUST', 'COUNT', 'RESERVE', 'RELEASE', 'SHIP', 'TRANSFER_OUT', 'TRANSFER_IN', 'RETURN');

-- CreateEnum
CREATE TYPE "ReservationStatus" AS ENUM ('ACTIVE', 'RELEASED', 'SHIPPED');

-- AlterTable
ALTER TABLE "stock_level" ADD COLUMN     "chain_hash" BYTEA,
ADD COLUMN     "ledger_seq" BIGINT NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "stock_ledger" (
    "id" BIGSERIAL NOT NULL,
    "location_id" INTEGER NOT NULL,
    "sku_id" INTEGER NOT NULL,
    "seq" BIGINT NOT NULL,
    "type" "MovementType" NOT NULL,
    "on_hand_before" INTEGER NOT NULL,
    "on_hand_after" INTEGER NOT NULL,
    "reserved_before" INTEGER NOT NULL,
    "reserved_after" INTEGER NOT NULL,
    "safety_before" INTEGER NOT NULL,
    "safety_after" INTEGER NOT NULL,
    "in_transit_before" INTEGER NOT NULL,
    "in_transit_after" INTEGER NOT NULL,
    "actor" TEXT NOT NULL,
    "reason" TEXT,
    "reference" TEXT,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "prev_hash" BYTEA,
    "hash" BYTEA NOT NULL,

    CONSTRAINT "stock_ledger_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "stock_lot" (
    "id" BIGSERIAL NOT NULL,
    "location_id" INTEGER NOT NULL,
    "sku_id" INTEGER NOT NULL,
    "received_at" TIMESTAMPTZ(6) NOT NULL,
    "expires_on" DATE,
    "received_qty" INTEGER NOT NULL,
    "remaining" INTEGER NOT NULL,
    "reference" TEXT,

    CONSTRAINT "stock_lot_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "reservation" (
    "id" BIGSERIAL NOT NULL,
    "idempotency_key" TEXT NOT NULL,
    "reference" TEXT,
    "status" "ReservationStatus" NOT NULL DEFAULT 'ACTIVE',
    "actor" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "reservation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "reservation_line" (
    "id" BIGSERIAL NOT NULL,
    "reservation_id" BIGINT NOT NULL,
    "location_id" INTEGER NOT NULL,
    "sku_id" INTEGER NOT NULL,
    "quantity" INTEGER NOT NULL,

    CONSTRAINT "reservation_line_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "api_key" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "secret_hash" TEXT NOT NULL,
    "channel_id" INTEGER,
    "created_by" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_used_at" TIMESTAMP(3),
    "revoked_at" TIMESTAMP(3),

    CONSTRAINT "api_key_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "idempotency_record" (
    "scope" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "request_hash" TEXT NOT NULL,
    "status" INTEGER NOT NULL,
    "response" JSONB NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "idempotency_record_pkey" PRIMARY KEY ("scope","key")
);

-- CreateIndex
CREATE INDEX "stock_ledger_sku_id_created_at_idx" ON "stock_ledger"("sku_id", "created_at");

-- CreateIndex
CREATE INDEX "stock_ledger_created_at_idx" ON "stock_ledger"("created_at");

-- CreateIndex
CREATE INDEX "stock_ledger_actor_created_at_idx" ON "stock_ledger"("actor", "created_at");

-- CreateIndex
CREATE INDEX "stock_ledger_reference_idx" ON "stock_ledger"("reference");

-- CreateIndex
CREATE UNIQUE INDEX "stock_ledger_location_id_sku_id_seq_key" ON "stock_ledger"("location_id", "sku_id", "seq");

-- CreateIndex
CREATE INDEX "stock_lot_location_id_sku_id_received_at_idx" ON "stock_lot"("location_id", "sku_id", "received_at");

-- CreateIndex
CREATE INDEX "stock_lot_sku_id_idx" ON "stock_lot"("sku_id");

-- CreateIndex
CREATE UNIQUE INDEX "reservation_idempotency_key_key" ON "reservation"("idempotency_key");

-- CreateIndex
CREATE INDEX "reservation_reference_idx" ON "reservation"("reference");

-- CreateIndex
CREATE INDEX "reservation_line_reservation_id_idx" ON "reservation_line"("reservation_id");

-- CreateIndex
CREATE INDEX "reservation_line_sku_id_idx" ON "reservation_line"("sku_id");

-- CreateIndex
CREATE UNIQUE INDEX "api_key_prefix_key" ON "api_key"("prefix");

-- AddForeignKey
ALTER TABLE "reservation_line" ADD CONSTRAINT "reservation_line_reservation_id_fkey" FOREIGN KEY ("reservation_id") REFERENCES "reservation"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- ---------------------------------------------------------------------------------------------------------
-- Ledger: every change to a stock level writes one entry, in the same statement, from this trigger.
-- The caller declares the movement with transaction-local settings (lib/server/stock/movement.ts):
--   yipan.movement (MovementType), yipan.actor, and optionally yipan.reason, yipan.reference,
--   yipan.lot_received_at, yipan.lot_expires_on.
-- Entries of one stock level form a SHA-256 chain: hash = sha256(prev_hash || payload). The head (seq, hash)
-- lives on the stock_level row the change already locks, so chains of different rows never contend.
-- The payload format is mirrored by lib/inventory/ledger-hash.ts, which verifies chains independently.
-- ---------------------------------------------------------------------------------------------------------
CREATE FUNCTION ledger_payload(
  location_id int, sku_id int, seq bigint, movement text,
  ob int, oa int, rb int, ra int, sb int, sa int, tb int, ta int,
  actor text, reason text, reference text, created_at timestamptz
) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT concat_ws('|', 'v1', location_id, sku_id, seq, movement, ob, oa, rb, ra, sb, sa, tb, ta,
    COALESCE(to_json(actor)::text, 'null'), COALESCE(to_json(reason)::text, 'null'),
    COALESCE(to_json(reference)::text, 'null'),
    ((extract(epoch FROM created_at) * 1000000)::bigint)::text)
$$;

CREATE FUNCTION stock_level_ledger() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  movement text := NULLIF(current_setting('yipan.movement', true), '');
  who text := NULLIF(current_setting('yipan.actor', true), '');
  why text := NULLIF(current_setting('yipan.reason', true), '');
  ref text := NULLIF(current_setting('yipan.reference', true), '');
  ts timestamptz := clock_timestamp();
  ob int := 0; rb int := 0; sb int := 0; tb int := 0;
  prev bytea := NULL;
  seq bigint := 0;
  delta int;
  take int;
  lot record;
BEGIN
  IF TG_OP = 'UPDATE' THEN
    IF (NEW.on_hand, NEW.reserved, NEW.safety_stock, NEW.in_transit)
       IS NOT DISTINCT FROM (OLD.on_hand, OLD.reserved, OLD.safety_stock, OLD.in_transit) THEN
      NEW.ledger_seq := OLD.ledger_seq;
      NEW.chain_hash := OLD.chain_hash;
      RETURN NEW;
    END IF;
    ob := OLD.on_hand; rb := OLD.reserved; sb := OLD.safety_stock; tb := OLD.in_transit;
    prev := OLD.chain_hash; seq := OLD.ledger_seq;
  ELSIF (NEW.on_hand, NEW.reserved, NEW.safety_stock, NEW.in_transit) = (0, 0, 0, 0) THEN
    -- An empty new stock level is not a movement. (BEFORE INSERT also fires for rows that
    -- ON CONFLICT DO NOTHING then skips, so writing an entry here would be wrong.)
    NEW.ledger_seq := 0;
    NEW.chain_hash := NULL;
    RETURN NEW;
  END IF;
  IF movement IS NULL OR who IS NULL THEN
    RAISE EXCEPTION 'stock change without a declared movement (yipan.movement and yipan.actor)'
      USING ERRCODE = 'P0001', HINT = 'Use lib/server/stock/movement.ts';
  END IF;

  NEW.ledger_seq := seq + 1;
  NEW.chain_hash := sha256(COALESCE(prev, ''::bytea) || convert_to(ledger_payload(
    NEW.location_id, NEW.sku_id, NEW.ledger_seq, movement, ob, NEW.on_hand, rb, NEW.reserved, sb, NEW.safety_stock,
    tb, NEW.in_transit, who, why, ref, ts), 'UTF8'));
  INSERT INTO stock_ledger (location_id, sku_id, seq, type, on_hand_before, on_hand_after, reserved_before,
    reserved_after, safety_before, safety_after, in_transit_before, in_transit_after, actor, reason, reference,
    created_at, prev_hash, hash)
  VALUES (NEW.location_id, NEW.sku_id, NEW.ledger_seq, movement::"MovementType", ob, NEW.on_hand, rb, NEW.reserved,
    sb, NEW.safety_stock, tb, NEW.in_transit, who, why, ref, ts, prev, NEW.chain_hash);

  -- Lots: stock arriving opens a lot; stock leaving consumes the oldest lots first.
  delta := NEW.on_hand - ob;
  IF delta > 0 THEN
    INSERT INTO stock_lot (location_id, sku_id, received_at, expires_on, received_qty, remaining, reference)
    VALUES (NEW.location_id, NEW.sku_id,
      COALESCE(NULLIF(current_setting('yipan.lot_received_at', true), '')::timestamptz, ts),
      NULLIF(current_setting('yipan.lot_expires_on', true), '')::date, delta, delta, ref);
  ELSIF delta < 0 AND NEW.on_hand >= 0 THEN  -- a negative on hand is left to the CHECK constraint's clearer error
    delta := -delta;
    FOR lot IN SELECT id, remaining FROM stock_lot
               WHERE location_id = NEW.location_id AND sku_id = NEW.sku_id AND remaining > 0
               ORDER BY received_at, id LOOP
      take := LEAST(lot.remaining, delta);
      UPDATE stock_lot SET remaining = remaining - take WHERE id = lot.id;
      delta := delta - take;
      EXIT WHEN delta = 0;
    END LOOP;
    IF delta > 0 THEN
      RAISE EXCEPTION 'lots of location % sku % hold less than on hand', NEW.location_id, NEW.sku_id;
    END IF;
  END IF;
  RETURN NEW;
END
$$;

CREATE TRIGGER stock_level_ledger BEFORE INSERT OR UPDATE ON stock_level
  FOR EACH ROW EXECUTE FUNCTION stock_level_ledger();

-- Append-only: the ledger refuses UPDATE and DELETE; TRUNCATE only when a reset is explicitly declared
-- (demo re-seed, test set-up) with yipan.allow_ledger_reset = on in that transaction.
CREATE FUNCTION stock_ledger_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'TRUNCATE' AND current_setting('yipan.allow_ledger_reset', true) = 'on' THEN
    RETURN NULL;
  END IF;
  RAISE EXCEPTION 'stock_ledger is append-only: % refused', TG_OP USING ERRCODE = 'P0001';
END
$$;

CREATE TRIGGER stock_ledger_no_update_delete BEFORE UPDATE OR DELETE ON stock_ledger
  FOR EACH ROW EXECUTE FUNCTION stock_ledger_immutable();
CREATE TRIGGER stock_ledger_no_truncate BEFORE TRUNCATE ON stock_ledger
  FOR EACH STATEMENT EXECUTE FUNCTION stock_ledger_immutable();

ALTER TABLE "stock_lot" ADD CONSTRAINT "stock_lot_quantities" CHECK ("remaining" >= 0 AND "remaining" <= "received_qty");
ALTER TABLE "reservation_line" ADD CONSTRAINT "reservation_line_quantity_pos" CHECK ("quantity" > 0);
