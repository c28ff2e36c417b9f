-- The release decision reads the processing pathway and flight risk given at intake, often days later and after a
-- family's other members finished theirs: the case keeps them, the process no longer does.
ALTER TABLE custody_case ADD COLUMN processing_pathway VARCHAR(40);
ALTER TABLE custody_case ADD COLUMN flight_risk VARCHAR(20);
