-- Schools and campuses (PA 13-3 §§ 80-92): districts and their towns, schools, campuses, the users
-- who act for them, security infrastructure grants (rounds, applications, allocations, payments),
-- safety plans, assessments, drill reports, committees, behaviour reports, mental health first aid
-- training, the school security consultant registry, campus protocol plans and threat assessment teams.
-- History tables are append-only (the append_only() trigger of migration 008).

-- ---------------------------------------------------------------- organizations

-- Towns' wealth ranks (1 = wealthiest .. 169), as the state publishes them for school construction (CGS § 10-285a).
CREATE TABLE school_town_wealth_ranks (
  town text PRIMARY KEY REFERENCES towns(name),
  rank integer NOT NULL UNIQUE CHECK (rank BETWEEN 1 AND 169),
  source text NOT NULL CHECK (length(source) BETWEEN 3 AND 300),
  recorded_on date NOT NULL
);

CREATE TABLE school_districts (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  code text NOT NULL UNIQUE CHECK (code ~ '^[A-Z0-9-]{2,20}$'),
  name text NOT NULL CHECK (length(name) BETWEEN 2 AND 200),
  kind text NOT NULL CHECK (kind IN ('local','regional')),
  priority_district boolean NOT NULL DEFAULT false,
  contact_email text CHECK (contact_email IS NULL OR contact_email ~ '^[^@\s]+@[^@\s]+$'),
  created_at timestamptz NOT NULL DEFAULT now()
);

-- The town (local) or member towns (regional) a district serves, with the pupils each sends.
CREATE TABLE school_district_towns (
  district_id uuid NOT NULL REFERENCES school_districts(id),
  town text NOT NULL REFERENCES towns(name),
  pupils integer NOT NULL DEFAULT 0 CHECK (pupils >= 0),
  PRIMARY KEY (district_id, town)
);

CREATE TABLE schools (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  district_id uuid NOT NULL REFERENCES school_districts(id),
  name text NOT NULL CHECK (length(name) BETWEEN 2 AND 200),
  town text NOT NULL REFERENCES towns(name),
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (district_id, name)
);

CREATE TABLE campuses (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  institution text NOT NULL CHECK (length(institution) BETWEEN 2 AND 200),
  name text NOT NULL CHECK (length(name) BETWEEN 2 AND 200),
  town text NOT NULL REFERENCES towns(name),
  system text NOT NULL CHECK (system IN ('uconn','csus','community-technical','independent')),
  contact_email text CHECK (contact_email IS NULL OR contact_email ~ '^[^@\s]+@[^@\s]+$'),
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (institution, name)
);

-- Which district or campus a user acts for (the users table is not changed). A parent or guardian
-- on a school committee is a district user with parent_or_guardian set (§ 87: no threat reports).
CREATE TABLE school_org_members (
  user_id uuid PRIMARY KEY REFERENCES users(id),
  district_id uuid REFERENCES school_districts(id),
  campus_id uuid REFERENCES campuses(id),
  parent_or_guardian boolean NOT NULL DEFAULT false,
  linked_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((district_id IS NULL) <> (campus_id IS NULL)),
  CHECK (NOT parent_or_guardian OR district_id IS NOT NULL)
);

-- Uploaded files (assessments, plans). Immutable.
CREATE TABLE school_documents (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  kind text NOT NULL CHECK (kind IN ('assessment','safety-plan','protocol-plan')),
  district_id uuid REFERENCES school_districts(id),
  campus_id uuid REFERENCES campuses(id),
  file_name text NOT NULL CHECK (length(file_name) BETWEEN 1 AND 255),
  content_type text NOT NULL CHECK (length(content_type) BETWEEN 3 AND 100),
  size_bytes integer NOT NULL CHECK (size_bytes BETWEEN 1 AND 10485760),
  sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  content bytea NOT NULL,
  uploaded_by uuid REFERENCES users(id),
  uploaded_at timestamptz NOT NULL,
  CHECK ((district_id IS NULL) <> (campus_id IS NULL))
);
CREATE TRIGGER school_documents_append_only BEFORE UPDATE OR DELETE ON school_documents FOR EACH ROW EXECUTE FUNCTION append_only();

