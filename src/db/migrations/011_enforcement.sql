-- Enforcement (PA 13-3 §§ 8, 10-11, 33-41, 44-45): records from the courts, probate courts, DMHAS
-- and federal sources; their matching to people; the § 34 obligation to transfer or surrender
-- firearms and ammunition; seizures of firearms and ammunition and their disposal.

-- One source record, as the source identifies it (source + the source's own record id).
-- The row carries the current state; every distinct version the source sent is kept in
-- feed_record_versions, and every step (received, corrected, matched, lifted ...) in feed_record_actions.
CREATE SEQUENCE feed_record_number_seq START 100001;
CREATE TABLE feed_records (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  number text NOT NULL UNIQUE,
  source text NOT NULL CHECK (source IN ('court','probate','dmhas','federal')),
  source_record_id text NOT NULL CHECK (length(source_record_id) BETWEEN 1 AND 100),
  kind text NOT NULL CHECK (kind IN ('conviction','protective-order','restraining-order','probate-commitment','voluntary-admission','risk-warrant','federal-prohibitor')),
  version integer NOT NULL CHECK (version >= 1),
  content_hash text NOT NULL,
  -- The person as the source knows them: names, date of birth, address, licence numbers.
  subject jsonb NOT NULL CHECK (jsonb_typeof(subject) = 'object'),
  details jsonb NOT NULL CHECK (jsonb_typeof(details) = 'object'),
  -- in-force: has effects once matched; vacated / expired / withdrawn: its effects are lifted.
  record_state text NOT NULL CHECK (record_state IN ('in-force','vacated','expired','withdrawn')),
  status text NOT NULL CHECK (status IN ('unmatched','review','matched','lifted')),
  person_id uuid REFERENCES people(id),
  match_how text CHECK (match_how IN ('automatic','manual')),
  match_probability double precision CHECK (match_probability BETWEEN 0 AND 1),
  -- The credentials module's prohibiting event made from this record (removed from there when lifted).
  prohibiting_event_id uuid,
  event_on date NOT NULL,
  received_on date NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (source, source_record_id),
  CHECK (status <> 'matched' OR (person_id IS NOT NULL AND match_how IS NOT NULL)),
  CHECK (status <> 'matched' OR record_state = 'in-force')
);
CREATE INDEX feed_records_status ON feed_records (status, received_on);
CREATE INDEX feed_records_person ON feed_records (person_id);

CREATE TABLE feed_record_versions (
  feed_record_id uuid NOT NULL REFERENCES feed_records(id),
  version integer NOT NULL,
  content_hash text NOT NULL,
  kind text NOT NULL,
  record_state text NOT NULL,
  subject jsonb NOT NULL,
  details jsonb NOT NULL,
  received_by uuid REFERENCES users(id),
  received_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (feed_record_id, version)
);
CREATE TRIGGER feed_record_versions_append_only BEFORE UPDATE OR DELETE ON feed_record_versions FOR EACH ROW EXECUTE FUNCTION append_only();

CREATE TABLE feed_record_actions (
  id bigserial PRIMARY KEY,
  feed_record_id uuid NOT NULL REFERENCES feed_records(id),
  action text NOT NULL CHECK (action IN ('received','corrected','matched','queued-for-review','unmatched','review-decided','effects-applied','lifted','possession-undetermined')),
  version integer NOT NULL,
  actor_id uuid REFERENCES users(id),
  details jsonb NOT NULL DEFAULT '{}'::jsonb CHECK (jsonb_typeof(details) = 'object'),
  at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX feed_record_actions_record ON feed_record_actions (feed_record_id, id);
CREATE TRIGGER feed_record_actions_append_only BEFORE UPDATE OR DELETE ON feed_record_actions FOR EACH ROW EXECUTE FUNCTION append_only();

-- An uncertain match: the record and its candidates side by side, with the reasons for each score.
-- Nothing is revoked or denied while it is open.
CREATE TABLE match_reviews (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  feed_record_id uuid NOT NULL REFERENCES feed_records(id),
  version integer NOT NULL,
  candidates jsonb NOT NULL CHECK (jsonb_typeof(candidates) = 'array'),
  status text NOT NULL CHECK (status IN ('open','matched','not-a-match','withdrawn')),
  person_id uuid REFERENCES people(id),
  decided_by uuid REFERENCES users(id),
  decided_at timestamptz,
  note text CHECK (length(note) <= 2000),
  opened_on date NOT NULL,
  opened_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((status = 'matched') = (person_id IS NOT NULL)),
  CHECK ((status IN ('matched','not-a-match')) = (decided_by IS NOT NULL))
);
CREATE UNIQUE INDEX match_reviews_one_open ON match_reviews (feed_record_id) WHERE status = 'open';
CREATE INDEX match_reviews_status ON match_reviews (status, opened_on);

-- The § 34 obligation: transfer or surrender firearms and ammunition within two business days of the event.
CREATE SEQUENCE surrender_obligation_number_seq START 100001;
CREATE TABLE surrender_obligations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  number text NOT NULL UNIQUE,
  person_id uuid NOT NULL REFERENCES people(id),
  feed_record_id uuid NOT NULL REFERENCES feed_records(id),
  event_on date NOT NULL,
  opened_on date NOT NULL,
  due_on date NOT NULL,
  covers jsonb NOT NULL CHECK (jsonb_typeof(covers) = 'array'),
  -- What the records said the person owned when the obligation opened (sales, registrations, ammunition purchases).
  holdings jsonb NOT NULL CHECK (jsonb_typeof(holdings) = 'object'),
  armed boolean NOT NULL,
  status text NOT NULL CHECK (status IN ('open','complied','overdue','escalated','lifted')),
  reminder_sent_on date,
  case_id uuid REFERENCES cases(id),
  closed_on date,
  decision_id uuid REFERENCES decisions(id),
  CHECK (due_on > event_on),
  CHECK (status <> 'escalated' OR case_id IS NOT NULL),
  CHECK ((status IN ('complied','lifted')) = (closed_on IS NOT NULL))
);
CREATE INDEX surrender_obligations_status ON surrender_obligations (status, due_on);
CREATE INDEX surrender_obligations_person ON surrender_obligations (person_id);
-- One live obligation per record (a corrected record lifts the old one and may open another).
CREATE UNIQUE INDEX surrender_obligations_one_live ON surrender_obligations (feed_record_id) WHERE status <> 'lifted';

CREATE TABLE obligation_actions (
  id bigserial PRIMARY KEY,
  obligation_id uuid NOT NULL REFERENCES surrender_obligations(id),
  action text NOT NULL CHECK (action IN ('opened','notice','reminder','transfer','surrender','complied','overdue','escalated','lifted')),
  actor_id uuid REFERENCES users(id),
  on_date date NOT NULL,
  details jsonb NOT NULL DEFAULT '{}'::jsonb CHECK (jsonb_typeof(details) = 'object'),
  at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX obligation_actions_obligation ON obligation_actions (obligation_id, id);
CREATE TRIGGER obligation_actions_append_only BEFORE UPDATE OR DELETE ON obligation_actions FOR EACH ROW EXECUTE FUNCTION append_only();

-- Seizures of firearms and ammunition (§§ 33, 37), their hearing and outcome, and disposal (§§ 39, 41).
CREATE SEQUENCE seizure_number_seq START 100001;
CREATE TABLE seizures (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  number text NOT NULL UNIQUE,
  person_id uuid REFERENCES people(id),
  feed_record_id uuid REFERENCES feed_records(id),
  basis text NOT NULL CHECK (basis IN ('risk-warrant','domestic-violence','recovered')),
  seized_on date NOT NULL,
  agency text NOT NULL CHECK (length(agency) BETWEEN 2 AND 200),
  status text NOT NULL CHECK (status IN ('held','hearing-scheduled','ordered-held','ordered-returned','forfeited','returned','destroyed','auctioned')),
  hearing_on date,
  hearing_due_on date,
  held_until date,
  recorded_by uuid REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (status <> 'hearing-scheduled' OR hearing_on IS NOT NULL)
);
CREATE INDEX seizures_status ON seizures (status, seized_on);
CREATE INDEX seizures_person ON seizures (person_id);

CREATE TABLE seizure_items (
  id bigserial PRIMARY KEY,
  seizure_id uuid NOT NULL REFERENCES seizures(id),
  item_kind text NOT NULL CHECK (item_kind IN ('firearm','ammunition')),
  description text NOT NULL CHECK (length(description) BETWEEN 1 AND 500),
  serial_number text CHECK (length(serial_number) <= 60),
  quantity integer NOT NULL CHECK (quantity BETWEEN 1 AND 1000000),
  stolen boolean NOT NULL DEFAULT false,
  rightful_owner text CHECK (length(rightful_owner) <= 200),
  returned_to_owner_on date,
  CHECK (item_kind <> 'firearm' OR quantity = 1),
  CHECK (returned_to_owner_on IS NULL OR stolen)
);
CREATE INDEX seizure_items_seizure ON seizure_items (seizure_id);

CREATE TABLE seizure_actions (
  id bigserial PRIMARY KEY,
  seizure_id uuid NOT NULL REFERENCES seizures(id),
  action text NOT NULL CHECK (action IN ('seized','schedule-hearing','record-outcome','return','destroy','auction','return-stolen')),
  from_status text,
  to_status text NOT NULL,
  actor_id uuid REFERENCES users(id),
  on_date date NOT NULL,
  details jsonb NOT NULL DEFAULT '{}'::jsonb CHECK (jsonb_typeof(details) = 'object'),
  at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX seizure_actions_seizure ON seizure_actions (seizure_id, id);
CREATE TRIGGER seizure_actions_append_only BEFORE UPDATE OR DELETE ON seizure_actions FOR EACH ROW EXECUTE FUNCTION append_only();
