-- DropIndex
DROP INDEX "reservation_line_sku_id_idx";

-- CreateTable
CREATE TABLE "stock_rollup_location" (
    "location_id" INTEGER NOT NULL,
    "brand_id" INTEGER NOT NULL,
    "on_hand" BIGINT NOT NULL DEFAULT 0,
    "reserved" BIGINT NOT NULL DEFAULT 0,
    "atp" BIGINT NOT NULL DEFAULT 0,
    "stock_outs" BIGINT NOT NULL DEFAULT 0,
    "below_safety" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "stock_rollup_location_pkey" PRIMARY KEY ("location_id","brand_id")
);

-- CreateTable
CREATE TABLE "stock_rollup_sku" (
    "sku_id" INTEGER NOT NULL,
    "atp" BIGINT NOT NULL DEFAULT 0,
    "stock_outs" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "stock_rollup_sku_pkey" PRIMARY KEY ("sku_id")
);

-- CreateTable
CREATE TABLE "stock_rollup_pending" (
    "id" BIGSERIAL NOT NULL,
    "location_id" INTEGER NOT NULL,
    "sku_id" INTEGER NOT NULL,
    "on_hand" INTEGER NOT NULL,
    "reserved" INTEGER NOT NULL,
    "atp" INTEGER NOT NULL,
    "stock_outs" INTEGER NOT NULL,
    "below_safety" INTEGER NOT NULL,

    CONSTRAINT "stock_rollup_pending_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "lot_rollup_day" (
    "brand_id" INTEGER NOT NULL,
    "received_on" DATE NOT NULL,
    "units" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "lot_rollup_day_pkey" PRIMARY KEY ("brand_id","received_on")
);

-- CreateTable
CREATE TABLE "lot_rollup_pending" (
    "id" BIGSERIAL NOT NULL,
    "sku_id" INTEGER NOT NULL,
    "received_on" DATE NOT NULL,
    "units" INTEGER NOT NULL,

    CONSTRAINT "lot_rollup_pending_pkey" PRIMARY KEY ("id")
);


-- ---------------------------------------------------------------------------------------------------------
-- Dashboard rollups. Capture: every change of a stock level or a lot appends its signed difference to a
-- *_pending table (an insert, never an update, so concurrent reservations of different SKUs share no row).
-- Fold: fold_rollups() moves pending rows into the rollups; one folder at a time (advisory lock).
-- Read: rollup + pending in one statement (lib/server/dashboard.ts), exact at any moment.
-- The per-row figures mirror lib/server/stock-sql.ts (ATP, stock-out, below safety).
-- ---------------------------------------------------------------------------------------------------------
CREATE FUNCTION stock_rollup_capture() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  loc int; sku int;
  d_on int := 0; d_res int := 0; d_atp int := 0; d_out int := 0; d_below int := 0;
BEGIN
  IF TG_OP <> 'DELETE' THEN
    loc := NEW.location_id; sku := NEW.sku_id;
    d_on := NEW.on_hand; d_res := NEW.reserved;
    d_atp := GREATEST(0, NEW.on_hand - NEW.reserved - NEW.safety_stock);
    d_out := (NEW.on_hand - NEW.reserved <= 0)::int;
    d_below := (NEW.on_hand - NEW.reserved > 0 AND NEW.on_hand - NEW.reserved < NEW.safety_stock)::int;
  END IF;
  IF TG_OP <> 'INSERT' THEN
    loc := OLD.location_id; sku := OLD.sku_id;
    d_on := d_on - OLD.on_hand; d_res := d_res - OLD.reserved;
    d_atp := d_atp - GREATEST(0, OLD.on_hand - OLD.reserved - OLD.safety_stock);
    d_out := d_out - (OLD.on_hand - OLD.reserved <= 0)::int;
    d_below := d_below - (OLD.on_hand - OLD.reserved > 0 AND OLD.on_hand - OLD.reserved < OLD.safety_stock)::int;
  END IF;
  IF (d_on, d_res, d_atp, d_out, d_below) <> (0, 0, 0, 0, 0) THEN
    INSERT INTO stock_rollup_pending (location_id, sku_id, on_hand, reserved, atp, stock_outs, below_safety)
    VALUES (loc, sku, d_on, d_res, d_atp, d_out, d_below);
  END IF;
  RETURN NULL;
