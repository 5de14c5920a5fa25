-- The shared platform pieces every capability module uses: the roles of the new user groups,
-- one append-only trigger function for every history table, the jobs table with leases,
-- retries and a dead-letter state, and delivery states for notices.

-- Roles: the new user groups (local issuing authorities, record sources, the trafficking task
-- force, the Board, schools and campuses). The list is the one in src/modules/auth/roles.ts.
ALTER TABLE users DROP CONSTRAINT users_role_check;
ALTER TABLE users ADD CONSTRAINT users_role_check CHECK (role IN (
  'licensing_staff','dealer','ammunition_vendor','law_enforcement','resident','auditor','admin',
  'local_authority','court_source','probate_source','dmhas_source','trafficking_task_force',
  'board_member','district_staff','campus_staff','school_safety_staff'));

-- History is appended, never changed: one function, applied to every history table.
CREATE FUNCTION append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: rows are added, never changed or removed', TG_TABLE_NAME
    USING ERRCODE = 'insufficient_privilege';
END $$;

-- The tables that were append-only by convention only.
CREATE TRIGGER application_actions_append_only BEFORE UPDATE OR DELETE ON application_actions FOR EACH ROW EXECUTE FUNCTION append_only();
CREATE TRIGGER credential_actions_append_only BEFORE UPDATE OR DELETE ON credential_actions FOR EACH ROW EXECUTE FUNCTION append_only();
CREATE TRIGGER sale_actions_append_only BEFORE UPDATE OR DELETE ON sale_actions FOR EACH ROW EXECUTE FUNCTION append_only();
CREATE TRIGGER dealer_actions_append_only BEFORE UPDATE OR DELETE ON dealer_actions FOR EACH ROW EXECUTE FUNCTION append_only();
CREATE TRIGGER address_changes_append_only BEFORE UPDATE OR DELETE ON address_changes FOR EACH ROW EXECUTE FUNCTION append_only();
CREATE TRIGGER decisions_append_only BEFORE UPDATE OR DELETE ON decisions FOR EACH ROW EXECUTE FUNCTION append_only();

-- The per-module copies become the one function.
DROP TRIGGER policy_settings_append_only ON policy_settings;
DROP TRIGGER ammunition_checks_append_only ON ammunition_checks;
DROP TRIGGER ammunition_sales_append_only ON ammunition_sales;
DROP TRIGGER ammunition_sale_lines_append_only ON ammunition_sale_lines;
DROP FUNCTION ammunition_append_only();
CREATE TRIGGER policy_settings_append_only BEFORE UPDATE OR DELETE ON policy_settings FOR EACH ROW EXECUTE FUNCTION append_only();
CREATE TRIGGER ammunition_checks_append_only BEFORE UPDATE OR DELETE ON ammunition_checks FOR EACH ROW EXECUTE FUNCTION append_only();
CREATE TRIGGER ammunition_sales_append_only BEFORE UPDATE OR DELETE ON ammunition_sales FOR EACH ROW EXECUTE FUNCTION append_only();
CREATE TRIGGER ammunition_sale_lines_append_only BEFORE UPDATE OR DELETE ON ammunition_sale_lines FOR EACH ROW EXECUTE FUNCTION append_only();
DROP TRIGGER lead_actions_append_only ON lead_actions;
DROP TRIGGER case_actions_append_only ON case_actions;
DROP FUNCTION leads_append_only();
CREATE TRIGGER lead_actions_append_only BEFORE UPDATE OR DELETE ON lead_actions FOR EACH ROW EXECUTE FUNCTION append_only();
CREATE TRIGGER case_actions_append_only BEFORE UPDATE OR DELETE ON case_actions FOR EACH ROW EXECUTE FUNCTION append_only();

-- Jobs: every piece of background work. A worker claims a due job by taking its lease
-- (locked_by, locked_until); a worker that dies leaves the lease to run out and another takes
-- the job over. A failure sets the next attempt with backoff; after max_attempts the job is
-- dead (the dead-letter list), where an administrator can see it and retry it.
CREATE TABLE jobs (
  id bigserial PRIMARY KEY,
  name text NOT NULL CHECK (name ~ '^[a-z0-9][a-z0-9.:-]{0,99}$'),
  payload jsonb NOT NULL DEFAULT '{}'::jsonb,
  -- At most one queued or running job per key (a notice is delivered by one job, not two).
  dedupe_key text,
  status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued','running','done','dead')),
  run_at timestamptz NOT NULL,
  attempts integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  max_attempts integer NOT NULL DEFAULT 5 CHECK (max_attempts >= 1),
  locked_by text,
  locked_until timestamptz,
  last_error text,
  result jsonb,
  created_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz,
  CHECK ((status = 'running') = (locked_by IS NOT NULL))
);
CREATE INDEX jobs_due ON jobs (run_at) WHERE status IN ('queued','running');
CREATE INDEX jobs_dead ON jobs (finished_at DESC) WHERE status = 'dead';
CREATE UNIQUE INDEX jobs_dedupe ON jobs (dedupe_key) WHERE dedupe_key IS NOT NULL AND status IN ('queued','running');

-- Every attempt of every job, appended: when it ran, who ran it, how it ended.
CREATE TABLE job_attempts (
  id bigserial PRIMARY KEY,
  job_id bigint NOT NULL REFERENCES jobs(id),
  attempt integer NOT NULL,
  worker text NOT NULL,
  started_at timestamptz NOT NULL,
  finished_at timestamptz NOT NULL,
  outcome text NOT NULL CHECK (outcome IN ('done','failed','dead','retried-by-admin')),
  error text
);
CREATE INDEX job_attempts_job ON job_attempts (job_id, id);
CREATE TRIGGER job_attempts_append_only BEFORE UPDATE OR DELETE ON job_attempts FOR EACH ROW EXECUTE FUNCTION append_only();

-- Recurring work: one row per schedule; the runner that moves next_run_at forward enqueues it.
CREATE TABLE job_schedules (
  name text PRIMARY KEY,
  every_seconds integer NOT NULL CHECK (every_seconds > 0),
  next_run_at timestamptz NOT NULL
);
