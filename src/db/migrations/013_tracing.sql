-- Tracing and trafficking: crime gun traces (asked here or received from a partner state), their
-- referrals to ATF and partner states, the ATF source/recovery reference table, returns of stolen
-- property (§ 41) and trafficking leads with their cases.

CREATE SEQUENCE trace_number_seq START 100001;
CREATE SEQUENCE trafficking_lead_number_seq START 100001;
CREATE SEQUENCE trafficking_case_number_seq START 100001;

-- One recovered firearm and what is known of where it came from. `origin` says who asked:
-- an investigator here ('local') or a partner state's instance ('partner', over the signed exchange).
CREATE TABLE traces (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  number text NOT NULL UNIQUE,
  origin text NOT NULL CHECK (origin IN ('local','partner')),
  partner_code text CHECK (partner_code ~ '^[A-Z]{2}$'),
  partner_reference text CHECK (length(partner_reference) <= 100),
  priority text NOT NULL CHECK (priority IN ('urgent','routine')),
  requested_by uuid REFERENCES users(id),
  requested_at timestamptz NOT NULL,
  requesting_agency text CHECK (length(requesting_agency) <= 200),
  -- the firearm, in NCIC gun data codes where known
  firearm_make text CHECK (length(firearm_make) <= 60),
  firearm_model text CHECK (length(firearm_model) <= 60),
  firearm_serial text CHECK (length(firearm_serial) BETWEEN 1 AND 60),
  firearm_caliber text CHECK (length(firearm_caliber) <= 20),
  firearm_type text CHECK (length(firearm_type) <= 20),
  serial_status text NOT NULL CHECK (serial_status IN ('present','obliterated','privately-made','none')),
  -- the recovery
  recovered_on date NOT NULL,
  recovery_state text NOT NULL CHECK (recovery_state ~ '^[A-Z]{2}$'),
  recovery_town text CHECK (length(recovery_town) <= 100),
  recovery_address text CHECK (length(recovery_address) <= 300),
  recovery_lat double precision CHECK (recovery_lat BETWEEN -90 AND 90),
  recovery_lon double precision CHECK (recovery_lon BETWEEN -180 AND 180),
  crime_code text NOT NULL CHECK (length(crime_code) BETWEEN 1 AND 20),
  possessor_first_name text CHECK (length(possessor_first_name) <= 100),
  possessor_last_name text CHECK (length(possessor_last_name) <= 100),
  possessor_birth_on date,
  -- how the possessor says it was acquired (an online seller names a lead)
  acquisition_channel text CHECK (acquisition_channel IN ('online','gun-show','private','theft','unknown')),
  acquisition_seller text CHECK (length(acquisition_seller) <= 200),
  ammunition_recovered integer CHECK (ammunition_recovered >= 0),
  -- where the trace stands, and the answer's summary (the answer itself is in trace_actions)
  status text NOT NULL CHECK (status IN ('answered','referred','completed','no-record','untraceable')),
  source_state text CHECK (source_state ~ '^[A-Z]{2}$'),
  answered_by text CHECK (answered_by IN ('stateline','atf','partner')),
  first_sale_id uuid,
  first_sale_on date,
  first_dealer_id uuid REFERENCES dealers(id),
  first_dealer_name text,
  first_dealer_ffl text,
  purchaser_person_id uuid REFERENCES people(id),
  time_to_crime_days integer CHECK (time_to_crime_days >= 0),
  possessor_is_purchaser text CHECK (possessor_is_purchaser IN ('yes','no','unknown')),
  reported_stolen boolean NOT NULL DEFAULT false,
  -- § 41: a recovered stolen gun (and ammunition recovered with it) goes back to its rightful owner
  return_status text CHECK (return_status IN ('flagged','returned')),
  return_owner_person_id uuid REFERENCES people(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((origin = 'partner') = (partner_code IS NOT NULL)),
  CHECK ((serial_status = 'present') = (firearm_serial IS NOT NULL)),
  CHECK ((recovery_lat IS NULL) = (recovery_lon IS NULL)),
  CHECK (first_sale_on IS NULL OR first_sale_on <= recovered_on),
  CHECK (return_status IS NULL OR reported_stolen)
);
CREATE INDEX traces_serial ON traces (upper(firearm_serial));
CREATE INDEX traces_dealer ON traces (first_dealer_id) WHERE first_dealer_id IS NOT NULL;
CREATE INDEX traces_purchaser ON traces (purchaser_person_id) WHERE purchaser_person_id IS NOT NULL;
CREATE INDEX traces_recovered ON traces (recovered_on, recovery_state);
CREATE UNIQUE INDEX traces_partner_reference ON traces (partner_code, partner_reference) WHERE origin = 'partner';

-- Every change of a trace, appended: request, answers (with the answer as it was given), referrals, returns.
CREATE TABLE trace_actions (
  id bigserial PRIMARY KEY,
  trace_id uuid NOT NULL REFERENCES traces(id),
  action text NOT NULL CHECK (action IN ('request','answer-own-records','refer','answer-atf','answer-partner','no-record','flag-return','record-return')),
  from_status text,
  to_status text NOT NULL,
  actor_id uuid REFERENCES users(id),
  details jsonb NOT NULL DEFAULT '{}'::jsonb CHECK (jsonb_typeof(details) = 'object'),
  at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX trace_actions_trace ON trace_actions (trace_id, id);
CREATE TRIGGER trace_actions_append_only BEFORE UPDATE OR DELETE ON trace_actions FOR EACH ROW EXECUTE FUNCTION append_only();

-- What Stateline could not answer, sent on: to ATF (eTrace) and to each partner state.
CREATE TABLE trace_referrals (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  trace_id uuid NOT NULL REFERENCES traces(id),
  target text NOT NULL CHECK (target = 'atf' OR target ~ '^partner:[A-Z]{2}$'),
  status text NOT NULL CHECK (status IN ('pending','sent','answered','no-record','failed')),
  external_reference text CHECK (length(external_reference) <= 100),
  answer jsonb,
  attempts integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  last_error text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (trace_id, target),
  CHECK (status <> 'answered' OR answer IS NOT NULL)
);
CREATE INDEX trace_referrals_open ON trace_referrals (status) WHERE status IN ('pending','sent');

-- Signed requests received from partner states: a nonce is accepted once (replay protection).
CREATE TABLE partner_exchange_nonces (
  partner_code text NOT NULL CHECK (partner_code ~ '^[A-Z]{2}$'),
  nonce text NOT NULL CHECK (length(nonce) BETWEEN 8 AND 100),
  received_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (partner_code, nonce)
);

-- ATF "Firearms Sourced and Recovered" by state and year (reference data, loaded from the CSV shipped
-- in src/modules/tracing/data with its attribution). State names as ATF writes them, 'Total' included.
CREATE TABLE atf_source_recovery (
  year integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  recovery_state text NOT NULL,
  source_state text NOT NULL,
  firearms integer NOT NULL CHECK (firearms >= 0),
  PRIMARY KEY (year, recovery_state, source_state)
);

-- Trafficking leads: pointers for the task force, each with its reason and evidence. Not a finding.
CREATE TABLE trafficking_cases (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  number text NOT NULL UNIQUE,
  title text NOT NULL CHECK (length(title) BETWEEN 3 AND 200),
  subject_key text NOT NULL,
  status text NOT NULL CHECK (status IN ('open','closed')),
  opened_on date NOT NULL,
  opened_by uuid NOT NULL REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE trafficking_leads (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  number text NOT NULL UNIQUE,
  kind text NOT NULL CHECK (kind IN ('straw-purchase','unlicensed-dealing','privately-made-cluster','online-seller')),
  -- a person's id, a town, or a seller's name (lower case): what the lead is about
  subject_key text NOT NULL CHECK (length(subject_key) BETWEEN 1 AND 200),
  subject_label text NOT NULL CHECK (length(subject_label) BETWEEN 1 AND 200),
  person_id uuid REFERENCES people(id),
  window_start date NOT NULL,
  window_end date NOT NULL,
  reason text NOT NULL CHECK (length(reason) BETWEEN 1 AND 2000),
  evidence jsonb NOT NULL CHECK (jsonb_typeof(evidence) = 'object'),
  status text NOT NULL CHECK (status IN ('open','dismissed','case-opened')),
  raised_on date NOT NULL,
  case_id uuid REFERENCES trafficking_cases(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (window_end >= window_start),
  CHECK ((status = 'case-opened') = (case_id IS NOT NULL)),
  UNIQUE (kind, subject_key, window_start)
);
CREATE INDEX trafficking_leads_status ON trafficking_leads (status, raised_on);

CREATE TABLE trafficking_lead_actions (
  id bigserial PRIMARY KEY,
  lead_id uuid NOT NULL REFERENCES trafficking_leads(id),
  action text NOT NULL CHECK (action IN ('raise','dismiss','open-case')),
  from_status text,
  to_status text NOT NULL CHECK (to_status IN ('open','dismissed','case-opened')),
  actor_id uuid REFERENCES users(id),
  note text CHECK (length(note) <= 2000),
  case_id uuid REFERENCES trafficking_cases(id),
  at timestamptz NOT NULL DEFAULT now(),
  CHECK (action <> 'dismiss' OR length(note) >= 5)
);
CREATE TRIGGER trafficking_lead_actions_append_only BEFORE UPDATE OR DELETE ON trafficking_lead_actions FOR EACH ROW EXECUTE FUNCTION append_only();
