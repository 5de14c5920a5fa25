-- Identity matching (src/modules/identity), more blocking passes: a record whose date of birth AND
-- surname are both wrong (a married name and a mistyped date, or a source's bad copy) has neither a
-- surname code nor a date to be found by. It is still found by the given name's Double Metaphone code
-- with the town or the ZIP, and by the house number in the town (closest street first).
CREATE INDEX IF NOT EXISTS people_first_dmetaphone_town ON people (dmetaphone(first_name), lower(town));
CREATE INDEX IF NOT EXISTS people_first_dmetaphone_zip ON people (dmetaphone(first_name), zip);
CREATE INDEX IF NOT EXISTS people_town_house_number ON people (lower(town), split_part(street, ' ', 1));
-- The same birth date with the given name's code, for the full re-screen (bench/matching-rescreen.ts):
-- without it, each record reads every person born that day.
CREATE INDEX IF NOT EXISTS people_birth_date_first_dmetaphone ON people (birth_date, dmetaphone(first_name));
-- Both names' codes in a town or a ZIP, for the full re-screen: a common name's code pair alone is
-- thousands of people.
CREATE INDEX IF NOT EXISTS people_names_dmetaphone_town ON people (dmetaphone(last_name), dmetaphone(first_name), lower(town));
CREATE INDEX IF NOT EXISTS people_names_dmetaphone_zip ON people (dmetaphone(last_name), dmetaphone(first_name), zip);
