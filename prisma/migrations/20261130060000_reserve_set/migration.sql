-- Set-based reservations (order intake at batch speed) and cheaper routing explanations.

-- The explanation is written once per order and read whole by the order page: json keeps the text as sent
-- (jsonb would parse it into a tree on every insert, most of the cost of writing a batch of orders).
ALTER TABLE "customer_order" ALTER COLUMN "routing" SET DATA TYPE JSON;

-- A set-based UPDATE of many stock levels for many orders names each row's ledger reference in this column; the
-- ledger trigger moves it into the entry and clears it, so it is NULL at rest.
ALTER TABLE "stock_level" ADD COLUMN "ledger_reference" TEXT;

-- Room on every page for the new version of a row, so a reservation's update stays on its page (a HOT update:
-- no index entries) and the rows keep the physical order they were loaded in.
ALTER TABLE "stock_level" SET (fillfactor = 85);

-- The ledger trigger of 20261122050000_inventory_core, with the per-row reference: NEW.ledger_reference when set,
-- else yipan.reference.
CREATE OR REPLACE FUNCTION stock_level_ledger() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  movement text := NULLIF(current_setting('yipan.movement', true), '');
  who text := NULLIF(current_setting('yipan.actor', true), '');
  why text := NULLIF(current_setting('yipan.reason', true), '');
  ref text;
  ts timestamptz := clock_timestamp();
  ob int := 0; rb int := 0; sb int := 0; tb int := 0;
  prev bytea := NULL;
  seq bigint := 0;
  delta int;
  take int;
  lot record;
BEGIN
  ref := COALESCE(NEW.ledger_reference, NULLIF(current_setting('yipan.reference', true), ''));
  NEW.ledger_reference := NULL;
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

