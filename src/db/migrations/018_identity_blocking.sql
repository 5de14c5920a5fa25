-- Identity matching (src/modules/identity), more blocking passes: a record whose date of birth AND
-- surname are both wrong (a married name and a mistyped date, or a source's bad copy) has neither a
-- surname code nor a date to be found by. It is still found by the given name's Double Metaphone code
-- with the town or the ZIP, and by the house number in the town (closest street first).
CREATE INDEX IF NOT EXISTS people_first_dmetaphone_town ON people (dmetaphone(first_name), lower(town));
CREATE INDEX IF NOT EXISTS people_first_dmetaphone_zip ON people (dmetaphone(first_name), zip);
CREATE INDEX IF NOT EXISTS people_town_house_number ON people (lower(town), split_part(street, ' ', 1));
