-- What happened when the person left CBP custody, and the 60-day check-in that follows a release.
ALTER TABLE custody_case ADD COLUMN custody_outcome VARCHAR(40);
ALTER TABLE custody_case ADD COLUMN released_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE custody_case ADD COLUMN release_documents VARCHAR(60);
ALTER TABLE custody_case ADD COLUMN check_in_due_by TIMESTAMP WITH TIME ZONE;
ALTER TABLE custody_case ADD COLUMN checked_in_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE custody_case ADD COLUMN check_in_office VARCHAR(100);
ALTER TABLE custody_case ADD COLUMN ice_book_in_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE custody_case ADD COLUMN removed_at TIMESTAMP WITH TIME ZONE;
CREATE INDEX ix_custody_case_released ON custody_case (released_at);
CREATE INDEX ix_custody_case_check_in_due ON custody_case (check_in_due_by);
CREATE INDEX ix_apprehension_event_at ON apprehension_event (apprehended_at);
CREATE INDEX ix_custody_breach_due ON custody_breach (due_at);

-- The intended U.S. address a person is released to; members of a family released together share it.
CREATE TABLE release_address (
    case_number   VARCHAR(40)              NOT NULL PRIMARY KEY REFERENCES custody_case (case_number),
    street        VARCHAR(100)             NOT NULL,
    unit          VARCHAR(20),
    city          VARCHAR(60)              NOT NULL,
    state         VARCHAR(2)               NOT NULL,
    zip           VARCHAR(10)              NOT NULL,
    building_type VARCHAR(20)              NOT NULL,
    contact_phone VARCHAR(20),
    address_key   VARCHAR(200)             NOT NULL,
    recorded_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_release_address_key ON release_address (address_key);

-- The release-or-transfer outcome replaces the earlier free-form decision.
ALTER TABLE custody_case DROP COLUMN custody_decision;
ALTER TABLE custody_case DROP COLUMN custody_decision_reason;
