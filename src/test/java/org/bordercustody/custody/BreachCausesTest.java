package org.bordercustody.custody;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The breaches of a period counted by clock and cause, for the reports: each explained breach under its cause, the
 * others as not yet explained, a deadline outside the period and the missed check-in (which ICE's search follows up)
 * not at all. An explanation is recorded once.
 */
class BreachCausesTest {

    static final Instant START = Instant.parse("2026-11-01T00:00:00Z");
    static final Instant END = Instant.parse("2026-12-01T00:00:00Z");

    JdbcClient jdbc;
    BreachRepository breaches;

    @BeforeEach
    void databaseWithThreeCases() {
        JdbcDataSource database = new JdbcDataSource();
        database.setURL("jdbc:h2:mem:breach-causes-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(database).locations("classpath:db/migration").load().migrate();
        jdbc = JdbcClient.create(database);
        breaches = new BreachRepository(jdbc);
        jdbc.sql("""
                INSERT INTO apprehension_event (event_number, apprehended_at, apprehended_offset, sector, station,
                    request_fingerprint, recorded_at, recorded_by)
                VALUES ('CAU0001', TIMESTAMP WITH TIME ZONE '2026-11-20 10:00:00+00', '-07:00', 'TCA', 'NOG',
                    'x', TIMESTAMP WITH TIME ZONE '2026-11-20 10:05:00+00', 'agent')""").update();
        for (String caseNumber : new String[] {"CAU0001-01", "CAU0001-02", "CAU0001-03"}) {
            UUID personId = UUID.randomUUID();
            jdbc.sql("INSERT INTO person (person_id, created_at) VALUES (:personId, TIMESTAMP WITH TIME ZONE"
                    + " '2026-11-20 10:05:00+00')").param("personId", personId).update();
            jdbc.sql("""
                    INSERT INTO custody_case (case_number, event_number, person_ref, family_name, given_names, sex,
                        country_of_citizenship, classification, status, apprehended_at, custody_deadline, person_id,
                        sector, station)
                    VALUES (:caseNumber, 'CAU0001', :caseNumber, 'Castillo', 'Mario', 'M', 'GT', 'SINGLE_ADULT',
                        'RELEASED_AWAITING_CHECK_IN', TIMESTAMP WITH TIME ZONE '2026-11-20 10:00:00+00',
                        TIMESTAMP WITH TIME ZONE '2026-11-23 10:00:00+00', :personId, 'TCA', 'NOG')""")
                    .param("caseNumber", caseNumber).param("personId", personId).update();
        }
    }

    @Test
    void breachesOfAPeriodAreCountedByClockAndCauseWithTheUnexplainedApart() {
        Instant inPeriod = Instant.parse("2026-11-23T10:00:00Z");
        for (String caseNumber : new String[] {"CAU0001-01", "CAU0001-02", "CAU0001-03"}) {
            breaches.recordOnce(caseNumber, LegalClock.CBP_HOLDING_LIMIT, inPeriod, inPeriod);
        }
        breaches.recordOnce("CAU0001-01", LegalClock.HHS_NOTIFICATION, END, END);
        breaches.recordOnce("CAU0001-01", LegalClock.CHECK_IN, inPeriod, inPeriod);
        breaches.recordOnce("CAU0001-02", LegalClock.ORR_TRANSFER, START, START);
        explain("CAU0001-01", LegalClock.CBP_HOLDING_LIMIT, BreachCause.TRANSPORT_NOT_AVAILABLE);
        explain("CAU0001-02", LegalClock.CBP_HOLDING_LIMIT, BreachCause.TRANSPORT_NOT_AVAILABLE);
        explain("CAU0001-01", LegalClock.HHS_NOTIFICATION, BreachCause.PROCESSING_BACKLOG);

        assertThat(breaches.causesBetween(START, END)).containsExactly(
                new BreachRepository.CauseCount(LegalClock.CBP_HOLDING_LIMIT, BreachCause.TRANSPORT_NOT_AVAILABLE, 2),
                new BreachRepository.CauseCount(LegalClock.CBP_HOLDING_LIMIT, null, 1),
                new BreachRepository.CauseCount(LegalClock.ORR_TRANSFER, null, 1));
    }

    @Test
    void aBreachIsExplainedOnceAndItsExplanationReadBack() {
        Instant dueAt = Instant.parse("2026-11-23T10:00:00Z");
        breaches.recordOnce("CAU0001-01", LegalClock.CBP_HOLDING_LIMIT, dueAt, dueAt);
        var first = new BreachRepository.Explanation(BreachCause.OTHER, "road closed", "bus rerouted", "supervisor",
                dueAt.plusSeconds(3600));

        assertThat(breaches.isExplained("CAU0001-01", LegalClock.CBP_HOLDING_LIMIT)).isFalse();
        assertThat(breaches.explain("CAU0001-01", LegalClock.CBP_HOLDING_LIMIT, first)).isTrue();
        assertThat(breaches.explain("CAU0001-01", LegalClock.CBP_HOLDING_LIMIT, new BreachRepository.Explanation(
                BreachCause.MEDICAL_CARE, null, "another", "supervisor", dueAt.plusSeconds(7200)))).isFalse();

        assertThat(breaches.isExplained("CAU0001-01", LegalClock.CBP_HOLDING_LIMIT)).isTrue();
        assertThat(breaches.explanationOf("CAU0001-01", LegalClock.CBP_HOLDING_LIMIT)).contains(first);
        assertThat(breaches.explanationOf("CAU0001-02", LegalClock.CBP_HOLDING_LIMIT)).isEmpty();
    }

    private void explain(String caseNumber, LegalClock clock, BreachCause cause) {
        assertThat(breaches.explain(caseNumber, clock, new BreachRepository.Explanation(cause, null, "done",
                "supervisor", END))).isTrue();
    }
}
