-- The supervisor decides on the release eligibility decision's proposal, often hours after it was made: the case
-- keeps the proposal, the process no longer does.
ALTER TABLE custody_case ADD COLUMN proposed_outcome VARCHAR(40);
ALTER TABLE custody_case ADD COLUMN proposal_reason VARCHAR(1000);
