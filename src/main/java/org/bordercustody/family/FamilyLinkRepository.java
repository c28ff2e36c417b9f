package org.bordercustody.family;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class FamilyLinkRepository {

    private final JdbcClient jdbc;

    public FamilyLinkRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(FamilyLink link) {
        jdbc.sql("""
                INSERT INTO family_link (case_number, companion_case_number, relationship, verified)
                VALUES (:caseNumber, :companion, :relationship, :verified)
                """)
                .param("caseNumber", link.caseNumber())
                .param("companion", link.companionCaseNumber())
                .param("relationship", link.relationship().name())
                .param("verified", link.verified())
                .update();
    }

    public List<FamilyLink> findByEvent(String eventNumber) {
        return jdbc.sql("""
                SELECT l.case_number, l.companion_case_number, l.relationship, l.verified
                  FROM family_link l JOIN custody_case c ON c.case_number = l.case_number
                 WHERE c.event_number = :eventNumber
                 ORDER BY l.case_number, l.companion_case_number
                """)
                .param("eventNumber", eventNumber)
                .query((rs, row) -> new FamilyLink(rs.getString("case_number"), rs.getString("companion_case_number"),
                        Relationship.valueOf(rs.getString("relationship")), rs.getBoolean("verified")))
                .list();
    }

    /** Marks every parent or guardian link that involves the case, on either side, as verified. */
    public void verifyParentLinksOf(String caseNumber) {
        jdbc.sql("""
                UPDATE family_link SET verified = TRUE
                 WHERE (case_number = :caseNumber OR companion_case_number = :caseNumber)
                   AND relationship IN ('PARENT', 'LEGAL_GUARDIAN')
                """)
                .param("caseNumber", caseNumber)
                .update();
    }
}
