-- Point of sale (firearms): sale authorizations, their NICS checks, appended actions, the receipt or
-- transfer form, the copies sent to the state and the local police, and signed webhooks to dealers.

CREATE SEQUENCE sale_number_seq START 1000001;
CREATE SEQUENCE sale_authorization_seq START 100001;
CREATE SEQUENCE stateline_nics_reference_seq START 1;

CREATE TABLE sales (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  number text NOT NULL UNIQUE,
  kind text NOT NULL CHECK (kind IN ('retail-long-gun','retail-handgun','private-long-gun-via-dealer','private-handgun-via-dealer',
                                     'private-long-gun-via-state','private-handgun-via-state')),
  firearm_class text NOT NULL CHECK (firearm_class IN ('long-gun','handgun')),
  -- the route the law applies: long guns retail / private-dealer-nics / private-despp; handguns retail / private
  route text NOT NULL CHECK (route IN ('retail','private-dealer-nics','private-despp','private')),
  channel text NOT NULL CHECK (channel IN ('dealer','state')),
  dealer_id uuid REFERENCES dealers(id),
  status text NOT NULL CHECK (status IN ('delayed','authorized','proceeded','denied','denied-after-transfer','cancelled')),
  delay_reason text CHECK (delay_reason IN ('nics-delayed','nics-unavailable','needs-review','waiting-period')),
  sale_on date NOT NULL,
  -- the buyer as the dealer recorded them from the identification shown
  buyer_person_id uuid REFERENCES people(id),
  buyer_credential_id uuid REFERENCES credentials(id),
  buyer_credential_number text NOT NULL,
  buyer_first_name text NOT NULL CHECK (length(buyer_first_name) BETWEEN 1 AND 100),
  buyer_middle_name text CHECK (length(buyer_middle_name) <= 100),
  buyer_last_name text NOT NULL CHECK (length(buyer_last_name) BETWEEN 1 AND 100),
  buyer_birth_on date NOT NULL,
  buyer_birth_place text NOT NULL CHECK (length(buyer_birth_place) BETWEEN 1 AND 200),
  buyer_street text NOT NULL,
  buyer_town text NOT NULL,
  buyer_state text NOT NULL CHECK (buyer_state ~ '^[A-Z]{2}$'),
  buyer_zip text CHECK (buyer_zip ~ '^[0-9]{5}$'),
  buyer_sex text CHECK (buyer_sex IN ('M','F','X','U')),
  buyer_race text CHECK (buyer_race IN ('A','B','I','U','W')),
  -- a federal marshal, parole officer or peace officer needs no credential; 'none' when not claimed
  buyer_officer text NOT NULL DEFAULT 'none' CHECK (buyer_officer IN ('federal-marshal','parole-officer','peace-officer','none')),
  buyer_id_type text NOT NULL CHECK (buyer_id_type IN ('drivers-license','state-id','passport','military-id')),
  buyer_id_number text NOT NULL,
  buyer_id_issuer text NOT NULL,
  -- the private seller (transferor), for private sales only
  seller_name text,
  seller_street text,
  seller_town text,
  seller_state text CHECK (seller_state ~ '^[A-Z]{2}$'),
  seller_zip text CHECK (seller_zip ~ '^[0-9]{5}$'),
  seller_credential_number text,
  -- the firearm, in NCIC gun data codes
  firearm_make text NOT NULL,
  firearm_model text NOT NULL,
  firearm_serial_number text NOT NULL,
  firearm_caliber text NOT NULL,
  firearm_type text NOT NULL,
  firearm_description text,
  firearm_semiautomatic boolean,
  firearm_centerfire boolean,
  firearm_magazine_over_five boolean,
  firearm_antique boolean,
  -- the state's answer
  latest_decision_id uuid REFERENCES decisions(id),
  authorization_number text UNIQUE,
  authorized_on date,
  -- the federal three-business-day rule: the wait ends at the end of proceed_after; transfer from may_proceed_on
  proceed_after date,
  may_proceed_on date,
  cancelled_on date,
  requested_by uuid REFERENCES users(id),
  requested_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((channel = 'dealer') = (dealer_id IS NOT NULL)),
  CHECK ((channel = 'state') = (kind LIKE '%-via-state')),
  CHECK ((status = 'delayed') = (delay_reason IS NOT NULL)),
  CHECK (status NOT IN ('authorized','proceeded','denied-after-transfer') OR authorization_number IS NOT NULL),
  CHECK ((authorization_number IS NULL) = (authorized_on IS NULL)),
  CHECK ((status = 'cancelled') = (cancelled_on IS NOT NULL)),
  CHECK ((proceed_after IS NULL) = (may_proceed_on IS NULL) AND (may_proceed_on IS NULL OR may_proceed_on > proceed_after)),
  CHECK ((kind LIKE 'private-%') = (seller_name IS NOT NULL AND seller_street IS NOT NULL AND seller_town IS NOT NULL AND seller_state IS NOT NULL)),
  CHECK ((firearm_class = 'handgun') = (kind LIKE '%handgun%'))
);
CREATE INDEX sales_dealer ON sales (dealer_id, sale_on DESC);
CREATE INDEX sales_status ON sales (status, sale_on);
CREATE INDEX sales_serial ON sales (upper(firearm_serial_number));
CREATE INDEX sales_buyer ON sales (buyer_person_id);

