-- Suspicious purchase leads for investigators, and the cases they open.

CREATE SEQUENCE lead_number_seq START 100001;
CREATE SEQUENCE case_number_seq START 100001;

-- An investigation about one person. Changes only by appended case_actions.
CREATE TABLE cases (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  number text NOT NULL UNIQUE,
  person_id uuid NOT NULL REFERENCES people(id),
  title text NOT NULL CHECK (length(title) BETWEEN 3 AND 200),
  status text NOT NULL CHECK (status IN ('open','closed')),
  opened_on date NOT NULL,
  opened_by uuid NOT NULL REFERENCES users(id),
  closed_on date,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((status = 'closed') = (closed_on IS NOT NULL))
);
CREATE INDEX cases_person ON cases (person_id);

CREATE TABLE case_actions (
  id bigserial PRIMARY KEY,
  case_id uuid NOT NULL REFERENCES cases(id),
  action text NOT NULL CHECK (action IN ('open','add-lead','note','close')),
  actor_id uuid REFERENCES users(id),
  note text CHECK (length(note) <= 4000),
  details jsonb NOT NULL DEFAULT '{}'::jsonb CHECK (jsonb_typeof(details) = 'object'),
  at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX case_actions_case ON case_actions (case_id, id);

-- A lead: one detector's finding about one person over one window, with its reason and the ids
-- of the records that raised it. De-duplicated by (person, detector, window).
CREATE TABLE leads (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  number text NOT NULL UNIQUE,
  person_id uuid NOT NULL REFERENCES people(id),
  detector text NOT NULL CHECK (detector IN ('volume-personal','volume-population','many-vendors','near-prohibiting-event','multiple-handguns','repeated-denials')),
  window_start date NOT NULL,
  window_end date NOT NULL,
  reason text NOT NULL CHECK (length(reason) BETWEEN 1 AND 2000),
  evidence jsonb NOT NULL CHECK (jsonb_typeof(evidence) = 'object'),
  status text NOT NULL CHECK (status IN ('open','dismissed','case-opened')),
  raised_on date NOT NULL,
  raised_by text NOT NULL CHECK (raised_by IN ('sale','sweep')),
  case_id uuid REFERENCES cases(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (window_end >= window_start),
  CHECK ((status = 'case-opened') = (case_id IS NOT NULL)),
  UNIQUE (person_id, detector, window_start)
);
CREATE INDEX leads_status ON leads (status, raised_on);
CREATE INDEX leads_person ON leads (person_id, detector, window_end);

CREATE TABLE lead_actions (
  id bigserial PRIMARY KEY,
  lead_id uuid NOT NULL REFERENCES leads(id),
  action text NOT NULL CHECK (action IN ('raise','dismiss','open-case')),
  from_status text,
  to_status text NOT NULL CHECK (to_status IN ('open','dismissed','case-opened')),
  actor_id uuid REFERENCES users(id),
  note text CHECK (length(note) <= 2000),
  case_id uuid REFERENCES cases(id),
  at timestamptz NOT NULL DEFAULT now(),
  CHECK (action <> 'dismiss' OR length(note) >= 5)
);
CREATE INDEX lead_actions_lead ON lead_actions (lead_id, id);

-- The population's 30-day purchase volumes, computed by each sweep, so the check after each sale
-- compares one buyer against the population without scanning every sale.
CREATE TABLE lead_baselines (
  id bigserial PRIMARY KEY,
  metric text NOT NULL CHECK (metric IN ('rounds-30-days')),
  computed_on date NOT NULL,
  population integer NOT NULL CHECK (population >= 0),
  mean double precision NOT NULL CHECK (mean >= 0),
  sd double precision NOT NULL CHECK (sd >= 0),
  p99 double precision NOT NULL CHECK (p99 >= 0),
  computed_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (metric, computed_on)
);

CREATE FUNCTION leads_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only', TG_TABLE_NAME;
END;
$$;
CREATE TRIGGER lead_actions_append_only BEFORE UPDATE OR DELETE ON lead_actions FOR EACH ROW EXECUTE FUNCTION leads_append_only();
CREATE TRIGGER case_actions_append_only BEFORE UPDATE OR DELETE ON case_actions FOR EACH ROW EXECUTE FUNCTION leads_append_only();
