-- The audit chain is sealed by a single sealer shortly after each entry commits, instead of
-- inside every writer's transaction: writers no longer queue on one lock through their commit.
-- An entry is written with no hash; the sealer gives it its place in the chain (chain_seq),
-- the hash of the entry before, and its own hash. Once sealed, an entry can never change.

ALTER TABLE audit_log ALTER COLUMN prev_hash DROP NOT NULL;
ALTER TABLE audit_log ALTER COLUMN hash DROP NOT NULL;
ALTER TABLE audit_log ADD COLUMN chain_seq bigint UNIQUE;
ALTER TABLE audit_log ADD CONSTRAINT audit_sealed_whole CHECK ((chain_seq IS NULL) = (hash IS NULL) AND (hash IS NULL) = (prev_hash IS NULL));
CREATE INDEX audit_unsealed ON audit_log (seq) WHERE chain_seq IS NULL;

DROP TRIGGER audit_log_no_update ON audit_log;
DROP FUNCTION audit_log_append_only();

CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'audit_log is append-only';
  END IF;
  -- The only change allowed: sealing an unsealed entry, touching nothing else.
  IF OLD.chain_seq IS NULL AND NEW.chain_seq IS NOT NULL
     AND NEW.seq = OLD.seq AND NEW.at = OLD.at AND NEW.actor_id IS NOT DISTINCT FROM OLD.actor_id
     AND NEW.actor_role IS NOT DISTINCT FROM OLD.actor_role AND NEW.action = OLD.action
     AND NEW.entity_type IS NOT DISTINCT FROM OLD.entity_type AND NEW.entity_id IS NOT DISTINCT FROM OLD.entity_id
     AND NEW.purpose IS NOT DISTINCT FROM OLD.purpose AND NEW.outcome = OLD.outcome AND NEW.details = OLD.details
     AND NEW.request_id IS NOT DISTINCT FROM OLD.request_id THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'audit_log is append-only';
END;
$$;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