-- ---------------------------------------------------------------- assessments, plans, drills (§§ 84-87)

-- A security (and vulnerability) assessment of one school: done under local police supervision
-- with the Safe Schools Facilities Check List (§ 84), every two years (§ 86).
CREATE TABLE school_assessments (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  school_id uuid NOT NULL REFERENCES schools(id),
  assessed_on date NOT NULL,
  supervised_by_local_police boolean NOT NULL,
  used_safe_schools_checklist boolean NOT NULL,
  entrance_security text NOT NULL CHECK (entrance_security IN ('none','partial','full')),
  summary text CHECK (length(summary) <= 4000),
  document_id uuid REFERENCES school_documents(id),
  recorded_by uuid REFERENCES users(id),
  recorded_at timestamptz NOT NULL
);
CREATE INDEX school_assessments_school ON school_assessments (school_id, assessed_on DESC);
CREATE TRIGGER school_assessments_append_only BEFORE UPDATE OR DELETE ON school_assessments FOR EACH ROW EXECUTE FUNCTION append_only();

-- Each school year's plan (§ 87); an update is a new version.
CREATE TABLE school_safety_plans (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  school_id uuid NOT NULL REFERENCES schools(id),
  school_year text NOT NULL CHECK (school_year ~ '^[0-9]{4}-[0-9]{2}$'),
  version integer NOT NULL CHECK (version >= 1),
  submitted_on date NOT NULL,
  summary text CHECK (length(summary) <= 4000),
  document_id uuid REFERENCES school_documents(id),
  submitted_by uuid REFERENCES users(id),
  submitted_at timestamptz NOT NULL,
  UNIQUE (school_id, school_year, version)
);
CREATE TRIGGER school_safety_plans_append_only BEFORE UPDATE OR DELETE ON school_safety_plans FOR EACH ROW EXECUTE FUNCTION append_only();

-- Fire and crisis response drill reports, with the local police and fire evaluation (§ 86).
CREATE TABLE school_drill_reports (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  school_id uuid NOT NULL REFERENCES schools(id),
  school_year text NOT NULL CHECK (school_year ~ '^[0-9]{4}-[0-9]{2}$'),
  kind text NOT NULL CHECK (kind IN ('fire','crisis-response')),
  drilled_on date NOT NULL,
  reported_on date NOT NULL,
  evaluated_by_police boolean NOT NULL,
  evaluated_by_fire boolean NOT NULL,
  evaluation text CHECK (length(evaluation) <= 4000),
  reported_by uuid REFERENCES users(id),
  reported_at timestamptz NOT NULL,
  CHECK (reported_on >= drilled_on)
);
CREATE INDEX school_drill_reports_school ON school_drill_reports (school_id, school_year);
CREATE TRIGGER school_drill_reports_append_only BEFORE UPDATE OR DELETE ON school_drill_reports FOR EACH ROW EXECUTE FUNCTION append_only();

-- The school security and safety committee (§ 87). Members leave by a dated row change (left_on).
CREATE TABLE school_committee_members (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  school_id uuid NOT NULL REFERENCES schools(id),
  name text NOT NULL CHECK (length(name) BETWEEN 2 AND 200),
  committee_role text NOT NULL CHECK (committee_role IN ('local-police-officer','local-first-responder','teacher-at-school',
    'administrator-at-school','guidance-counselor','school-social-worker','school-psychologist','school-nurse',
    'child-mental-health-specialist','parent-or-guardian','other')),
  joined_on date NOT NULL,
  left_on date,
  CHECK (left_on IS NULL OR left_on >= joined_on)
);
CREATE INDEX school_committee_members_school ON school_committee_members (school_id);

-- Reports of disturbing or threatening behaviour from the safe school climate committee (§§ 86-88).
-- Confidential: parents and guardians on the committees may not see them.
CREATE TABLE school_behavior_reports (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  school_id uuid NOT NULL REFERENCES schools(id),
  reported_on date NOT NULL,
  summary text NOT NULL CHECK (length(summary) BETWEEN 5 AND 4000),
  reported_by uuid REFERENCES users(id),
  reported_at timestamptz NOT NULL
);
CREATE INDEX school_behavior_reports_school ON school_behavior_reports (school_id, reported_on DESC);
CREATE TRIGGER school_behavior_reports_append_only BEFORE UPDATE OR DELETE ON school_behavior_reports FOR EACH ROW EXECUTE FUNCTION append_only();