END
$$;

-- AFTER, not BEFORE: only rows really written count (ON CONFLICT DO NOTHING skips fire BEFORE triggers too).
CREATE TRIGGER stock_level_rollup AFTER INSERT OR DELETE ON stock_level
  FOR EACH ROW WHEN (current_setting('yipan.rollup_capture', true) IS DISTINCT FROM 'off') EXECUTE FUNCTION stock_rollup_capture();
CREATE TRIGGER stock_level_rollup_update AFTER UPDATE ON stock_level
  FOR EACH ROW WHEN ((OLD.on_hand, OLD.reserved, OLD.safety_stock) IS DISTINCT FROM (NEW.on_hand, NEW.reserved, NEW.safety_stock)
    AND current_setting('yipan.rollup_capture', true) IS DISTINCT FROM 'off')
  EXECUTE FUNCTION stock_rollup_capture();

-- Lots roll up by UTC receipt date: lib/inventory/age.ts settles whole days into age buckets and asks for
-- the lots of the (at most three) days that straddle a bucket boundary, so the buckets stay exact.
CREATE FUNCTION lot_rollup_capture() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND OLD.sku_id = NEW.sku_id
     AND (OLD.received_at AT TIME ZONE 'UTC')::date = (NEW.received_at AT TIME ZONE 'UTC')::date THEN
    IF NEW.remaining <> OLD.remaining THEN
      INSERT INTO lot_rollup_pending (sku_id, received_on, units)
      VALUES (NEW.sku_id, (NEW.received_at AT TIME ZONE 'UTC')::date, NEW.remaining - OLD.remaining);
    END IF;
    RETURN NULL;
  END IF;
  IF TG_OP <> 'INSERT' AND OLD.remaining <> 0 THEN
    INSERT INTO lot_rollup_pending (sku_id, received_on, units)
    VALUES (OLD.sku_id, (OLD.received_at AT TIME ZONE 'UTC')::date, -OLD.remaining);
  END IF;
  IF TG_OP <> 'DELETE' AND NEW.remaining <> 0 THEN
    INSERT INTO lot_rollup_pending (sku_id, received_on, units)
    VALUES (NEW.sku_id, (NEW.received_at AT TIME ZONE 'UTC')::date, NEW.remaining);
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER stock_lot_rollup AFTER INSERT OR UPDATE OR DELETE ON stock_lot
  FOR EACH ROW WHEN (current_setting('yipan.rollup_capture', true) IS DISTINCT FROM 'off') EXECUTE FUNCTION lot_rollup_capture();

CREATE FUNCTION stock_rollup_reset() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_TABLE_NAME = 'stock_level' THEN
    TRUNCATE stock_rollup_location, stock_rollup_sku, stock_rollup_pending;
  ELSE
    TRUNCATE lot_rollup_day, lot_rollup_pending;
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER stock_level_rollup_reset AFTER TRUNCATE ON stock_level
  FOR EACH STATEMENT EXECUTE FUNCTION stock_rollup_reset();
CREATE TRIGGER stock_lot_rollup_reset AFTER TRUNCATE ON stock_lot
  FOR EACH STATEMENT EXECUTE FUNCTION stock_rollup_reset();

-- Brand rollups assume a SKU keeps its brand once it has stock (settlement relies on it too).
CREATE FUNCTION sku_brand_fixed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM stock_level WHERE sku_id = OLD.id) OR EXISTS (SELECT 1 FROM stock_lot WHERE sku_id = OLD.id) THEN
    RAISE EXCEPTION 'SKU % has stock: its brand cannot change', OLD.code USING ERRCODE = 'P0001';
  END IF;
  RETURN NEW;
END
$$;

CREATE TRIGGER sku_brand_fixed BEFORE UPDATE OF brand_id ON sku
  FOR EACH ROW WHEN (OLD.brand_id IS DISTINCT FROM NEW.brand_id) EXECUTE FUNCTION sku_brand_fixed();

