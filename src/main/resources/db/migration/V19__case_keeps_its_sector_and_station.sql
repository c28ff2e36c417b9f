-- The case keeps the sector and station that hold the person: the apprehending ones when recorded. The reports count
-- by them from the case table alone, and a person moved to another station takes the case's scope along.
ALTER TABLE custody_case ADD COLUMN sector VARCHAR(8);
ALTER TABLE custody_case ADD COLUMN station VARCHAR(8);
UPDATE custody_case SET
    sector = (SELECT e.sector FROM apprehension_event e WHERE e.event_number = custody_case.event_number),
    station = (SELECT e.station FROM apprehension_event e WHERE e.event_number = custody_case.event_number);
ALTER TABLE custody_case ALTER COLUMN sector SET NOT NULL;
ALTER TABLE custody_case ALTER COLUMN station SET NOT NULL;

-- The report of a period reads the cases apprehended, released and leaving CBP custody in it by these instants.
CREATE INDEX ix_custody_case_apprehended_at ON custody_case (apprehended_at);
CREATE INDEX ix_custody_case_left_cbp_custody ON custody_case (left_cbp_custody_at);
