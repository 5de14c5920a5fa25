-- Platform: towns, users and sessions, API keys, the audit trail, idempotency, outbox, decisions.

CREATE TABLE towns (
  name text PRIMARY KEY,
  fips text NOT NULL UNIQUE,
  planning_region text NOT NULL,
  population integer NOT NULL CHECK (population > 0)
);

CREATE TABLE people (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  first_name text NOT NULL CHECK (length(first_name) BETWEEN 1 AND 100),
  middle_name text CHECK (length(middle_name) <= 100),
  last_name text NOT NULL CHECK (length(last_name) BETWEEN 1 AND 100),
  birth_date date NOT NULL,
  birth_place text CHECK (length(birth_place) <= 200),
  street text CHECK (length(street) <= 200),
  town text CHECK (length(town) <= 100),
  state text NOT NULL DEFAULT 'CT' CHECK (state ~ '^[A-Z]{2}$'),
  zip text CHECK (zip ~ '^[0-9]{5}$'),
  email text CHECK (length(email) <= 254),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX people_name_dob ON people (lower(last_name), birth_date);

-- Address history: appended, never overwritten. people.street/town hold the latest for convenience.
CREATE TABLE address_changes (
  id bigserial PRIMARY KEY,
  person_id uuid NOT NULL REFERENCES people(id),
  street text NOT NULL,
  town text NOT NULL,
  state text NOT NULL CHECK (state ~ '^[A-Z]{2}$'),
  zip text CHECK (zip ~ '^[0-9]{5}$'),
  effective_on date NOT NULL,
  reported_at timestamptz NOT NULL DEFAULT now(),
  reported_by uuid
);
CREATE INDEX address_changes_person ON address_changes (person_id, id);

CREATE TABLE users (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  username text NOT NULL UNIQUE CHECK (username ~ '^[a-z0-9._@-]{3,64}$'),
  display_name text NOT NULL,
  role text NOT NULL CHECK (role IN ('licensing_staff','dealer','ammunition_vendor','law_enforcement','resident','auditor','admin')),
  password_hash text NOT NULL,
  person_id uuid REFERENCES people(id),
  organization text,
  failed_logins integer NOT NULL DEFAULT 0,
  locked_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (role <> 'resident' OR person_id IS NOT NULL)
);

CREATE TABLE sessions (
  id text PRIMARY KEY,            -- sha256 of the cookie token
  user_id uuid NOT NULL REFERENCES users(id),
  csrf_token text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  ended_at timestamptz
);

CREATE TABLE api_keys (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id uuid NOT NULL REFERENCES users(id),
  key_hash text NOT NULL UNIQUE,   -- sha256 of the key
  prefix text NOT NULL,
  label text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  revoked_at timestamptz
);

-- The audit trail: append-only, each entry carrying the hash of the one before.
CREATE TABLE audit_log (
  seq bigserial PRIMARY KEY,
  at timestamptz NOT NULL,
  actor_id uuid,
  actor_role text,
  action text NOT NULL,
  entity_type text,
  entity_id text,
  purpose text,
  outcome text NOT NULL,
  details jsonb NOT NULL DEFAULT '{}'::jsonb,
  request_id text,
  prev_hash text NOT NULL,
  hash text NOT NULL UNIQUE
);
CREATE INDEX audit_entity ON audit_log (entity_type, entity_id);

CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only';
END;
$$;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();

CREATE TABLE idempotency_keys (
  actor_id uuid NOT NULL,
  key text NOT NULL CHECK (length(key) BETWEEN 8 AND 200),
  route text NOT NULL,
  request_hash text NOT NULL,
  status_code integer NOT NULL,
  response jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (actor_id, key)
);

-- Letters and emails waiting to go out (or sent). Staff can see them.
CREATE TABLE outbox (
  id bigserial PRIMARY KEY,
  channel text NOT NULL CHECK (channel IN ('letter','email')),
  person_id uuid REFERENCES people(id),
  recipient text NOT NULL,
  template text NOT NULL,
  subject text NOT NULL,
  body text NOT NULL,
  dedupe_key text UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now(),
  sent_at timestamptz
);

-- Every decision the rulebook made, with the facts and the version used, so it can be replayed.
CREATE TABLE decisions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  question text NOT NULL,
  decided_on date NOT NULL,
  rulebook_version text NOT NULL,
  outcome text NOT NULL CHECK (outcome IN ('yes','no','unknown')),
  result jsonb NOT NULL,
  findings jsonb NOT NULL,
  facts jsonb NOT NULL,
  subject_type text,
  subject_id text,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX decisions_subject ON decisions (subject_type, subject_id);
