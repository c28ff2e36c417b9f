-- The case keeps the sector and station that hold the person: the apprehending ones when recorded. The reports count
-- by them from the case table alone, and a person moved to another station takes the case's scope along.
ALTER TABLE custody_case ADD COLUMN sector VARCHAR(8);
ALTER TABLE custody_case ADD COLUMN station VARCHAR(8);
UPDATE custody_case SET
    sector = (SELECT e.sector FROM apprehension_event e WHERE e.event_number = custody_case.event_number),
    station = (SELECT e.station FROM apprehension_event e WHERE e.event_number = custody_case.event_number);
ALTER TABLE custody_case ALTER COLUMN sector SET NOT NULL;
ALTER TABLE custody_case ALTER COLUMN station SET NOT NULL;

-- Whether the intended address a person was released to is valid: its ZIP code is one of its state's (null: no
-- address). Set with the address; V21 sets it for the addresses recorded before.
ALTER TABLE custody_case ADD COLUMN release_address_valid BOOLEAN;

-- How long CBP held the person, in tenths of an hour (6 minutes, rounded down), kept when custody ends: the report
-- counts people by it without computing it for every case it reads.
ALTER TABLE custody_case ADD COLUMN cbp_custody_tenths INTEGER;
UPDATE custody_case SET cbp_custody_tenths =
    CAST(FLOOR((EXTRACT(EPOCH FROM left_cbp_custody_at) - EXTRACT(EPOCH FROM apprehended_at)) / 360) AS INTEGER)
 WHERE left_cbp_custody_at IS NOT NULL;

-- The report of a period counts the cases apprehended, released, due to check in and leaving CBP custody in it, by
-- group, from these indexes alone (each holds what its count reads). The released and check-in indexes replace the
-- single-column ones of V2.
DROP INDEX ix_custody_case_released;
DROP INDEX ix_custody_case_check_in_due;
CREATE INDEX ix_custody_case_apprehended_report
    ON custody_case (apprehended_at, sector, station, classification, intake_completed_at);
CREATE INDEX ix_custody_case_released_report ON custody_case (released_at, sector, station, release_address_valid);
CREATE INDEX ix_custody_case_check_in_report ON custody_case (check_in_due_by, sector, station, checked_in_at);
CREATE INDEX ix_custody_case_left_report ON custody_case (left_cbp_custody_at, sector, station, cbp_custody_tenths);
