package org.bordercustody.custody;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class BreachRepository {

    /**
     * A recorded breach of a clock stays standing ("past the limit") while this holds for its case (c: the case;
     * the CBP holding limit and the check-in are read from the case table itself).
     */
    public static final Map<String, String> STILL_PAST = Map.of(
            LegalClock.HHS_NOTIFICATION.name(), "EXISTS (" + openTask("Task_NotifyHhsOfChild") + ")",
            LegalClock.CONTIGUOUS_COUNTRY_SCREENING.name(), "EXISTS (" + openTask("Task_ScreenContiguousCountryChild") + ")",
            LegalClock.ORR_TRANSFER.name(), "c.status = 'IN_CBP_CUSTODY'",
            LegalClock.FLORES_FAMILY_CUSTODY.name(), "c.status = 'TRANSFERRED_TO_ICE' AND c.ice_family_custody");

    /** A breach still standing: the case, its clock and when it ran out. */
    public record StandingBreach(String caseNumber, LegalClock clock, Instant dueAt) {
    }

    private final JdbcClient jdbc;

    public BreachRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<StandingBreach> standing() {
        List<StandingBreach> standing = new ArrayList<>();
        STILL_PAST.forEach((clock, condition) -> standing.addAll(jdbc.sql(
                        "SELECT b.case_number, b.due_at FROM custody_breach b JOIN custody_case c"
                                + " ON c.case_number = b.case_number WHERE b.clock = :clock AND " + condition)
                .param("clock", clock)
                .query((rs, row) -> new StandingBreach(rs.getString("case_number"), LegalClock.valueOf(clock),
                        CustodyCaseRepository.instant(rs, "due_at")))
                .list()));
        return standing;
    }

    /** Those of the cases whose 60-day check-in was missed (recorded once its deadline passed, whatever came later). */
    public java.util.Set<String> missedCheckIns(java.util.Collection<String> caseNumbers) {
        if (caseNumbers.isEmpty()) {
            return java.util.Set.of();
        }
        return java.util.Set.copyOf(jdbc.sql("SELECT case_number FROM custody_breach WHERE clock = :clock"
                        + " AND case_number IN (:cases)")
                .param("clock", LegalClock.CHECK_IN.name()).param("cases", List.copyOf(caseNumbers))
                .query(String.class).list());
    }

    private static String openTask(String taskDefinitionKey) {
        return "SELECT 1 FROM ACT_RU_TASK t JOIN ACT_RU_EXECUTION p ON p.ID_ = t.PROC_INST_ID_"
                + " WHERE p.BUSINESS_KEY_ = c.case_number AND t.TASK_DEF_KEY_ = '" + taskDefinitionKey + "'";
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
