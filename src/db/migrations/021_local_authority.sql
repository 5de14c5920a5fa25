-- Local issuing authorities (PA 13-3 §§ 57-58; CGS §§ 29-28(b), 29-28a): each town's chief of police, or
-- first selectman or warden where there is no police department, issues the temporary state permit to the
-- permanent residents of its town; DESPP then issues the five-year state permit.

-- Which town a local_authority user acts for (one town per user; a town may have several users).
CREATE TABLE local_authorities (
  user_id uuid PRIMARY KEY REFERENCES users(id),
  town text NOT NULL REFERENCES towns(name),
  office text NOT NULL CHECK (office IN ('chief-of-police','first-selectman','warden')),
  added_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX local_authorities_town ON local_authorities (town);

-- The local stage of a temporary state permit application, by appended actions: the authority's decision
-- (approve issues the temporary permit; deny sends the letter with reasons), the hand-off of an approved
-- application to DESPP for the state permit, and the clock's flags. One action of each kind per application.
CREATE TABLE local_permit_actions (
  id bigserial PRIMARY KEY,
  application_id uuid NOT NULL REFERENCES applications(id),
  town text NOT NULL REFERENCES towns(name),
  action text NOT NULL CHECK (action IN ('approve','deny','forward','flag-local-overdue','flag-state-overdue')),
  on_date date NOT NULL,
  -- The last day the statute allows for the decision this action is about (set on decisions and flags).
  due_on date,
  actor_id uuid REFERENCES users(id),
  reasons text,
  credential_id uuid REFERENCES credentials(id),
  state_application_id uuid REFERENCES applications(id),
  at timestamptz NOT NULL DEFAULT now(),
  CHECK (action <> 'deny' OR (reasons IS NOT NULL AND length(btrim(reasons)) >= 10)),
  CHECK ((action = 'approve') = (credential_id IS NOT NULL)),
  CHECK ((action = 'forward') = (state_application_id IS NOT NULL)),
  CHECK (action NOT IN ('approve','deny','forward') OR actor_id IS NOT NULL),
  CHECK (action NOT LIKE 'flag-%' OR (due_on IS NOT NULL AND on_date > due_on))
);
CREATE UNIQUE INDEX local_permit_actions_once ON local_permit_actions (application_id, action);
CREATE INDEX local_permit_actions_town ON local_permit_actions (town, on_date);
CREATE INDEX local_permit_actions_state_app ON local_permit_actions (state_application_id) WHERE state_application_id IS NOT NULL;
CREATE TRIGGER local_permit_actions_append_only BEFORE UPDATE OR DELETE ON local_permit_actions
  FOR EACH ROW EXECUTE FUNCTION append_only();
