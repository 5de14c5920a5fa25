-- What an applicant uploads with a credential application, and what licensing staff confirm before
-- issuing it, each as its own record (issue 9: "Staff confirm the course and suitability items
-- explicitly, not in a free-text note"). Both are history: appended, never changed.

-- The safety course certificate (CGS §§ 29-28(b), 29-36f, 29-37p require a firearms safety course for
-- permits and handgun and long gun eligibility certificates). Kept in the database like thumbprints.
CREATE TABLE application_documents (
  id bigserial PRIMARY KEY,
  application_id uuid NOT NULL REFERENCES applications(id),
  kind text NOT NULL CHECK (kind IN ('safety-course-certificate')),
  filename text NOT NULL CHECK (length(filename) BETWEEN 1 AND 200),
  content_type text NOT NULL CHECK (content_type IN ('application/pdf','image/png','image/jpeg')),
  bytes bytea NOT NULL CHECK (octet_length(bytes) BETWEEN 1 AND 5242880),
  sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  uploaded_by uuid NOT NULL REFERENCES users(id),
  uploaded_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX application_documents_application ON application_documents (application_id);
CREATE TRIGGER application_documents_append_only BEFORE UPDATE OR DELETE ON application_documents
  FOR EACH ROW EXECUTE FUNCTION append_only();

-- The items a person must confirm because the rulebook cannot: the safety course, and for permits the
-- "suitable person" finding (CGS § 29-28(b)). The latest row per (application, item) is the answer.
CREATE TABLE application_confirmations (
  id bigserial PRIMARY KEY,
  application_id uuid NOT NULL REFERENCES applications(id),
  item text NOT NULL CHECK (item IN ('safety-course','suitability')),
  confirmed boolean NOT NULL,
  basis text NOT NULL CHECK (length(btrim(basis)) BETWEEN 3 AND 500),
  confirmed_by uuid NOT NULL REFERENCES users(id),
  confirmed_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX application_confirmations_application ON application_confirmations (application_id, item, id);
CREATE TRIGGER application_confirmations_append_only BEFORE UPDATE OR DELETE ON application_confirmations
  FOR EACH ROW EXECUTE FUNCTION append_only();