-- The NICS check of a sale: one per sale. While NICS is down the check waits here (queued) under a
-- Stateline reference and is submitted again when NICS returns. The identifying request and the
-- response details of a Proceed are purged after 24 hours; the number and dates stay.
CREATE TABLE sale_nics_checks (
  sale_id uuid PRIMARY KEY REFERENCES sales(id),
  purpose text NOT NULL CHECK (purpose IN ('retail-sale','private-sale')),
  transaction_type text NOT NULL,
  stateline_reference text UNIQUE,
  transaction_number text UNIQUE,
  status text NOT NULL CHECK (status IN ('queued','delayed','proceed','denied','cancelled','skipped')),
  initiated_on date NOT NULL,
  request jsonb,
  response jsonb,
  responded_at timestamptz,
  attempts integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  next_attempt_at timestamptz,
  last_error text,
  purged_at timestamptz,
  CHECK (status NOT IN ('delayed','proceed','denied') OR transaction_number IS NOT NULL),
  CHECK (transaction_number IS NOT NULL OR stateline_reference IS NOT NULL OR status = 'skipped'),
  CHECK (purged_at IS NULL OR (request IS NULL AND response IS NULL))
);
CREATE INDEX sale_nics_checks_due ON sale_nics_checks (next_attempt_at) WHERE status IN ('queued','delayed');
CREATE INDEX sale_nics_checks_purge ON sale_nics_checks (responded_at) WHERE status = 'proceed' AND purged_at IS NULL;

-- Every change of a sale, appended.
CREATE TABLE sale_actions (
  id bigserial PRIMARY KEY,
  sale_id uuid NOT NULL REFERENCES sales(id),
  action text NOT NULL,
  from_status text,
  to_status text NOT NULL,
  actor_id uuid REFERENCES users(id),
  decision_id uuid REFERENCES decisions(id),
  note text,
  details jsonb NOT NULL DEFAULT '{}'::jsonb,
  at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX sale_actions_sale ON sale_actions (sale_id, id);

-- The receipt (retail, DESPP route) or DESPP transfer form (private sale through a dealer's check):
-- every field the law names, written when the transfer may take place.
CREATE TABLE sale_records (
  sale_id uuid PRIMARY KEY REFERENCES sales(id),
  form text NOT NULL CHECK (form IN ('long-gun-receipt','private-transfer-form','handgun-transfer-record')),
  required_fields text[] NOT NULL,
  fields jsonb NOT NULL CHECK (jsonb_typeof(fields) = 'object'),
  completed_on date NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- Copies of the record sent to the state (DESPP) and to the police of the buyer's town.
CREATE TABLE sale_reports (
  id bigserial PRIMARY KEY,
  sale_id uuid NOT NULL REFERENCES sales(id),
  recipient text NOT NULL CHECK (recipient IN ('state','local-police')),
  recipient_name text NOT NULL,
  town text,
  reason text NOT NULL DEFAULT 'transfer',
  payload jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  sent_at timestamptz,
  UNIQUE (sale_id, recipient, reason)
);

-- A dealer's webhook endpoint and its signing secret.
CREATE TABLE dealer_webhooks (
  dealer_id uuid PRIMARY KEY REFERENCES dealers(id),
  url text NOT NULL CHECK (url ~ '^https?://' AND length(url) <= 2000),
  secret text NOT NULL CHECK (length(secret) BETWEEN 24 AND 200),
  active boolean NOT NULL DEFAULT true,
  updated_by uuid REFERENCES users(id),
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- Webhook deliveries: an outbox written in the same transaction as the change it reports, sent by a
-- worker with retries and exponential backoff. The body is kept exactly as signed.
CREATE TABLE webhook_deliveries (
  id bigserial PRIMARY KEY,
  event_id uuid NOT NULL UNIQUE DEFAULT gen_random_uuid(),
  dealer_id uuid NOT NULL REFERENCES dealers(id),
  sale_id uuid REFERENCES sales(id),
  event text NOT NULL,
  body text NOT NULL,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending','delivered','failed')),
  attempts integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  next_attempt_at timestamptz NOT NULL DEFAULT now(),
  last_attempt_at timestamptz,
  last_status_code integer,
  last_error text,
  delivered_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((status = 'delivered') = (delivered_at IS NOT NULL))
);
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_attempt_at) WHERE status = 'pending';
