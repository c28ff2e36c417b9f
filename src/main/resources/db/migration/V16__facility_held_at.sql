-- The facility (a code of the reference list) a person went to when CBP custody ended: the ICE facility of the
-- book-in or the ORR care provider. Null while in CBP custody (the station holds the person), after a release or a
-- removal, and for cases that left CBP custody before it was recorded.
ALTER TABLE custody_case ADD COLUMN held_at_facility VARCHAR(40);
