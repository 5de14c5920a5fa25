-- Sellers: federally licensed dealers and ammunition vendors, their locations and their staff.

CREATE TABLE dealers (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL CHECK (length(name) BETWEEN 2 AND 200),
  kind text NOT NULL CHECK (kind IN ('firearm-dealer','ammunition-vendor')),
  -- Federal firearms licence number, e.g. 6-06-001-01-7A-00001 (ammunition-only vendors may have none).
  ffl_number text UNIQUE CHECK (ffl_number ~ '^[0-9]-[0-9]{2}-[0-9]{3}-[0-9]{2}-[0-9A-Z]{2}-[0-9]{5}$'),
  state_permit_number text UNIQUE,
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('active','suspended','revoked')),
  town text NOT NULL REFERENCES towns(name),
  street text NOT NULL,
  zip text CHECK (zip ~ '^[0-9]{5}$'),
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (kind <> 'firearm-dealer' OR ffl_number IS NOT NULL)
);

CREATE TABLE dealer_locations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  dealer_id uuid NOT NULL REFERENCES dealers(id),
  label text NOT NULL,
  street text NOT NULL,
  town text NOT NULL REFERENCES towns(name),
  zip text CHECK (zip ~ '^[0-9]{5}$'),
  active boolean NOT NULL DEFAULT true
);
CREATE INDEX dealer_locations_dealer ON dealer_locations (dealer_id);

-- Who works for a seller: an owner or manager may add clerks; each has their own login.
CREATE TABLE dealer_staff (
  user_id uuid PRIMARY KEY REFERENCES users(id),
  dealer_id uuid NOT NULL REFERENCES dealers(id),
  position text NOT NULL CHECK (position IN ('owner','manager','clerk')),
  added_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX dealer_staff_dealer ON dealer_staff (dealer_id);

-- Status changes of a seller, appended.
CREATE TABLE dealer_actions (
  id bigserial PRIMARY KEY,
  dealer_id uuid NOT NULL REFERENCES dealers(id),
  action text NOT NULL,
  from_status text,
  to_status text,
  actor_id uuid REFERENCES users(id),
  note text,
  at timestamptz NOT NULL DEFAULT now()
);
