-- Weapons registries (PA 13-3 §§ 23-31, 50, 62): assault weapon certificates of possession,
-- large capacity magazine declarations, dealers' certificates of transfer and monthly counts,
-- the windows to declare, apply or dispose as stored obligations, and lost and stolen reports.

-- One registration: an assault weapon certificate (application → certificate) or a magazine
-- declaration. Drafts are rows too, so a partly completed application survives a restart.
-- The holder's name, address and date of birth are copied from the person's record when the
-- registration is submitted (the certificate must carry them, § 27).
CREATE SEQUENCE registration_number_seq START 1;
CREATE TABLE registrations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  kind text NOT NULL CHECK (kind IN ('aw-certificate','lcm-declaration')),
  -- Given at submission (AWA-/LCM-); the certificate number (AWC-) is given at issue.
  number text UNIQUE CHECK (number ~ '^(AWA|LCM)-[0-9]{6,}$'),
  certificate_number text UNIQUE CHECK (certificate_number ~ '^AWC-[0-9]{6,}$'),
  person_id uuid NOT NULL REFERENCES people(id),
  status text NOT NULL CHECK (status IN ('draft','submitted','needs-review','issued','declared','refused','not-covered',
                                         'withdrawn','transferred','disposed','surrender-required')),
  -- The route to compliance the person claims (one of the clocks): general deadline, service member
  -- returning, service member transferred in, heir, or a certificate obtained before 2013-04-04.
  route text NOT NULL DEFAULT 'general' CHECK (route IN ('general','service-member-return','service-member-transferred','heir','earlier-certificate')),
  route_event_on date,
  -- Attached to a credential application (§ 24: declare on any credential application).
  credential_application_id uuid,
  -- Assault weapon: the description that identifies it uniquely (§ 27).
  make text CHECK (length(make) <= 100),
  model text CHECK (length(model) <= 100),
  serial_number text CHECK (length(serial_number) <= 60),
  caliber text CHECK (length(caliber) <= 40),
  firearm_type text CHECK (firearm_type IN ('rifle','pistol','shotgun','other')),
  identification_marks text CHECK (length(identification_marks) <= 2000),
  firearm_facts jsonb,
  -- Thumbprint: an uploaded image (registration_thumbprints) or a recorded appointment.
  thumbprint text CHECK (thumbprint IN ('upload','appointment')),
  thumbprint_appointment_on date,
  -- Magazine: count, capacity, caliber or description (§ 24).
  magazine_count integer CHECK (magazine_count BETWEEN 1 AND 10000),
  magazine_capacity integer CHECK (magazine_capacity BETWEEN 0 AND 1000),
  magazine_caliber text CHECK (length(magazine_caliber) <= 40),
  magazine_description text CHECK (length(magazine_description) <= 1000),
  magazine_facts jsonb,
  -- The holder as submitted (copied from the person's record).
  holder_first_name text CHECK (length(holder_first_name) <= 100),
  holder_middle_name text CHECK (length(holder_middle_name) <= 100),
  holder_last_name text CHECK (length(holder_last_name) <= 100),
  holder_birth_on date,
  holder_street text CHECK (length(holder_street) <= 200),
  holder_town text CHECK (length(holder_town) <= 100),
  holder_state text CHECK (holder_state ~ '^[A-Z]{2}$'),
  holder_zip text CHECK (holder_zip ~ '^[0-9]{5}$'),
  submitted_on date,
  issued_on date,
  decided_on date,
  classification_decision_id uuid REFERENCES decisions(id),
  deadline_decision_id uuid REFERENCES decisions(id),
  reasons jsonb NOT NULL DEFAULT '[]'::jsonb,
  -- Set when a prohibiting event reached the holder (enforcement link).
  prohibited_event_id text,
  draft_version integer NOT NULL DEFAULT 1 CHECK (draft_version >= 1),
  created_by uuid REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  -- A submitted registration has its number, its date and the holder's identity (a draft withdrawn unsubmitted has none).
  CHECK (status = 'draft' OR (status = 'withdrawn' AND number IS NULL) OR (number IS NOT NULL AND submitted_on IS NOT NULL AND holder_last_name IS NOT NULL AND holder_birth_on IS NOT NULL)),
  -- A submitted certificate application identifies the weapon and the thumbprint.
  CHECK (kind <> 'aw-certificate' OR status = 'draft' OR number IS NULL OR (make IS NOT NULL AND model IS NOT NULL AND serial_number IS NOT NULL AND caliber IS NOT NULL AND thumbprint IS NOT NULL)),
  CHECK (kind <> 'lcm-declaration' OR status = 'draft' OR number IS NULL OR (magazine_count IS NOT NULL AND magazine_capacity IS NOT NULL AND (magazine_caliber IS NOT NULL OR magazine_description IS NOT NULL))),
  CHECK (thumbprint IS DISTINCT FROM 'appointment' OR thumbprint_appointment_on IS NOT NULL),
  -- Only an issued certificate has a certificate number.
  CHECK ((certificate_number IS NULL) OR (kind = 'aw-certificate' AND issued_on IS NOT NULL)),
  CHECK (route IN ('general','earlier-certificate') OR route_event_on IS NOT NULL)
);
CREATE INDEX registrations_person ON registrations (person_id);
CREATE INDEX registrations_status ON registrations (kind, status, submitted_on);
CREATE INDEX registrations_serial ON registrations (upper(serial_number)) WHERE serial_number IS NOT NULL;