-- Returns false without waiting when another session is folding.
CREATE FUNCTION fold_rollups() RETURNS boolean LANGUAGE plpgsql AS $$
BEGIN
  IF NOT pg_try_advisory_xact_lock(hashtext('yipan.fold_rollups')) THEN
    RETURN false;
  END IF;
  WITH moved AS (DELETE FROM stock_rollup_pending RETURNING *),
  by_location AS (
    INSERT INTO stock_rollup_location AS r (location_id, brand_id, on_hand, reserved, atp, stock_outs, below_safety)
    SELECT m.location_id, k.brand_id, SUM(m.on_hand), SUM(m.reserved), SUM(m.atp), SUM(m.stock_outs), SUM(m.below_safety)
    FROM moved m JOIN sku k ON k.id = m.sku_id
    GROUP BY m.location_id, k.brand_id
    ON CONFLICT (location_id, brand_id) DO UPDATE SET
      on_hand = r.on_hand + EXCLUDED.on_hand, reserved = r.reserved + EXCLUDED.reserved, atp = r.atp + EXCLUDED.atp,
      stock_outs = r.stock_outs + EXCLUDED.stock_outs, below_safety = r.below_safety + EXCLUDED.below_safety
  )
  INSERT INTO stock_rollup_sku AS r (sku_id, atp, stock_outs)
  SELECT sku_id, SUM(atp), SUM(stock_outs) FROM moved GROUP BY sku_id
  ON CONFLICT (sku_id) DO UPDATE SET atp = r.atp + EXCLUDED.atp, stock_outs = r.stock_outs + EXCLUDED.stock_outs;

  WITH moved AS (DELETE FROM lot_rollup_pending RETURNING *)
  INSERT INTO lot_rollup_day AS r (brand_id, received_on, units)
  SELECT k.brand_id, m.received_on, SUM(m.units) FROM moved m JOIN sku k ON k.id = m.sku_id
  GROUP BY k.brand_id, m.received_on
  ON CONFLICT (brand_id, received_on) DO UPDATE SET units = r.units + EXCLUDED.units;
  DELETE FROM lot_rollup_day WHERE units = 0;
  RETURN true;
END
$$;

-- Recompute every rollup from the base tables: after the migration, and after bulk loads (the demo seed)
-- that switch capture off in their transaction with yipan.rollup_capture = off.
CREATE FUNCTION rebuild_rollups() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext('yipan.fold_rollups'));
  TRUNCATE stock_rollup_location, stock_rollup_sku, stock_rollup_pending, lot_rollup_day, lot_rollup_pending;

  INSERT INTO stock_rollup_location (location_id, brand_id, on_hand, reserved, atp, stock_outs, below_safety)
  SELECT sl.location_id, k.brand_id, SUM(sl.on_hand), SUM(sl.reserved),
         SUM(GREATEST(0, sl.on_hand - sl.reserved - sl.safety_stock)),
         COUNT(*) FILTER (WHERE sl.on_hand - sl.reserved <= 0),
         COUNT(*) FILTER (WHERE sl.on_hand - sl.reserved > 0 AND sl.on_hand - sl.reserved < sl.safety_stock)
  FROM stock_level sl JOIN sku k ON k.id = sl.sku_id
  GROUP BY sl.location_id, k.brand_id;

  INSERT INTO stock_rollup_sku (sku_id, atp, stock_outs)
  SELECT sku_id, SUM(GREATEST(0, on_hand - reserved - safety_stock)), COUNT(*) FILTER (WHERE on_hand - reserved <= 0)
  FROM stock_level GROUP BY sku_id;

  INSERT INTO lot_rollup_day (brand_id, received_on, units)
  SELECT k.brand_id, (lo.received_at AT TIME ZONE 'UTC')::date, SUM(lo.remaining)
  FROM stock_lot lo JOIN sku k ON k.id = lo.sku_id
  WHERE lo.remaining > 0
  GROUP BY 1, 2;
END
$$;

SELECT rebuild_rollups();
