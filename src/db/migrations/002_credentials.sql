-- Credentials: applications (changed only by appended actions), credentials, prohibiting events.

CREATE SEQUENCE application_number_seq START 100001;
CREATE SEQUENCE credential_number_seq START 1000001;

CREATE TABLE applications (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  number text NOT NULL UNIQUE,
  person_id uuid NOT NULL REFERENCES people(id),
  credential_kind text NOT NULL CHECK (credential_kind IN ('temporary-state-permit','state-handgun-permit','handgun-eligibility-certificate','long-gun-eligibility-certificate','ammunition-certificate')),
  kind text NOT NULL DEFAULT 'new' CHECK (kind IN ('new','renewal')),
  renews_credential_id uuid,
  channel text NOT NULL CHECK (channel IN ('online','paper')),
  status text NOT NULL CHECK (status IN ('submitted','approvable','needs-review','ineligible','issued','denied','withdrawn')),
  submitted_on date NOT NULL,
  residence_town text NOT NULL,
  attested_no_temporary_permit_in_12_months boolean,
  citizen_or_lawful_resident boolean NOT NULL,
  background_check_consent boolean NOT NULL,
  fee_cents integer NOT NULL CHECK (fee_cents >= 0),
  fee_paid boolean NOT NULL,
  latest_decision_id uuid REFERENCES decisions(id),
  created_by uuid REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX applications_status ON applications (status, submitted_on);
CREATE INDEX applications_person ON applications (person_id);

CREATE TABLE application_actions (
  id bigserial PRIMARY KEY,
  application_id uuid NOT NULL REFERENCES applications(id),
  action text NOT NULL,
  from_status text,
  to_status text NOT NULL,
  actor_id uuid REFERENCES users(id),
  note text,
  decision_id uuid REFERENCES decisions(id),
  at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX application_actions_app ON application_actions (application_id, id);

CREATE TABLE credentials (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  number text NOT NULL UNIQUE,
  person_id uuid NOT NULL REFERENCES people(id),
  kind text NOT NULL CHECK (kind IN ('temporary-state-permit','state-handgun-permit','handgun-eligibility-certificate','long-gun-eligibility-certificate','ammunition-certificate')),
  status text NOT NULL CHECK (status IN ('active','revoked','expired','superseded')),
  issued_on date NOT NULL,
  expires_on date NOT NULL CHECK (expires_on > issued_on),
  fee_cents integer NOT NULL CHECK (fee_cents >= 0),
  application_id uuid REFERENCES applications(id),
  revoked_on date,
  revocation_reasons jsonb,
  surrender_due_on date,
  surrendered_on date,
  late_surrender_flagged_on date,
  renewal_notice_sent_on date,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((status = 'revoked') = (revoked_on IS NOT NULL)),
  CHECK (surrendered_on IS NULL OR revoked_on IS NOT NULL)
);
CREATE INDEX credentials_person ON credentials (person_id);
CREATE INDEX credentials_expiry ON credentials (status, expires_on);

CREATE TABLE credential_actions (
  id bigserial PRIMARY KEY,
  credential_id uuid NOT NULL REFERENCES credentials(id),
  action text NOT NULL,
  actor_id uuid REFERENCES users(id),
  on_date date NOT NULL,
  details jsonb NOT NULL DEFAULT '{}'::jsonb,
  at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX credential_actions_cred ON credential_actions (credential_id, id);

-- Prohibiting events reported by courts, probate courts, DMHAS, protective-order systems and staff.
CREATE TABLE prohibiting_events (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  person_id uuid NOT NULL REFERENCES people(id),
  kind text NOT NULL CHECK (kind IN ('conviction','probate-commitment','voluntary-admission','ngri-discharge','protective-order','restraining-order','foreign-order','firearms-seizure-order','federal-prohibitor')),
  event_on date NOT NULL,
  statute text,
  felony boolean,
  offense_on date,
  solely_alcohol_or_drug boolean,
  expires_on date,
  active boolean,
  category text,
  source text NOT NULL,
  reference text,
  recorded_by uuid REFERENCES users(id),
  recorded_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX prohibiting_events_person ON prohibiting_events (person_id);

-- Simulated and real NICS checks run for applications and sales.
CREATE TABLE nics_checks (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  transaction_number text NOT NULL UNIQUE,
  purpose text NOT NULL,
  person_id uuid REFERENCES people(id),
  status text NOT NULL CHECK (status IN ('proceed','delayed','denied')),
  requested_at timestamptz NOT NULL DEFAULT now(),
  resolved_at timestamptz
);
