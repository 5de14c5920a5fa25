-- Identity matching (src/modules/identity): blocking in the database over every person Stateline
-- knows. Candidates come from a surname's Double Metaphone code with the birth date (a typo in the
-- surname, a year off), from the birth date alone (any name), and from trigram similarity of the
-- whole name (a wrong date of birth). Name frequencies (term frequencies) use the name indexes.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS fuzzystrmatch;

CREATE INDEX IF NOT EXISTS people_last_dmetaphone_dob ON people (dmetaphone(last_name), birth_date);
CREATE INDEX IF NOT EXISTS people_birth_date ON people (birth_date);
CREATE INDEX IF NOT EXISTS people_first_name_lower ON people (lower(first_name));
CREATE INDEX IF NOT EXISTS people_full_name_trgm ON people USING gin ((lower(first_name || ' ' || last_name)) gin_trgm_ops);
