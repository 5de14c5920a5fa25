-- Issue 9 and 11, three pieces at the point of sale:
-- 1. a lead when the same firearm serial number (and make) is authorized twice within minutes
--    (leads.detector gains 'duplicate-serial');
-- 2. the review of ammunition checks that need review: staff authorize, deny with a reason, or send
--    back to the seller naming the kinds of entry to re-check; the seller corrects (appended actions);
-- 3. magazines at the ammunition counter carry their capacity, and a check records the buyer's
--    § 23 exemption as the seller saw it.

ALTER TABLE leads DROP CONSTRAINT leads_detector_check;
ALTER TABLE leads ADD CONSTRAINT leads_detector_check CHECK (detector IN ('volume-personal','volume-population','many-vendors','near-prohibiting-event','multiple-handguns','repeated-denials','duplicate-serial'));

-- The review of an ammunition check, appended. A check's own row never changes (ammunition_checks is
-- append-only); its outcome after review is the one the latest 'authorize' or 'deny' action gives.
CREATE TABLE ammunition_check_actions (
  id bigserial PRIMARY KEY,
  check_id uuid NOT NULL REFERENCES ammunition_checks(id),
  action text NOT NULL CHECK (action IN ('review-authorize','review-deny','review-return','correct')),
  actor_id uuid NOT NULL REFERENCES users(id),
  -- staff's note (how identity was confirmed), the reason for a denial, or the note the seller reads
  note text CHECK (length(note) <= 1000),
  -- the credential staff confirmed the buyer holds (authorize only)
  person_id uuid REFERENCES people(id),
  credential_id uuid REFERENCES credentials(id),
  -- the kinds of entry to re-check (return), or the entries the seller changed (correct)
  recheck text[] NOT NULL DEFAULT '{}' CHECK (recheck <@ ARRAY['name','dateOfBirth','credentialNumber']::text[]),
  -- authorize: the law and limit decided again on the confirmed holder's records, and their answer
  decision_id uuid REFERENCES decisions(id),
  limit_decision_id uuid REFERENCES decisions(id),
  outcome text CHECK (outcome IN ('approved','refused')),
  basis text CHECK (basis IN ('gun-credential','ammunition-certificate')),
  -- the day an approval after review allows the sale (the day of the review)
  valid_on date,
  -- correct: the new check run with the corrected entries
  new_check_id uuid REFERENCES ammunition_checks(id),
  at timestamptz NOT NULL DEFAULT now(),
  CHECK ((action = 'review-authorize') = (credential_id IS NOT NULL AND person_id IS NOT NULL AND outcome IS NOT NULL AND decision_id IS NOT NULL)),
  CHECK (outcome <> 'approved' OR valid_on IS NOT NULL),
  CHECK (action NOT IN ('review-authorize','review-deny') OR length(note) >= 10),
  CHECK (action NOT IN ('review-return','correct') OR cardinality(recheck) >= 1),
  CHECK ((action = 'correct') = (new_check_id IS NOT NULL))
);
CREATE INDEX ammunition_check_actions_check ON ammunition_check_actions (check_id, id);
CREATE TRIGGER ammunition_check_actions_append_only BEFORE UPDATE OR DELETE ON ammunition_check_actions FOR EACH ROW EXECUTE FUNCTION append_only();

-- A magazine line's capacity (rounds it can hold); null for ammunition lines and for older rows.
ALTER TABLE ammunition_sale_lines ADD COLUMN capacity integer CHECK (capacity BETWEEN 1 AND 1000);
ALTER TABLE ammunition_sale_lines ADD CONSTRAINT ammunition_sale_lines_capacity_magazine CHECK (capacity IS NULL OR type = 'magazine');
-- The § 23 exemption the buyer showed (null: none claimed).
ALTER TABLE ammunition_checks ADD COLUMN buyer_exemption text CHECK (buyer_exemption IN ('despp-member-or-employee','police-member-or-employee','doc-member-or-employee','armed-forces-member','nuclear-plant-security','in-state-lcm-manufacturer'));
-- The findings about the items themselves (magazines under § 23, bullets under § 32), beside the record match.
ALTER TABLE ammunition_checks ADD COLUMN item_findings jsonb NOT NULL DEFAULT '[]'::jsonb CHECK (jsonb_typeof(item_findings) = 'array');
