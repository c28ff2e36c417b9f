package org.bordercustody.custody;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * V15 keeps whether ICE took a case into family custody: cases booked in before it are in family custody when their
 * book-in wrote the family custody limit on the timeline, and an adult ICE holds alone (a separated father, say) is
 * not, whatever the family classification and the placement decision said.
 */
class FamilyCustodyMigrationTest {

    @Test
    void casesBookedInBeforeAreInFamilyCustodyWhenTheirBookInGaveAFamilyCustodyLimit() {
        JdbcDataSource database = new JdbcDataSource();
        database.setURL("jdbc:h2:mem:v15-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        migrate(database, "14");
        JdbcClient jdbc = JdbcClient.create(database);
        jdbc.sql("""
                INSERT INTO apprehension_event (event_number, apprehended_at, apprehended_offset, sector, station,
                    request_fingerprint, recorded_at, recorded_by)
                VALUES ('MIG0001', TIMESTAMP WITH TIME ZONE '2026-11-20 10:00:00+00', '-07:00', 'TCA', 'NOG',
                    'x', TIMESTAMP WITH TIME ZONE '2026-11-20 10:05:00+00', 'agent')""").update();
        for (String[] person : new String[][] {{"MIG0001-01", "FAMILY_UNIT_MEMBER", "ICE_FAMILY_RESIDENTIAL_CENTER",
            "Accepted into ICE custody at Dilley, book-in D-1; CBP custody ended; family custody limit 2026-12-12"},
            {"MIG0001-02", "FAMILY_UNIT_MEMBER", "FAMILY_RELEASE_REVIEW",
                "Accepted into ICE custody at Dilley, book-in D-1; CBP custody ended; family custody limit 2026-12-12"},
            {"MIG0001-03", "FAMILY_UNIT_MEMBER", "ICE_FAMILY_RESIDENTIAL_CENTER",
                "Accepted into ICE custody at Eloy, book-in E-1; CBP custody ended"}}) {
            UUID personId = UUID.randomUUID();
            jdbc.sql("INSERT INTO person (person_id, created_at) VALUES (:personId, TIMESTAMP WITH TIME ZONE"
                    + " '2026-11-20 10:05:00+00')").param("personId", personId).update();
            jdbc.sql("""
                    INSERT INTO custody_case (case_number, event_number, person_ref, family_name, given_names, sex,
                        country_of_citizenship, classification, placement, status, apprehended_at, custody_deadline,
                        ice_book_in_at, person_id)
                    VALUES (:caseNumber, 'MIG0001', :caseNumber, 'Castillo', 'Mario', 'M', 'GT', :classification,
                        :placement, 'TRANSFERRED_TO_ICE', TIMESTAMP WITH TIME ZONE '2026-11-20 10:00:00+00',
                        TIMESTAMP WITH TIME ZONE '2026-11-23 10:00:00+00', TIMESTAMP WITH TIME ZONE
                        '2026-11-22 10:00:00+00', :personId)""")
                    .param("caseNumber", person[0]).param("classification", person[1]).param("placement", person[2])
                    .param("personId", personId).update();
            jdbc.sql("""
                    INSERT INTO case_event (case_number, occurred_at, type, description, actor)
                    VALUES (:caseNumber, TIMESTAMP WITH TIME ZONE '2026-11-22 10:00:00+00', 'TRANSFERRED_TO_ICE',
                        :description, 'ice-officer')""")
                    .param("caseNumber", person[0]).param("description", person[3]).update();
        }

        migrate(database, "15");

        assertThat(jdbc.sql("SELECT case_number FROM custody_case WHERE ice_family_custody ORDER BY case_number")
                .query(String.class).list()).containsExactly("MIG0001-01", "MIG0001-02");
    }

    private static void migrate(JdbcDataSource database, String target) {
        Flyway.configure().dataSource(database).locations("classpath:db/migration").target(target).load().migrate();
    }
}