-- ---------------------------------------------------------------- grants (§§ 84-85)

CREATE TABLE grant_rounds (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL UNIQUE CHECK (length(name) BETWEEN 3 AND 200),
  budget_cents bigint NOT NULL CHECK (budget_cents BETWEEN 0 AND 1500000000),
  opens_on date NOT NULL,
  closes_on date NOT NULL,
  created_by uuid REFERENCES users(id),
  created_at timestamptz NOT NULL,
  CHECK (closes_on >= opens_on)
);

CREATE SEQUENCE grant_application_number_seq START 1001;

-- A board of education's application. Changes by appended grant_application_actions.
CREATE TABLE grant_applications (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  number text NOT NULL UNIQUE,
  round_id uuid NOT NULL REFERENCES grant_rounds(id),
  district_id uuid NOT NULL REFERENCES school_districts(id),
  status text NOT NULL CHECK (status IN ('submitted','approved','denied','withdrawn')),
  submitted_on date NOT NULL,
  emergency_plan_with_first_responders boolean NOT NULL,
  emergency_plan_on date,
  plan_practiced boolean NOT NULL,
  practice_frequency text CHECK (length(practice_frequency) <= 200),
  rate_percent numeric(5,2) NOT NULL CHECK (rate_percent BETWEEN 20 AND 80),
  rate_because text NOT NULL,
  decision jsonb NOT NULL CHECK (jsonb_typeof(decision) = 'object'),
  decided_on date,
  decision_reason text CHECK (length(decision_reason) <= 4000),
  CHECK ((status IN ('approved','denied')) = (decided_on IS NOT NULL) OR status = 'withdrawn'),
  CHECK (status <> 'denied' OR decision_reason IS NOT NULL)
);
CREATE INDEX grant_applications_round ON grant_applications (round_id, status);
CREATE INDEX grant_applications_district ON grant_applications (district_id);

-- Each school in an application, with its assessment and the state's finding of need.
CREATE TABLE grant_application_schools (
  application_id uuid NOT NULL REFERENCES grant_applications(id),
  school_id uuid NOT NULL REFERENCES schools(id),
  assessment_id uuid NOT NULL REFERENCES school_assessments(id),
  most_in_need boolean NOT NULL,
  PRIMARY KEY (application_id, school_id)
);

CREATE TABLE grant_expenses (
  id bigserial PRIMARY KEY,
  application_id uuid NOT NULL REFERENCES grant_applications(id),
  school_id uuid NOT NULL REFERENCES schools(id),
  category text NOT NULL CHECK (category IN ('surveillance-cameras','penetration-resistant-vestibules','ballistic-glass',
    'solid-core-doors','double-door-access','electronic-locks','entry-door-buzzers','scan-card-systems','panic-alarms',
    'other-systems','personnel-training','portable-entrance-screening')),
  description text NOT NULL CHECK (length(description) BETWEEN 3 AND 500),
  amount_cents bigint NOT NULL CHECK (amount_cents > 0 AND amount_cents <= 1500000000),
  incurred_on date NOT NULL,
  FOREIGN KEY (application_id, school_id) REFERENCES grant_application_schools (application_id, school_id)
);
CREATE TRIGGER grant_expenses_append_only BEFORE UPDATE OR DELETE ON grant_expenses FOR EACH ROW EXECUTE FUNCTION append_only();

CREATE TABLE grant_application_actions (
  id bigserial PRIMARY KEY,
  application_id uuid NOT NULL REFERENCES grant_applications(id),
  action text NOT NULL CHECK (action IN ('submit','approve','deny','withdraw')),
  from_status text,
  to_status text NOT NULL,
  actor_id uuid REFERENCES users(id),
  reason text CHECK (length(reason) <= 4000),
  details jsonb NOT NULL DEFAULT '{}'::jsonb CHECK (jsonb_typeof(details) = 'object'),
  on_date date NOT NULL,
  at timestamptz NOT NULL
);
CREATE INDEX grant_application_actions_app ON grant_application_actions (application_id, id);
CREATE TRIGGER grant_application_actions_append_only BEFORE UPDATE OR DELETE ON grant_application_actions FOR EACH ROW EXECUTE FUNCTION append_only();

