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

    /** Why a breach happened and what was done, as its follow-up recorded it. */
    public record Explanation(BreachCause cause, String causeDetails, String actionTaken, String explainedBy,
            Instant explainedAt) {
    }

    /** How many breaches of a clock had a cause; a null cause counts the breaches not yet explained. */
    public record CauseCount(LegalClock clock, BreachCause cause, long count) {
    }

    /**
     * The breaches whose deadline fell in [start, end), counted by clock and cause (null: not yet explained), in the
     * order of the clocks and causes. The missed check-in is not among them: ICE's search for the person follows it up,
     * not an explanation.
     */
    public List<CauseCount> causesBetween(Instant start, Instant end) {
        return jdbc.sql("""
                SELECT clock, cause, COUNT(*) AS breaches FROM custody_breach
                 WHERE due_at >= :start AND due_at < :end AND clock <> :checkIn
                 GROUP BY clock, cause""")
                .param("start", CustodyCaseRepository.utc(start)).param("end", CustodyCaseRepository.utc(end))
                .param("checkIn", LegalClock.CHECK_IN.name())
                .query((rs, row) -> new CauseCount(LegalClock.valueOf(rs.getString("clock")),
                        rs.getString("cause") == null ? null : BreachCause.valueOf(rs.getString("cause")),
                        rs.getLong("breaches")))
                .list().stream()
                .sorted(java.util.Comparator.comparing(CauseCount::clock).thenComparing(CauseCount::cause,
                        java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder())))
                .toList();
    }

    public java.util.Optional<Explanation> explanationOf(String caseNumber, LegalClock clock) {
        return jdbc.sql("""
                SELECT cause, cause_details, action_taken, explained_by, explained_at FROM custody_breach
                 WHERE case_number = :caseNumber AND clock = :clock AND cause IS NOT NULL""")
                .param("caseNumber", caseNumber).param("clock", clock.name())
                .query((rs, row) -> new Explanation(BreachCause.valueOf(rs.getString("cause")),
                        rs.getString("cause_details"), rs.getString("action_taken"), rs.getString("explained_by"),
                        CustodyCaseRepository.instant(rs, "explained_at")))
                .optional();
    }

    public boolean isExplained(String caseNumber, LegalClock clock) {
        return jdbc.sql("SELECT COUNT(*) FROM custody_breach WHERE case_number = :caseNumber AND clock = :clock"
                        + " AND cause IS NOT NULL")
                .param("caseNumber", caseNumber).param("clock", clock.name())
                .query(Long.class).single() > 0;
    }

    /** Records the cause and the action of a recorded breach not yet explained; true when this call recorded them. */
    public boolean explain(String caseNumber, LegalClock clock, Explanation explanation) {
        return jdbc.sql("""
                UPDATE custody_breach SET cause = :cause, cause_details = :details, action_taken = :action,
                       explained_by = :by, explained_at = :at
                 WHERE case_number = :caseNumber AND clock = :clock AND cause IS NULL""")
                .param("cause", explanation.cause().name()).param("details", explanation.causeDetails())
                .param("action", explanation.actionTaken()).param("by", explanation.explainedBy())
                .param("at", CustodyCaseRepository.utc(explanation.explainedAt()))
                .param("caseNumber", caseNumber).param("clock", clock.name())
                .update() == 1;
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