-- reserve_lines: the guard every reservation goes through. Lines (reservation, reference, location, SKU, quantity)
-- in any order, merged per reservation. Every stock row is locked first in (location_id, sku_id) order (the lock
-- order of all stock writers, so no deadlock); then the rows change in rounds — round k takes the k-th line of each
-- stock level — so a stock level that several reservations draw on changes once per line, each with its own ledger
-- entry and reference. A row changes only if its ATP (on_hand − reserved − safety_stock) still covers the line at
-- that moment. Any line that does not fit raises YP409 with DETAIL = [[location_id, sku_id, requested, available],
-- …] (requested: all of this call's lines on that stock level; available: its ATP before the call), and the
-- caller's subtransaction undoes everything. Reservation lines are written here too.
CREATE FUNCTION reserve_lines(p_reservations bigint[], p_references text[], p_locations int[], p_skus int[], p_quantities int[])
RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  rounds int[];
  last int;
  want int;
  done text[];
  short jsonb;
BEGIN
  PERFORM 1 FROM stock_level sl
    JOIN (SELECT DISTINCT location_id, sku_id FROM unnest(p_locations, p_skus) AS t(location_id, sku_id)) t USING (location_id, sku_id)
    ORDER BY location_id, sku_id FOR UPDATE OF sl;
  SELECT array_agg(r ORDER BY n), max(r) INTO rounds, last FROM (
    SELECT n, row_number() OVER (PARTITION BY location_id, sku_id ORDER BY n)::int AS r
    FROM unnest(p_locations, p_skus) WITH ORDINALITY AS t(location_id, sku_id, n)) x;
  IF last IS NULL THEN
    RETURN;
  END IF;
  FOR k IN 1..last LOOP
    SELECT count(*) INTO want FROM unnest(rounds) AS r WHERE r = k;
    WITH u AS (
      UPDATE stock_level sl SET reserved = sl.reserved + t.q, ledger_reference = t.ref
      FROM unnest(p_references, p_locations, p_skus, p_quantities, rounds) AS t(ref, location_id, sku_id, q, r)
      WHERE t.r = k AND sl.location_id = t.location_id AND sl.sku_id = t.sku_id
        AND sl.on_hand - sl.reserved - sl.safety_stock >= t.q
      RETURNING sl.location_id || ':' || sl.sku_id AS key)
    SELECT COALESCE(array_agg(key), '{}') INTO done FROM u;
    IF cardinality(done) < want THEN
      -- Rows of this round that did not change; their ATP before the call adds back what earlier rounds took.
      SELECT jsonb_agg(jsonb_build_array(s.location_id, s.sku_id, s.requested,
               GREATEST(0, COALESCE(sl.on_hand - sl.reserved - sl.safety_stock, 0) + s.taken)) ORDER BY s.location_id, s.sku_id)
        INTO short
        FROM (SELECT location_id, sku_id, SUM(q)::int AS requested, COALESCE(SUM(q) FILTER (WHERE r < k), 0)::int AS taken
              FROM unnest(p_locations, p_skus, p_quantities, rounds) AS t(location_id, sku_id, q, r)
              GROUP BY location_id, sku_id) s
        JOIN unnest(p_locations, p_skus, rounds) AS f(location_id, sku_id, r)
          ON f.r = k AND f.location_id = s.location_id AND f.sku_id = s.sku_id
             AND NOT (f.location_id || ':' || f.sku_id = ANY (done))
        LEFT JOIN stock_level sl ON sl.location_id = s.location_id AND sl.sku_id = s.sku_id;
      RAISE EXCEPTION USING ERRCODE = 'YP409', MESSAGE = 'insufficient stock', DETAIL = short::text;
    END IF;
  END LOOP;
  INSERT INTO reservation_line (reservation_id, location_id, sku_id, quantity)
    SELECT * FROM unnest(p_reservations, p_locations, p_skus, p_quantities);
END
$$;

-- reserve_stock (20261122052000_reserve_function), unchanged in what it answers, now through reserve_lines.
CREATE OR REPLACE FUNCTION reserve_stock(p_key text, p_actor text, p_reference text, p_locations int[], p_skus int[], p_quantities int[])
RETURNS jsonb LANGUAGE plpgsql AS $$
DECLARE
  rid bigint;
  detail text;
BEGIN
  BEGIN -- a subtransaction: a short reservation rolls back everything it did
    INSERT INTO reservation (idempotency_key, reference, actor) VALUES (p_key, p_reference, p_actor)
    ON CONFLICT (idempotency_key) DO NOTHING RETURNING id INTO rid;
    IF rid IS NULL THEN
      SELECT id INTO rid FROM reservation WHERE idempotency_key = p_key;
      RETURN jsonb_build_object('status', 'replayed', 'id', rid, 'lines',
        (SELECT COALESCE(jsonb_agg(jsonb_build_array(location_id, sku_id, quantity) ORDER BY location_id, sku_id), '[]')
         FROM reservation_line WHERE reservation_id = rid));
    END IF;
    PERFORM set_config('yipan.movement', 'RESERVE', true), set_config('yipan.actor', p_actor, true),
            set_config('yipan.reason', '', true), set_config('yipan.reference', '', true),
            set_config('yipan.lot_received_at', '', true), set_config('yipan.lot_expires_on', '', true);
    PERFORM reserve_lines(array_fill(rid, ARRAY[cardinality(p_locations)]),
      array_fill(COALESCE(p_reference, 'reservation:' || rid), ARRAY[cardinality(p_locations)]), p_locations, p_skus, p_quantities);
    RETURN jsonb_build_object('status', 'reserved', 'id', rid);
  EXCEPTION WHEN SQLSTATE 'YP409' THEN
    GET STACKED DIAGNOSTICS detail = PG_EXCEPTION_DETAIL;
    RETURN jsonb_build_object('status', 'insufficient', 'shortages', detail::jsonb);
  END;
END
$$;

-- reserve_many (20261130030000): a set of reservations (a batch of orders' shipments), now all or nothing and
-- set-based: one insert of the reservations, the lines through reserve_lines. p_items: [{"key", "reference",
-- "lines": [[location_id, sku_id, quantity], …]}, …], each item's lines merged. Answers
--   {"status": "reserved", "ids": [… per item, in order]}
--   {"status": "insufficient", "shortages": [[location_id, sku_id, requested, available], …]}
--   {"status": "key_conflict", "keys": [… keys already used]}
-- and on anything but "reserved" leaves nothing behind.
DROP FUNCTION reserve_many(text, jsonb);
CREATE FUNCTION reserve_many(p_actor text, p_items jsonb) RETURNS jsonb LANGUAGE plpgsql AS $$
DECLARE
  ids bigint[];
  used text[];
  detail text;
BEGIN
  BEGIN
    WITH items AS (
      SELECT i->>'key' AS key, i->>'reference' AS reference, n FROM jsonb_array_elements(p_items) WITH ORDINALITY AS x(i, n)
    ), ins AS (
      INSERT INTO reservation (idempotency_key, reference, actor) SELECT key, reference, p_actor FROM items ORDER BY n
      ON CONFLICT (idempotency_key) DO NOTHING RETURNING id, idempotency_key
    )
    SELECT array_agg(ins.id ORDER BY items.n), array_agg(items.key ORDER BY items.n) FILTER (WHERE ins.id IS NULL)
      INTO ids, used
      FROM items LEFT JOIN ins ON ins.idempotency_key = items.key;
    IF used IS NOT NULL THEN
      RAISE EXCEPTION USING ERRCODE = 'YP422', MESSAGE = 'idempotency keys already used', DETAIL = to_jsonb(used)::text;
    END IF;
    PERFORM set_config('yipan.movement', 'RESERVE', true), set_config('yipan.actor', p_actor, true),
            set_config('yipan.reason', '', true), set_config('yipan.reference', '', true),
            set_config('yipan.lot_received_at', '', true), set_config('yipan.lot_expires_on', '', true);
    PERFORM reserve_lines(array_agg(ids[x.n::int] ORDER BY x.n, l.m), array_agg(x.i->>'reference' ORDER BY x.n, l.m),
        array_agg((l.line->>0)::int ORDER BY x.n, l.m), array_agg((l.line->>1)::int ORDER BY x.n, l.m),
        array_agg((l.line->>2)::int ORDER BY x.n, l.m))
      FROM jsonb_array_elements(p_items) WITH ORDINALITY AS x(i, n),
           jsonb_array_elements(x.i->'lines') WITH ORDINALITY AS l(line, m);
    RETURN jsonb_build_object('status', 'reserved', 'ids', to_jsonb(ids));
  EXCEPTION
    WHEN SQLSTATE 'YP409' THEN
      GET STACKED DIAGNOSTICS detail = PG_EXCEPTION_DETAIL;
      RETURN jsonb_build_object('status', 'insufficient', 'shortages', detail::jsonb);
    WHEN SQLSTATE 'YP422' THEN
      GET STACKED DIAGNOSTICS detail = PG_EXCEPTION_DETAIL;
      RETURN jsonb_build_object('status', 'key_conflict', 'keys', detail::jsonb);
  END;
END
$$;
