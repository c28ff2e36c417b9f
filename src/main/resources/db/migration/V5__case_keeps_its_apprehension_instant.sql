-- The case keeps its apprehension instant beside its deadline, so that counting the people held by hours reads one
-- index of the case table instead of joining every case in custody to its event.
ALTER TABLE custody_case ADD COLUMN apprehended_at TIMESTAMP WITH TIME ZONE;
UPDATE custody_case SET apprehended_at =
    (SELECT e.apprehended_at FROM apprehension_event e WHERE e.event_number = custody_case.event_number);
ALTER TABLE custody_case ALTER COLUMN apprehended_at SET NOT NULL;
CREATE INDEX ix_custody_case_held ON custody_case (status, apprehended_at, custody_deadline, classification);
