package org.bordercustody.custody;

import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class BreachRepository {

    private final JdbcClient jdbc;

    public BreachRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records the breach unless it is already recorded; true when this call recorded it. */
    public boolean recordOnce(String caseNumber, LegalClock clock, Instant dueAt, Instant recordedAt) {
        boolean recorded = jdbc.sql("SELECT COUNT(*) FROM custody_breach WHERE case_number = :caseNumber AND clock = :clock")
                .param("caseNumber", caseNumber).param("clock", clock.name())
                .query(Long.class).single() > 0;
        if (recorded) {
            return false;
        }
        jdbc.sql("""
                INSERT INTO custody_breach (case_number, clock, due_at, recorded_at)
                VALUES (:caseNumber, :clock, :dueAt, :recordedAt)
                """)
                .param("caseNumber", caseNumber).param("clock", clock.name())
                .param("dueAt", CustodyCaseRepository.utc(dueAt))
                .param("recordedAt", CustodyCaseRepository.utc(recordedAt))
                .update();
        return true;
    }

}
