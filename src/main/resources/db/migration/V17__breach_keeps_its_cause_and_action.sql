-- Why a legal clock's deadline was missed (a code of BreachCause, with the supervisor's words) and what was done,
-- recorded once by the breach's follow-up; a breach without a cause is not yet explained.
ALTER TABLE custody_breach ADD COLUMN cause VARCHAR(40);
ALTER TABLE custody_breach ADD COLUMN cause_details VARCHAR(1000);
ALTER TABLE custody_breach ADD COLUMN action_taken VARCHAR(1000);
ALTER TABLE custody_breach ADD COLUMN explained_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE custody_breach ADD COLUMN explained_by VARCHAR(64);
