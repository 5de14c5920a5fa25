-- Identity matching (src/modules/identity): blocking in the database over every person Stateline
-- knows. Candidates come from a surname's Double Metaphone code with the birth date (a typo in the
-- surname, a year off), from the birth date alone (any name), and from both names' Double Metaphone
-- codes (a wrong date of birth); pg_trgm's similarity keeps the closest names where a rule finds too
-- many. Name frequencies (term frequencies) come from the name indexes' statistics.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS fuzzystrmatch;

CREATE INDEX IF NOT EXISTS people_last_dmetaphone_dob ON people (dmetaphone(last_name), birth_date);
CREATE INDEX IF NOT EXISTS people_birth_date ON people (birth_date);
CREATE INDEX IF NOT EXISTS people_first_name_lower ON people (lower(first_name));
CREATE INDEX IF NOT EXISTS people_names_dmetaphone ON people (dmetaphone(last_name), dmetaphone(first_name));
