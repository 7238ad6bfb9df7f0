-- reserve_stock: the reservation primitive as one statement (one round trip), called by
-- lib/server/stock/reservations.ts. All lines or none; each stock row changes only if its ATP
-- (on_hand − reserved − safety_stock) still covers the quantity at that moment; the idempotency key returns
-- the first reservation to a retry. Result (jsonb):
--   {"status":"reserved","id":…}            new reservation
--   {"status":"replayed","id":…,"lines":[[location_id, sku_id, quantity], …]}
--   {"status":"insufficient","shortages":[[location_id, sku_id, requested, available], …]}
-- Lines must come merged and sorted by (location_id, sku_id): that order is the lock order.
CREATE FUNCTION reserve_stock(p_key text, p_actor text, p_reference text, p_locations int[], p_skus int[], p_quantities int[])
RETURNS jsonb LANGUAGE plpgsql AS $$
DECLARE
  n int := cardinality(p_locations);
  rid bigint;
  done text[];
  short jsonb;
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
            set_config('yipan.reason', '', true),
            set_config('yipan.reference', COALESCE(p_reference, 'reservation:' || rid), true),
            set_config('yipan.lot_received_at', '', true), set_config('yipan.lot_expires_on', '', true);
    IF n > 1 THEN
      PERFORM 1 FROM stock_level sl
        JOIN unnest(p_locations, p_skus) AS t(location_id, sku_id) USING (location_id, sku_id)
        ORDER BY location_id, sku_id FOR UPDATE OF sl;
    END IF;
    WITH u AS (
      UPDATE stock_level sl SET reserved = sl.reserved + t.q
      FROM unnest(p_locations, p_skus, p_quantities) AS t(location_id, sku_id, q)
      WHERE sl.location_id = t.location_id AND sl.sku_id = t.sku_id
        AND sl.on_hand - sl.reserved - sl.safety_stock >= t.q
      RETURNING sl.location_id || ':' || sl.sku_id AS k)
    SELECT COALESCE(array_agg(k), '{}') INTO done FROM u;

    IF cardinality(done) < n THEN
      -- The short lines did not change, so their ATP now is what was missing.
      SELECT jsonb_agg(jsonb_build_array(t.location_id, t.sku_id, t.q, COALESCE(GREATEST(0, sl.on_hand - sl.reserved - sl.safety_stock), 0))
                       ORDER BY t.location_id, t.sku_id)
        INTO short
        FROM unnest(p_locations, p_skus, p_quantities) AS t(location_id, sku_id, q)
        LEFT JOIN stock_level sl USING (location_id, sku_id)
        WHERE NOT (t.location_id || ':' || t.sku_id = ANY (done));
      RAISE EXCEPTION USING ERRCODE = 'YP409', MESSAGE = 'insufficient stock';
    END IF;

    INSERT INTO reservation_line (reservation_id, location_id, sku_id, quantity)
      SELECT rid, * FROM unnest(p_locations, p_skus, p_quantities);
    RETURN jsonb_build_object('status', 'reserved', 'id', rid);
  EXCEPTION WHEN SQLSTATE 'YP409' THEN
    RETURN jsonb_build_object('status', 'insufficient', 'shortages', short);
  END;
END
$$;
