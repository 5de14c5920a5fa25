-- Issue 16: keys that append. A random (v4) UUID primary key puts every new row on a random page of
-- its index; after each checkpoint the first change to such a page writes the whole 8 kB page to the
-- WAL (a full-page image). UUIDv7 keys (RFC 9562: a millisecond timestamp, then random bits) land on
-- the right-hand page instead. Sales make theirs in the application (src/db/ids.ts); decisions, written
-- by every use case through storeDecision, get it as the column default.
-- The same SQL runs on PGlite and PostgreSQL 15 (which has no uuidv7() of its own).
CREATE OR REPLACE FUNCTION uuid_v7() RETURNS uuid LANGUAGE sql VOLATILE AS $$
  SELECT encode(
    set_bit(
      set_bit(
        overlay(uuid_send(gen_random_uuid())
                PLACING substring(int8send(floor(extract(epoch FROM clock_timestamp()) * 1000)::bigint) FROM 3)
                FROM 1 FOR 6),
        52, 1),
      53, 1),
    'hex')::uuid
$$;

ALTER TABLE decisions ALTER COLUMN id SET DEFAULT uuid_v7();
