-- Ammunition: policy settings (the ammunition limit), counter checks, and the record of every sale.

-- Settings the Department sets that the Act does not enact. History is appended: a change adds a
-- version; the setting in force on a day is the highest version that took effect on or before it.
CREATE TABLE policy_settings (
  id bigserial PRIMARY KEY,
  key text NOT NULL CHECK (key IN ('ammunition-limit')),
  version integer NOT NULL CHECK (version >= 1),
  value jsonb NOT NULL CHECK (jsonb_typeof(value) = 'object' AND jsonb_typeof(value -> 'enabled') = 'boolean'),
  effective_on date NOT NULL,
  set_at timestamptz NOT NULL DEFAULT now(),
  set_by uuid REFERENCES users(id),
  note text NOT NULL CHECK (length(note) BETWEEN 1 AND 2000),
  UNIQUE (key, version)
);
CREATE INDEX policy_settings_in_force ON policy_settings (key, effective_on, version);

INSERT INTO policy_settings (key, version, value, effective_on, note)
VALUES ('ammunition-limit', 1, '{"enabled": false}'::jsonb, '2013-04-04', 'Initial setting: off. PA 13-3 enacts no ammunition limit; an administrator may switch one on.');

CREATE SEQUENCE ammunition_check_number_seq START 100001;
CREATE SEQUENCE ammunition_sale_number_seq START 100001;

-- A seller's check of a buyer at the counter: what was presented, what the law and the policy
-- said, and the lines it covers. A sale may be recorded against an approved check on its day.
CREATE TABLE ammunition_checks (
  id uuid PRIMARY KEY,
  number text NOT NULL UNIQUE,
  dealer_id uuid NOT NULL REFERENCES dealers(id),
  clerk_id uuid NOT NULL REFERENCES users(id),
  checked_on date NOT NULL,
  checked_at timestamptz NOT NULL DEFAULT now(),
  outcome text NOT NULL CHECK (outcome IN ('approved','refused','needs-review')),
  -- The credential holder the presented number, name and date of birth matched (null when they did not).
  person_id uuid REFERENCES people(id),
  credential_id uuid REFERENCES credentials(id),
  credential_number text NOT NULL CHECK (length(credential_number) BETWEEN 3 AND 40),
  credential_kind text CHECK (credential_kind IN ('temporary-state-permit','state-handgun-permit','handgun-eligibility-certificate','long-gun-eligibility-certificate','ammunition-certificate')),
  -- What satisfied §§ 14-17: a gun credential, or an ammunition certificate with photo identification.
  basis text CHECK (basis IN ('gun-credential','ammunition-certificate')),
  buyer_first_name text NOT NULL CHECK (length(buyer_first_name) BETWEEN 1 AND 100),
  buyer_last_name text NOT NULL CHECK (length(buyer_last_name) BETWEEN 1 AND 100),
  buyer_birth_date date NOT NULL,
  photo_id_type text CHECK (photo_id_type IN ('drivers-license','passport','state-id','military-id','other')),
  -- Only the last characters of the identification number are kept.
  photo_id_last4 text CHECK (photo_id_last4 ~ '^[A-Z0-9]{1,4}$'),
  photo_id_shows_birth_date boolean,
  lines jsonb NOT NULL CHECK (jsonb_typeof(lines) = 'array' AND jsonb_array_length(lines) BETWEEN 1 AND 50),
  total_rounds integer NOT NULL CHECK (total_rounds >= 0),
  total_magazines integer NOT NULL CHECK (total_magazines >= 0),
  match_findings jsonb NOT NULL CHECK (jsonb_typeof(match_findings) = 'array'),
  law_decision_id uuid NOT NULL REFERENCES decisions(id),
  limit_decision_id uuid REFERENCES decisions(id),
  CHECK (total_rounds + total_magazines > 0),
  CHECK (outcome <> 'approved' OR (person_id IS NOT NULL AND credential_id IS NOT NULL)),
  CHECK ((person_id IS NULL) = (credential_id IS NULL))
);
CREATE INDEX ammunition_checks_dealer ON ammunition_checks (dealer_id, checked_on);
CREATE INDEX ammunition_checks_person ON ammunition_checks (person_id, checked_on);

-- The record of every ammunition sale (the plan: "require vendors to record and report
-- ammunition sales"). One sale per approved check, on the check's day.
CREATE TABLE ammunition_sales (
  id uuid PRIMARY KEY,
  number text NOT NULL UNIQUE,
  check_id uuid NOT NULL UNIQUE REFERENCES ammunition_checks(id),
  dealer_id uuid NOT NULL REFERENCES dealers(id),
  -- Where the sale took place: the seller's town on the day of sale.
  town text NOT NULL REFERENCES towns(name),
  person_id uuid NOT NULL REFERENCES people(id),
  credential_id uuid NOT NULL REFERENCES credentials(id),
  basis text CHECK (basis IN ('gun-credential','ammunition-certificate')),
  sold_on date NOT NULL,
  recorded_at timestamptz NOT NULL DEFAULT now(),
  clerk_id uuid NOT NULL REFERENCES users(id),
  total_rounds integer NOT NULL CHECK (total_rounds >= 0),
  total_magazines integer NOT NULL CHECK (total_magazines >= 0),
  limit_decision_id uuid REFERENCES decisions(id),
  CHECK (total_rounds + total_magazines > 0)
);
CREATE INDEX ammunition_sales_person ON ammunition_sales (person_id, sold_on);
CREATE INDEX ammunition_sales_dealer ON ammunition_sales (dealer_id, sold_on);
CREATE INDEX ammunition_sales_sold_on ON ammunition_sales (sold_on);

CREATE TABLE ammunition_sale_lines (
  sale_id uuid NOT NULL REFERENCES ammunition_sales(id),
  line_no smallint NOT NULL CHECK (line_no BETWEEN 1 AND 50),
  type text NOT NULL CHECK (type IN ('centerfire-rifle','centerfire-pistol','rimfire','shotshell','magazine')),
  caliber text NOT NULL CHECK (length(caliber) BETWEEN 1 AND 40),
  brand text NOT NULL CHECK (length(brand) BETWEEN 1 AND 80),
  -- Rounds for ammunition, units for magazines.
  quantity integer NOT NULL CHECK (quantity BETWEEN 1 AND 100000),
  PRIMARY KEY (sale_id, line_no)
);

-- Settings, checks and sales are history: never changed, never deleted.
CREATE FUNCTION ammunition_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only', TG_TABLE_NAME;
END;
$$;
CREATE TRIGGER policy_settings_append_only BEFORE UPDATE OR DELETE ON policy_settings FOR EACH ROW EXECUTE FUNCTION ammunition_append_only();
CREATE TRIGGER ammunition_checks_append_only BEFORE UPDATE OR DELETE ON ammunition_checks FOR EACH ROW EXECUTE FUNCTION ammunition_append_only();
CREATE TRIGGER ammunition_sales_append_only BEFORE UPDATE OR DELETE ON ammunition_sales FOR EACH ROW EXECUTE FUNCTION ammunition_append_only();
CREATE TRIGGER ammunition_sale_lines_append_only BEFORE UPDATE OR DELETE ON ammunition_sale_lines FOR EACH ROW EXECUTE FUNCTION ammunition_append_only();
