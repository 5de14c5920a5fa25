-- The Deadly Weapon Offender Registry (PA 13-3 §§ 18-22) and the Board of Firearms Permit
-- Examiners' appeals docket (§§ 60-61, CGS § 29-32b). Records change by appended actions
-- (offender_actions, appeal_actions); the status columns hold the latest action's result.

-- ---------------------------------------------------------------- registry

CREATE SEQUENCE offender_number_seq START 200001;

CREATE TABLE offender_registrants (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  number text NOT NULL UNIQUE,
  person_id uuid NOT NULL REFERENCES people(id),
  source text NOT NULL CHECK (source IN ('staff','corrections','court-feed')),
  source_reference text CHECK (length(source_reference) <= 200),
  offense_statute text NOT NULL CHECK (length(offense_statute) BETWEEN 1 AND 50),
  offense_description text NOT NULL CHECK (length(offense_description) BETWEEN 1 AND 1000),
  basis text NOT NULL CHECK (basis IN ('table-1','felony-with-firearm-finding')),
  disposition text NOT NULL CHECK (disposition IN ('convicted','not-guilty-by-reason-of-mental-disease-or-defect')),
  disposition_on date NOT NULL,
  court_docket text CHECK (length(court_docket) <= 100),
  released_on date NOT NULL CHECK (released_on >= '2014-01-01'),
  from_doc_custody boolean NOT NULL,
  registration_due_on date NOT NULL CHECK (registration_due_on >= released_on),
  status text NOT NULL CHECK (status IN ('awaiting-registration','registered','suspended','ended')),
  registered_on date,
  ends_on date,
  suspension_ground text CHECK (suspension_ground IN ('incarcerated','civil-commitment','out-of-state')),
  -- Registration information (§§ 18-22): aliases, identifying factors, addresses, references.
  -- The registry's current name when it differs from the person's record (a reported name change).
  current_first_name text CHECK (length(current_first_name) BETWEEN 1 AND 100),
  current_last_name text CHECK (length(current_last_name) BETWEEN 1 AND 100),
  aliases jsonb NOT NULL DEFAULT '[]'::jsonb CHECK (jsonb_typeof(aliases) = 'array'),
  physical_description text CHECK (length(physical_description) <= 1000),
  fingerprint_appointment_on date,
  fingerprint_reference text CHECK (length(fingerprint_reference) <= 100),
  criminal_history_reference text CHECK (length(criminal_history_reference) <= 100),
  photo_reference text CHECK (length(photo_reference) <= 200),
  photo_taken_by text CHECK (photo_taken_by IN ('DESPP','DOC','law-enforcement','CSSD')),
  photo_taken_on date,
  dna_status text NOT NULL DEFAULT 'unknown' CHECK (dna_status IN ('unknown','not-required','required-not-taken','collected','on-file')),
  home_street text CHECK (length(home_street) <= 200),
  home_town text CHECK (length(home_town) <= 100),
  home_state text NOT NULL DEFAULT 'CT' CHECK (home_state ~ '^[A-Z]{2}$'),
  home_zip text CHECK (home_zip ~ '^[0-9]{5}$'),
  email text CHECK (length(email) <= 254),
  signed_on date,
  decision_id uuid REFERENCES decisions(id),
  created_by uuid REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((status = 'awaiting-registration') = (registered_on IS NULL)),
  CHECK ((registered_on IS NULL) = (ends_on IS NULL)),
  CHECK (ends_on IS NULL OR ends_on > registered_on),
  CHECK ((status = 'suspended') = (suspension_ground IS NOT NULL)),
  UNIQUE (person_id, offense_statute, disposition_on)
);
CREATE INDEX offender_registrants_person ON offender_registrants (person_id);
CREATE INDEX offender_registrants_town ON offender_registrants (home_town, status);
CREATE INDEX offender_registrants_due ON offender_registrants (status, registration_due_on);

