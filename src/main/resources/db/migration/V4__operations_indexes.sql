-- The operations meters read the people who left CBP custody in the last day.
CREATE INDEX ix_custody_case_left_cbp ON custody_case (left_cbp_custody_at);
