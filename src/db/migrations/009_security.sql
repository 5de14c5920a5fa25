-- Security and privacy (issue 8): sign-in throttling instead of an indefinite lock, API key
-- revocation by whom, and webhook secrets encrypted at rest.

-- Failed sign-ins, counted per name (known or not, so the answer cannot tell them apart) and per
-- client address. `key` is 'name:' + sha256 of the name typed (a mistyped password in the name field
-- is never stored) or 'addr:' + the address. A lock ends by itself at `locked_until`; each further
-- lock lasts twice as long (`locks`), up to a day. A success clears the name's row.
CREATE TABLE login_throttle (
  key text PRIMARY KEY CHECK (key ~ '^(name|addr):' AND length(key) <= 200),
  failures integer NOT NULL DEFAULT 0 CHECK (failures >= 0),
  locks integer NOT NULL DEFAULT 0 CHECK (locks >= 0),
  locked_until timestamptz,
  last_failure_at timestamptz
);

-- Who revoked a key (its owner or an administrator).
ALTER TABLE api_keys ADD COLUMN revoked_by uuid REFERENCES users(id);
ALTER TABLE api_keys ADD CONSTRAINT api_keys_revoked_by CHECK (revoked_by IS NULL OR revoked_at IS NOT NULL);
CREATE INDEX api_keys_user ON api_keys (user_id, created_at);

-- Webhook secrets are stored encrypted (AES-256-GCM under STATELINE_SECRET_KEY):
-- 'v1.' iv '.' tag '.' ciphertext, each base64url. Rows written before this migration hold the plain
-- secret and are not re-checked (NOT VALID); delivery refuses them until the dealer sets the webhook again.
ALTER TABLE dealer_webhooks DROP CONSTRAINT dealer_webhooks_secret_check;
ALTER TABLE dealer_webhooks ADD CONSTRAINT dealer_webhooks_secret_encrypted
  CHECK (secret ~ '^v1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$' AND length(secret) <= 1000) NOT VALID;