-- Each run of a round's allocation, kept whole; the latest run is in force.
CREATE TABLE grant_allocations (
  id bigserial PRIMARY KEY,
  round_id uuid NOT NULL REFERENCES grant_rounds(id),
  run_no integer NOT NULL CHECK (run_no >= 1),
  reason text NOT NULL CHECK (length(reason) BETWEEN 3 AND 500),
  run_on date NOT NULL,
  budget_cents bigint NOT NULL,
  requested_cents bigint NOT NULL,
  awarded_cents bigint NOT NULL CHECK (awarded_cents <= budget_cents),
  fully_funded boolean NOT NULL,
  lines jsonb NOT NULL CHECK (jsonb_typeof(lines) = 'array'),
  summary jsonb NOT NULL CHECK (jsonb_typeof(summary) = 'array'),
  actor_id uuid REFERENCES users(id),
  at timestamptz NOT NULL,
  UNIQUE (round_id, run_no)
);
CREATE TRIGGER grant_allocations_append_only BEFORE UPDATE OR DELETE ON grant_allocations FOR EACH ROW EXECUTE FUNCTION append_only();

-- Claims by the district and payments by the state against an award.
CREATE TABLE grant_payments (
  id bigserial PRIMARY KEY,
  application_id uuid NOT NULL REFERENCES grant_applications(id),
  kind text NOT NULL CHECK (kind IN ('claim','payment')),
  amount_cents bigint NOT NULL CHECK (amount_cents > 0),
  on_date date NOT NULL,
  reference text CHECK (length(reference) <= 200),
  actor_id uuid REFERENCES users(id),
  at timestamptz NOT NULL
);
CREATE INDEX grant_payments_app ON grant_payments (application_id, id);
CREATE TRIGGER grant_payments_append_only BEFORE UPDATE OR DELETE ON grant_payments FOR EACH ROW EXECUTE FUNCTION append_only();

-- ---------------------------------------------------------------- mental health first aid (§ 90)