CREATE TABLE offender_photos (
  id bigserial PRIMARY KEY,
  registrant_id uuid NOT NULL REFERENCES offender_registrants(id),
  content_type text NOT NULL CHECK (content_type IN ('image/jpeg','image/png')),
  bytes bytea NOT NULL CHECK (octet_length(bytes) BETWEEN 1 AND 2097152),
  taken_by text NOT NULL CHECK (taken_by IN ('DESPP','DOC','law-enforcement','CSSD')),
  taken_on date NOT NULL,
  uploaded_by uuid REFERENCES users(id),
  at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX offender_photos_registrant ON offender_photos (registrant_id, id);
CREATE TRIGGER offender_photos_append_only BEFORE UPDATE OR DELETE ON offender_photos FOR EACH ROW EXECUTE FUNCTION append_only();

CREATE TABLE offender_actions (
  id bigserial PRIMARY KEY,
  registrant_id uuid NOT NULL REFERENCES offender_registrants(id),
  action text NOT NULL CHECK (action ~ '^[a-z][a-z-]{1,50}$'),
  from_status text,
  to_status text,
  on_date date NOT NULL,
  actor_id uuid REFERENCES users(id),
  details jsonb NOT NULL DEFAULT '{}'::jsonb CHECK (jsonb_typeof(details) = 'object'),
  at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX offender_actions_registrant ON offender_actions (registrant_id, id);
CREATE TRIGGER offender_actions_append_only BEFORE UPDATE OR DELETE ON offender_actions FOR EACH ROW EXECUTE FUNCTION append_only();

-- One row per annual update (anniversaries 1 to 4). Changes are also appended to offender_actions.
CREATE TABLE offender_verifications (
  id bigserial PRIMARY KEY,
  registrant_id uuid NOT NULL REFERENCES offender_registrants(id),
  year integer NOT NULL CHECK (year BETWEEN 1 AND 4),
  anniversary_on date NOT NULL,
  closes_on date NOT NULL CHECK (closes_on >= anniversary_on),
  notice_mail_by date NOT NULL CHECK (notice_mail_by < anniversary_on),
  report_due_by date NOT NULL CHECK (report_due_by > anniversary_on),
  notice_sent_on date,
  notice_late boolean,
  outcome text CHECK (outcome IN ('appeared','did-not-appear','deferred')),
  appeared_on date,
  deferred_to date,
  deferral_cause text CHECK (length(deferral_cause) BETWEEN 5 AND 2000),
  reported_on date,
  reported_by_agency text CHECK (length(reported_by_agency) <= 200),
  missed_flagged_on date,
  report_overdue_flagged_on date,
  UNIQUE (registrant_id, year),
  CHECK (outcome IS DISTINCT FROM 'deferred' OR (deferred_to IS NOT NULL AND deferral_cause IS NOT NULL)),
  CHECK (outcome IS DISTINCT FROM 'appeared' OR appeared_on IS NOT NULL),
  CHECK ((notice_sent_on IS NULL) = (notice_late IS NULL))
);

-- Name and address changes: when they happened, when (if) the registrant reported them.
CREATE TABLE offender_changes (
  id bigserial PRIMARY KEY,
  registrant_id uuid NOT NULL REFERENCES offender_registrants(id),
  kind text NOT NULL CHECK (kind IN ('name','address')),
  changed_on date NOT NULL,
  due_on date NOT NULL CHECK (due_on > changed_on),
  source text NOT NULL CHECK (source IN ('registrant','court-order','law-enforcement','staff')),
  reported_on date,
  late boolean,
  previous jsonb NOT NULL CHECK (jsonb_typeof(previous) = 'object'),
  current jsonb NOT NULL CHECK (jsonb_typeof(current) = 'object'),
  flagged_on date,
  recorded_by uuid REFERENCES users(id),
  at timestamptz NOT NULL DEFAULT now(),
  CHECK ((reported_on IS NULL) = (late IS NULL)),
  CHECK (reported_on IS NULL OR reported_on >= changed_on)
);
CREATE INDEX offender_changes_registrant ON offender_changes (registrant_id, id);

-- Non-compliance: one row per failure, listed per town for the police, each with a case.
CREATE TABLE offender_noncompliance (
  id bigserial PRIMARY KEY,
  registrant_id uuid NOT NULL REFERENCES offender_registrants(id),
  kind text NOT NULL CHECK (kind IN ('missed-registration','missed-verification','unreported-change','late-change-report')),
  ref text NOT NULL CHECK (length(ref) <= 100),
  town text,
  due_on date NOT NULL,
  detected_on date NOT NULL CHECK (detected_on > due_on),
  offense text NOT NULL,
  citation text NOT NULL,
  case_id uuid REFERENCES cases(id),
  resolved_on date,
  UNIQUE (registrant_id, kind, ref)
);
CREATE INDEX offender_noncompliance_town ON offender_noncompliance (town, resolved_on);

-- ---------------------------------------------------------------- Board of Firearms Permit Examiners

CREATE TABLE board_seats (
  seat integer PRIMARY KEY CHECK (seat BETWEEN 1 AND 9),
  appointed_by text NOT NULL,
  nominated_by text,
  description text NOT NULL,
  from_on date NOT NULL,
  member_name text CHECK (length(member_name) <= 200),
  user_id uuid REFERENCES users(id),
  term_ends_on date
);
INSERT INTO board_seats (seat, appointed_by, nominated_by, description, from_on) VALUES
  (1, 'Governor', 'Commissioner of Emergency Services and Public Protection', 'Nominee of the DESPP commissioner', '2013-04-04'),
  (2, 'Governor', 'Commissioner of Energy and Environmental Protection', 'Nominee of the DEEP commissioner', '2013-04-04'),
  (3, 'Governor', 'Connecticut State Association of Chiefs of Police', 'Nominee of the chiefs of police', '2013-04-04'),
  (4, 'Governor', 'Connecticut State Rifle and Revolver Association, Inc.', 'Nominee of the Rifle and Revolver Association', '2013-04-04'),
  (5, 'Governor', 'Ye Connecticut Gun Guild, Inc.', 'Nominee of Ye Connecticut Gun Guild', '2013-04-04'),
  (6, 'Governor', NULL, 'Public member', '2013-04-04'),
  (7, 'Governor', NULL, 'Public member', '2013-04-04'),
  (8, 'Chief Court Administrator', NULL, 'Retired Superior Court judge (added by PA 13-3 § 60)', '2013-07-01'),
  (9, 'Governor', 'Department of Mental Health and Addiction Services', 'DMHAS nominee (added by PA 13-3 § 60)', '2013-07-01');

CREATE TABLE board_meetings (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  meeting_on date NOT NULL UNIQUE,
  hearing_slots integer NOT NULL CHECK (hearing_slots BETWEEN 1 AND 200),
  location text CHECK (length(location) <= 200),
  status text NOT NULL DEFAULT 'scheduled' CHECK (status IN ('scheduled','held','cancelled')),
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE SEQUENCE appeal_number_seq START 10001;

CREATE TABLE appeals (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  number text NOT NULL UNIQUE,
  person_id uuid NOT NULL REFERENCES people(id),
  subject_type text NOT NULL CHECK (subject_type IN ('application','credential')),
  subject_id uuid NOT NULL,
  subject_number text NOT NULL,
  credential_kind text NOT NULL,
  action_appealed text NOT NULL CHECK (action_appealed IN ('denial','revocation')),
  action_on date NOT NULL,
  issuing_authority text NOT NULL CHECK (length(issuing_authority) <= 200),
  findings jsonb NOT NULL DEFAULT '[]'::jsonb CHECK (jsonb_typeof(findings) = 'array'),
  decision_reason text CHECK (length(decision_reason) <= 4000),
  grounds text NOT NULL CHECK (length(grounds) BETWEEN 1 AND 4000),
  channel text NOT NULL CHECK (channel IN ('online','paper')),
  filed_on date NOT NULL CHECK (filed_on >= action_on),
  filing_due_on date NOT NULL,
  filed_late boolean NOT NULL,
  status text NOT NULL CHECK (status IN ('filed','scheduled','decided','withdrawn')),
  meeting_id uuid REFERENCES board_meetings(id),
  hearing_on date,
  statement_received_on date,
  statement_text text CHECK (length(statement_text) <= 8000),
  continuances integer NOT NULL DEFAULT 0 CHECK (continuances BETWEEN 0 AND 1),
  outcome text CHECK (outcome IN ('relief-granted','automatic-relief','relief-denied','withdrawn')),
  decided_on date,
  order_kind text CHECK (order_kind IN ('issue','restore')),
  order_carried_out_on date,
  order_credential_id uuid,
  decision_id uuid REFERENCES decisions(id),
  filed_by uuid REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (status <> 'scheduled' OR meeting_id IS NOT NULL),
  CHECK ((meeting_id IS NULL) = (hearing_on IS NULL)),
  CHECK ((status IN ('decided','withdrawn')) = (outcome IS NOT NULL)),
  CHECK ((outcome IS NULL) = (decided_on IS NULL)),
  CHECK (order_carried_out_on IS NULL OR order_kind IS NOT NULL)
);
CREATE INDEX appeals_docket ON appeals (status, filed_on, number);
CREATE INDEX appeals_person ON appeals (person_id);
CREATE UNIQUE INDEX appeals_one_open_per_subject ON appeals (subject_type, subject_id) WHERE status IN ('filed','scheduled');

CREATE TABLE appeal_actions (
  id bigserial PRIMARY KEY,
  appeal_id uuid NOT NULL REFERENCES appeals(id),
  action text NOT NULL CHECK (action ~ '^[a-z][a-z-]{1,50}$'),
  from_status text,
  to_status text NOT NULL,
  on_date date NOT NULL,
  actor_id uuid REFERENCES users(id),
  details jsonb NOT NULL DEFAULT '{}'::jsonb CHECK (jsonb_typeof(details) = 'object'),
  at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX appeal_actions_appeal ON appeal_actions (appeal_id, id);
CREATE TRIGGER appeal_actions_append_only BEFORE UPDATE OR DELETE ON appeal_actions FOR EACH ROW EXECUTE FUNCTION append_only();

-- Cases opened by a clock (a registry job, no signed-in user) have no opening user. The leads
-- module's openCaseForPerson (src/modules/leads/system-cases.ts) writes them.
ALTER TABLE cases ALTER COLUMN opened_by DROP NOT NULL;
