-- A partner's own id names one thing: ORR's referral id one child's referral, ICE's book-in number one person's
-- book-in. The same id for a second case is refused (409) by the use case, and by these keys whatever the race.
CREATE UNIQUE INDEX ux_hhs_referral_acknowledgement_referral ON hhs_referral_acknowledgement (referral_id);
CREATE UNIQUE INDEX ux_ice_book_in_number ON ice_book_in (book_in_number);