CREATE TABLE mhfa_coordinators (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  district_id uuid NOT NULL REFERENCES school_districts(id),
  name text NOT NULL CHECK (length(name) BETWEEN 2 AND 200),
  email text CHECK (email IS NULL OR email ~ '^[^@\s]+@[^@\s]+$'),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE mhfa_appointments (
  coordinator_id uuid NOT NULL REFERENCES mhfa_coordinators(id),
  school_year text NOT NULL CHECK (school_year ~ '^[0-9]{4}-[0-9]{2}$'),
  appointed_on date NOT NULL,
  PRIMARY KEY (coordinator_id, school_year)
);
-- Nobody completes the training twice (§ 90): one completion per person.
CREATE TABLE mhfa_completions (
  coordinator_id uuid PRIMARY KEY REFERENCES mhfa_coordinators(id),
  completed_on date NOT NULL,
  provider text NOT NULL CHECK (length(provider) BETWEEN 2 AND 200),
  recorded_by uuid REFERENCES users(id),
  recorded_at timestamptz NOT NULL
);
CREATE TRIGGER mhfa_completions_append_only BEFORE UPDATE OR DELETE ON mhfa_completions FOR EACH ROW EXECUTE FUNCTION append_only();

-- ---------------------------------------------------------------- consultant registry (§ 91)

CREATE TABLE security_consultants (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL CHECK (length(name) BETWEEN 2 AND 200),
  employer text NOT NULL CHECK (length(employer) BETWEEN 2 AND 200),
  town text NOT NULL CHECK (length(town) BETWEEN 2 AND 100),
  services text NOT NULL CHECK (length(services) BETWEEN 3 AND 1000),
  email text NOT NULL CHECK (email ~ '^[^@\s]+@[^@\s]+$'),
  phone text CHECK (phone IS NULL OR phone ~ '^[0-9 ()+.-]{7,20}$'),
  registered_on date NOT NULL,
  last_confirmed_on date NOT NULL,
  status text NOT NULL CHECK (status IN ('pending','active','withdrawn')),
  CHECK (last_confirmed_on >= registered_on)
);
CREATE TABLE security_consultant_actions (
  id bigserial PRIMARY KEY,
  consultant_id uuid NOT NULL REFERENCES security_consultants(id),
  action text NOT NULL CHECK (action IN ('apply','register','renew','withdraw','renewal-notice')),
  actor_id uuid REFERENCES users(id),
  on_date date NOT NULL,
  details jsonb NOT NULL DEFAULT '{}'::jsonb,
  at timestamptz NOT NULL
);
CREATE TRIGGER security_consultant_actions_append_only BEFORE UPDATE OR DELETE ON security_consultant_actions FOR EACH ROW EXECUTE FUNCTION append_only();

-- ---------------------------------------------------------------- campuses (§ 92)

CREATE TABLE campus_protocol_plans (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  campus_id uuid NOT NULL REFERENCES campuses(id),
  kind text NOT NULL CHECK (kind IN ('initial','revision')),
  cycle_year integer,
  submitted_on date NOT NULL,
  reviewed_with_police_chief boolean NOT NULL,
  chief_name text CHECK (length(chief_name) <= 200),
  summary text CHECK (length(summary) <= 4000),
  document_id uuid REFERENCES school_documents(id),
  submitted_by uuid REFERENCES users(id),
  submitted_at timestamptz NOT NULL,
  CHECK ((kind = 'initial' AND cycle_year IS NULL) OR (kind = 'revision' AND cycle_year >= 2015 AND cycle_year % 2 = 1))
);
CREATE INDEX campus_protocol_plans_campus ON campus_protocol_plans (campus_id);
CREATE TRIGGER campus_protocol_plans_append_only BEFORE UPDATE OR DELETE ON campus_protocol_plans FOR EACH ROW EXECUTE FUNCTION append_only();

CREATE TABLE campus_threat_team_members (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  campus_id uuid NOT NULL REFERENCES campuses(id),
  name text NOT NULL CHECK (length(name) BETWEEN 2 AND 200),
  seat text NOT NULL CHECK (seat IN ('campus-police-or-security','administration','faculty','senior-staff','mid-level-staff')),
  trained boolean NOT NULL,
  joined_on date NOT NULL,
  left_on date,
  CHECK (left_on IS NULL OR left_on >= joined_on)
);
CREATE INDEX campus_threat_team_members_campus ON campus_threat_team_members (campus_id);

-- ---------------------------------------------------------------- standards and construction review (§§ 80-83, 86)

-- Dated, versioned standards: the School Safety Infrastructure Council's infrastructure standards
-- (§ 80, due each January 1 from 2014) and DESPP's school safety and security plan standards (§ 86).
CREATE TABLE school_standards (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  kind text NOT NULL CHECK (kind IN ('ssic-infrastructure','despp-plan')),
  version integer NOT NULL CHECK (version >= 1),
  title text NOT NULL CHECK (length(title) BETWEEN 3 AND 300),
  submitted_on date NOT NULL,
  topics text[] NOT NULL,
  summary text CHECK (length(summary) <= 8000),
  recorded_by uuid REFERENCES users(id),
  recorded_at timestamptz NOT NULL,
  UNIQUE (kind, version)
);
CREATE TRIGGER school_standards_append_only BEFORE UPDATE OR DELETE ON school_standards FOR EACH ROW EXECUTE FUNCTION append_only();

-- DCS's review of a school construction grant application against the SSIC standards in force (§§ 81-82).
CREATE TABLE construction_reviews (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  district_id uuid NOT NULL REFERENCES school_districts(id),
  project text NOT NULL CHECK (length(project) BETWEEN 3 AND 300),
  reviewed_on date NOT NULL,
  standards_id uuid REFERENCES school_standards(id),
  complies boolean,
  decision text NOT NULL CHECK (decision IN ('approved','disapproved')),
  reason text NOT NULL CHECK (length(reason) BETWEEN 3 AND 4000),
  rulebook jsonb NOT NULL,
  actor_id uuid REFERENCES users(id),
  at timestamptz NOT NULL
);
CREATE TRIGGER construction_reviews_append_only BEFORE UPDATE OR DELETE ON construction_reviews FOR EACH ROW EXECUTE FUNCTION append_only();
