-- Notices delivered: every row of the outbox (letters and e-mails to people) and every sale report
-- (to the state and to the local police) is delivered by a job of the notices module, which marks
-- it sent, or failed and retried with backoff, or dead after its last attempt.

ALTER TABLE outbox ADD COLUMN status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued','sent','failed','dead'));
ALTER TABLE outbox ADD COLUMN attempts integer NOT NULL DEFAULT 0 CHECK (attempts >= 0);
ALTER TABLE outbox ADD COLUMN last_error text;
ALTER TABLE outbox ADD COLUMN message_id text;
UPDATE outbox SET status = 'sent' WHERE sent_at IS NOT NULL;
ALTER TABLE outbox ADD CONSTRAINT outbox_sent_has_time CHECK ((status = 'sent') = (sent_at IS NOT NULL));
CREATE INDEX outbox_person ON outbox (person_id, id DESC);
CREATE INDEX outbox_status ON outbox (status, id DESC);

ALTER TABLE sale_reports ADD COLUMN status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued','sent','failed','dead'));
ALTER TABLE sale_reports ADD COLUMN attempts integer NOT NULL DEFAULT 0 CHECK (attempts >= 0);
ALTER TABLE sale_reports ADD COLUMN last_error text;
ALTER TABLE sale_reports ADD COLUMN delivered_to text;
UPDATE sale_reports SET status = 'sent' WHERE sent_at IS NOT NULL;

-- Every delivery attempt, appended.
CREATE TABLE notice_attempts (
  id bigserial PRIMARY KEY,
  outbox_id bigint REFERENCES outbox(id),
  sale_report_id bigint REFERENCES sale_reports(id),
  at timestamptz NOT NULL,
  outcome text NOT NULL CHECK (outcome IN ('sent','failed','dead')),
  detail text,
  CHECK ((outbox_id IS NULL) <> (sale_report_id IS NULL))
);
CREATE INDEX notice_attempts_outbox ON notice_attempts (outbox_id, id);
CREATE TRIGGER notice_attempts_append_only BEFORE UPDATE OR DELETE ON notice_attempts FOR EACH ROW EXECUTE FUNCTION append_only();

-- Whoever queues a notice (any module, by INSERT) gets its delivery job in the same transaction.
-- run_at 'epoch': due at once whatever the clock of the process that runs it.
CREATE FUNCTION notices_enqueue_delivery() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO jobs (name, payload, dedupe_key, run_at, max_attempts)
  VALUES (TG_ARGV[0], jsonb_build_object('id', NEW.id), TG_ARGV[0] || ':' || NEW.id, 'epoch', 6)
  ON CONFLICT (dedupe_key) WHERE dedupe_key IS NOT NULL AND status IN ('queued','running') DO NOTHING;
  RETURN NEW;
END $$;
CREATE TRIGGER outbox_deliver AFTER INSERT ON outbox FOR EACH ROW EXECUTE FUNCTION notices_enqueue_delivery('notices.deliver');
CREATE TRIGGER sale_reports_deliver AFTER INSERT ON sale_reports FOR EACH ROW EXECUTE FUNCTION notices_enqueue_delivery('notices.deliver-report');

-- What was queued before this migration.
INSERT INTO jobs (name, payload, dedupe_key, run_at, max_attempts)
SELECT 'notices.deliver', jsonb_build_object('id', id), 'notices.deliver:' || id, 'epoch', 6 FROM outbox WHERE status = 'queued';
INSERT INTO jobs (name, payload, dedupe_key, run_at, max_attempts)
SELECT 'notices.deliver-report', jsonb_build_object('id', id), 'notices.deliver-report:' || id, 'epoch', 6 FROM sale_reports WHERE status = 'queued';
