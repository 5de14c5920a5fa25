-- A prohibiting event that is lifted (a vacated judgment, an expired or withdrawn order, a
-- correction) stays in the record with when and why it was lifted; readers of the person's
-- record (src/modules/credentials/record.ts) leave lifted events out. History is kept, not deleted.
ALTER TABLE prohibiting_events ADD COLUMN lifted_at timestamptz;
ALTER TABLE prohibiting_events ADD COLUMN lifted_reason text;
ALTER TABLE prohibiting_events ADD CONSTRAINT prohibiting_events_lift_has_reason CHECK ((lifted_at IS NULL) = (lifted_reason IS NULL));
CREATE INDEX prohibiting_events_person_in_force ON prohibiting_events (person_id, event_on) WHERE lifted_at IS NULL;