-- Every change to a registration, appended.
CREATE TABLE registration_actions (
  id bigserial PRIMARY KEY,
  registration_id uuid NOT NULL REFERENCES registrations(id),
  action text NOT NULL CHECK (action IN ('save-draft','submit','review','issue','accept','refuse','answer-not-covered','withdraw',
                                         'transfer','dispose','mark-prohibited','thumbprint')),
  from_status text,
  to_status text NOT NULL,
  actor_id uuid REFERENCES users(id),
  decision_id uuid REFERENCES decisions(id),
  note text CHECK (length(note) <= 2000),
  details jsonb NOT NULL DEFAULT '{}'::jsonb,
  at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX registration_actions_of ON registration_actions (registration_id, id);
CREATE TRIGGER registration_actions_append_only BEFORE UPDATE OR DELETE ON registration_actions FOR EACH ROW EXECUTE FUNCTION append_only();

-- Uploaded thumbprints (an image each; the latest counts). Never presented back, only its digest.
CREATE TABLE registration_thumbprints (
  id bigserial PRIMARY KEY,
  registration_id uuid NOT NULL REFERENCES registrations(id),
  content_type text NOT NULL CHECK (content_type IN ('image/png','image/jpeg','image/tiff')),
  bytes bytea NOT NULL CHECK (octet_length(bytes) BETWEEN 1 AND 2097152),
  sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  uploaded_by uuid REFERENCES users(id),
  uploaded_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX registration_thumbprints_of ON registration_thumbprints (registration_id, id DESC);
CREATE TRIGGER registration_thumbprints_append_only BEFORE UPDATE OR DELETE ON registration_thumbprints FOR EACH ROW EXECUTE FUNCTION append_only();

-- A window as a stored obligation: who must do what by when, under which rule (src/law/ct/clocks).
CREATE TABLE registry_obligations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  person_id uuid NOT NULL REFERENCES people(id),
  registration_id uuid REFERENCES registrations(id),
  item text NOT NULL CHECK (item IN ('large-capacity-magazine','assault-weapon')),
  rule text NOT NULL CHECK (rule ~ '^[a-z0-9.-]{3,100}$'),
  actions text[] NOT NULL,
  due_on date NOT NULL,
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open','met','missed','waived')),
  met_on date,
  met_by text CHECK (length(met_by) <= 200),
  decision_id uuid REFERENCES decisions(id),
  event_id text,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((status = 'met') = (met_on IS NOT NULL))
);
CREATE INDEX registry_obligations_due ON registry_obligations (status, due_on);
CREATE INDEX registry_obligations_person ON registry_obligations (person_id);
CREATE UNIQUE INDEX registry_obligations_once ON registry_obligations (person_id, item, rule, due_on, coalesce(registration_id::text, ''));

-- A dealer's certificate of transfer (§ 24; the same for assault weapons sold to a dealer, § 28).
CREATE SEQUENCE transfer_certificate_number_seq START 1;
CREATE TABLE transfer_certificates (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  number text NOT NULL UNIQUE CHECK (number ~ '^TC-[0-9]{6,}$'),
  dealer_id uuid NOT NULL REFERENCES dealers(id),
  item text NOT NULL CHECK (item IN ('large-capacity-magazine','assault-weapon')),
  transfer_on date NOT NULL,
  item_count integer NOT NULL DEFAULT 1 CHECK (item_count BETWEEN 1 AND 10000),
  description text NOT NULL CHECK (length(description) BETWEEN 3 AND 2000),
  serial_number text CHECK (length(serial_number) <= 60),
  transferor_name text NOT NULL CHECK (length(transferor_name) BETWEEN 2 AND 200),
  transferor_address text NOT NULL CHECK (length(transferor_address) BETWEEN 5 AND 300),
  transferor_id_kind text CHECK (transferor_id_kind IN ('ssn','drivers-license')),
  transferor_id_number text CHECK (length(transferor_id_number) <= 40),
  dealer_name text NOT NULL,
  dealer_address text NOT NULL,
  dealer_id_number text CHECK (length(dealer_id_number) <= 40),
  dealer_ffl text NOT NULL,
  registration_id uuid REFERENCES registrations(id),
  -- Before 2014-01-01 counted in the monthly report; from then each is delivered to DESPP.
  delivery text NOT NULL CHECK (delivery IN ('monthly-report','deliver-to-despp')),
  delivered_at timestamptz,
  created_by uuid REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((delivery = 'monthly-report') = (transfer_on < DATE '2014-01-01')),
  CHECK ((transferor_id_kind IS NULL) = (transferor_id_number IS NULL))
);
CREATE INDEX transfer_certificates_dealer ON transfer_certificates (dealer_id, transfer_on DESC);
CREATE TRIGGER transfer_certificates_no_delete BEFORE DELETE ON transfer_certificates FOR EACH ROW EXECUTE FUNCTION append_only();

-- Dealers' monthly counts of transfers accepted before 2014-01-01 (§ 24).
CREATE TABLE dealer_transfer_reports (
  id bigserial PRIMARY KEY,
  dealer_id uuid NOT NULL REFERENCES dealers(id),
  month date NOT NULL CHECK (extract(day FROM month) = 1 AND month < DATE '2014-01-01'),
  transfers integer NOT NULL CHECK (transfers >= 0),
  submitted_by uuid REFERENCES users(id),
  submitted_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (dealer_id, month)
);
CREATE TRIGGER dealer_transfer_reports_append_only BEFORE UPDATE OR DELETE ON dealer_transfer_reports FOR EACH ROW EXECUTE FUNCTION append_only();

-- Lost and stolen firearms (CGS § 53-202g, penalties raised by PA 13-3 § 50).
CREATE SEQUENCE lost_stolen_number_seq START 1;
CREATE TABLE lost_stolen_reports (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  number text NOT NULL UNIQUE CHECK (number ~ '^LS-[0-9]{6,}$'),
  person_id uuid REFERENCES people(id),
  reported_by uuid REFERENCES users(id),
  kind text NOT NULL CHECK (kind IN ('lost','stolen')),
  serial_number text NOT NULL CHECK (length(serial_number) BETWEEN 1 AND 60),
  make text CHECK (length(make) <= 100),
  model text CHECK (length(model) <= 100),
  caliber text CHECK (length(caliber) <= 40),
  circumstances text NOT NULL CHECK (length(circumstances) BETWEEN 10 AND 4000),
  town text CHECK (length(town) <= 100),
  discovered_at timestamptz NOT NULL,
  reported_at timestamptz NOT NULL,
  due_at timestamptz NOT NULL,
  late boolean NOT NULL,
  penalty text,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (reported_at >= discovered_at),
  CHECK (late = (reported_at > due_at)),
  CHECK (NOT late OR penalty IS NOT NULL)
);
CREATE INDEX lost_stolen_serial ON lost_stolen_reports (upper(serial_number));
CREATE TRIGGER lost_stolen_reports_append_only BEFORE UPDATE OR DELETE ON lost_stolen_reports FOR EACH ROW EXECUTE FUNCTION append_only();

-- What a report reached: the holder's registrations and the sale records of that serial.
CREATE TABLE lost_stolen_links (
  report_id uuid NOT NULL REFERENCES lost_stolen_reports(id),
  target_type text NOT NULL CHECK (target_type IN ('registration','sale')),
  target_id uuid NOT NULL,
  PRIMARY KEY (report_id, target_type, target_id)
);
CREATE INDEX lost_stolen_links_target ON lost_stolen_links (target_type, target_id);
