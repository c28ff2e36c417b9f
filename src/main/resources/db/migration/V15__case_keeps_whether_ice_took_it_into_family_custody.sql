-- Whether ICE booked the case into family custody, under the Flores limit: a family with its children. The
-- placement decision only proposes where a family goes, and an adult separated from the children keeps the family
-- classification but goes to ICE alone; this is the one fact every count of ICE family custody reads.
ALTER TABLE custody_case ADD COLUMN ice_family_custody BOOLEAN NOT NULL DEFAULT FALSE;

-- Cases booked in before: the book-in into family custody wrote the family custody limit on the timeline.
UPDATE custody_case SET ice_family_custody = TRUE
 WHERE ice_book_in_at IS NOT NULL
   AND EXISTS (SELECT 1 FROM case_event e
                WHERE e.case_number = custody_case.case_number AND e.type = 'TRANSFERRED_TO_ICE'
                  AND e.description LIKE '%family custody limit%');

-- The meters count family custody at every snapshot: the few cases ever booked into it, not the whole table.
CREATE INDEX ix_custody_case_ice_family_custody ON custody_case (ice_family_custody, ice_book_in_at);
