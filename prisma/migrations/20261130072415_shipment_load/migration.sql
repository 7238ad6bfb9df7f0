-- CreateTable
CREATE TABLE "shipment_load" (
    "location_id" INTEGER NOT NULL,
    "bucket" TIMESTAMPTZ(6) NOT NULL,
    "shipments" INTEGER NOT NULL,

    CONSTRAINT "shipment_load_pkey" PRIMARY KEY ("location_id","bucket")
);

-- CreateTable
CREATE TABLE "shipment_load_pending" (
    "id" BIGSERIAL NOT NULL,
    "location_id" INTEGER NOT NULL,
    "bucket" TIMESTAMPTZ(6) NOT NULL,
    "shipments" INTEGER NOT NULL,

    CONSTRAINT "shipment_load_pending_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "shipment_load_bucket_idx" ON "shipment_load"("bucket");

-- CreateIndex
CREATE INDEX "shipment_load_pending_location_id_bucket_idx" ON "shipment_load_pending"("location_id", "bucket");


-- The capacity filter asks, for every candidate location, how many of today's shipments still count (not rejected,
-- not cancelled). Counting order_shipment rows made each routing read O(the day's shipments); these counts make
-- it O(quarter hours). Quarter hours: a business day starts on one in every time zone in use.
CREATE FUNCTION shipment_load_bucket(at timestamptz) RETURNS timestamptz LANGUAGE sql IMMUTABLE AS $$
  SELECT date_bin('15 minutes', at, TIMESTAMPTZ '2000-01-01 00:00:00+00')
$$;

-- Statement-level, so a batch of orders appends one row per (location, quarter hour), not one per shipment.
-- Only the shipment's location, creation time and whether it counts matter.
CREATE FUNCTION shipment_load_capture() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO shipment_load_pending (location_id, bucket, shipments)
    SELECT location_id, shipment_load_bucket(created_at), COUNT(*) FROM new_rows
    WHERE status NOT IN ('REJECTED', 'CANCELLED') GROUP BY 1, 2;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO shipment_load_pending (location_id, bucket, shipments)
    SELECT location_id, shipment_load_bucket(created_at), -COUNT(*) FROM old_rows
    WHERE status NOT IN ('REJECTED', 'CANCELLED') GROUP BY 1, 2;
  ELSE
    INSERT INTO shipment_load_pending (location_id, bucket, shipments)
    SELECT location_id, bucket, SUM(d) FROM (
      SELECT location_id, shipment_load_bucket(created_at) AS bucket, -1 AS d FROM old_rows WHERE status NOT IN ('REJECTED', 'CANCELLED')
      UNION ALL
      SELECT location_id, shipment_load_bucket(created_at), 1 FROM new_rows WHERE status NOT IN ('REJECTED', 'CANCELLED')
    ) x GROUP BY 1, 2 HAVING SUM(d) <> 0;
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER order_shipment_load_insert AFTER INSERT ON order_shipment
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION shipment_load_capture();
CREATE TRIGGER order_shipment_load_update AFTER UPDATE ON order_shipment
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION shipment_load_capture();
CREATE TRIGGER order_shipment_load_delete AFTER DELETE ON order_shipment
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION shipment_load_capture();

CREATE FUNCTION shipment_load_reset() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  TRUNCATE shipment_load, shipment_load_pending;
  RETURN NULL;
END
$$;
CREATE TRIGGER order_shipment_load_reset AFTER TRUNCATE ON order_shipment
  FOR EACH STATEMENT EXECUTE FUNCTION shipment_load_reset();

-- Moves pending counts into shipment_load and drops quarter hours older than two days (the filter reads today's).
-- Returns false without waiting when another session is folding.
CREATE FUNCTION fold_shipment_load() RETURNS boolean LANGUAGE plpgsql AS $$
BEGIN
  IF NOT pg_try_advisory_xact_lock(hashtext('yipan.fold_shipment_load')) THEN
    RETURN false;
  END IF;
  WITH moved AS (DELETE FROM shipment_load_pending RETURNING location_id, bucket, shipments)
  INSERT INTO shipment_load AS r (location_id, bucket, shipments)
  SELECT location_id, bucket, SUM(shipments) FROM moved GROUP BY 1, 2
  ON CONFLICT (location_id, bucket) DO UPDATE SET shipments = r.shipments + EXCLUDED.shipments;
  DELETE FROM shipment_load WHERE bucket < now() - interval '2 days';
  RETURN true;
END
$$;

-- Shipments placed before this migration.
INSERT INTO shipment_load (location_id, bucket, shipments)
SELECT location_id, shipment_load_bucket(created_at), COUNT(*) FROM order_shipment
WHERE status NOT IN ('REJECTED', 'CANCELLED') AND created_at >= now() - interval '2 days'
GROUP BY 1, 2;
