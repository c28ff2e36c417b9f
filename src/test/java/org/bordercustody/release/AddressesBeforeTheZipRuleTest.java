package org.bordercustody.release;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * V19 gives each case the sector and station of its apprehension; V21 checks once every address recorded before a
 * ZIP code had to be of its state: Dallas, TX 99999 (an Alaska prefix) is not valid, Dallas, TX 75201 is.
 */
class AddressesBeforeTheZipRuleTest {

    @Test
    void anAddressRecordedBeforeTheRuleIsValidOnlyIfItsZipIsOfItsStateAndTheCaseKnowsItsStation() {
        JdbcDataSource database = new JdbcDataSource();
        database.setURL("jdbc:h2:mem:v21-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        migrate(database, "16");
        JdbcClient jdbc = JdbcClient.create(database);
        jdbc.sql("""
                INSERT INTO apprehension_event (event_number, apprehended_at, apprehended_offset, sector, station,
                    request_fingerprint, recorded_at, recorded_by)
                VALUES ('ZIP0001', TIMESTAMP WITH TIME ZONE '2026-11-20 10:00:00+00', '-06:00', 'RGV', 'MCA',
                    'x', TIMESTAMP WITH TIME ZONE '2026-11-20 10:05:00+00', 'agent')""").update();
        for (String[] person : new String[][] {{"ZIP0001-01", "99999"}, {"ZIP0001-02", "75201"}}) {
            UUID personId = UUID.randomUUID();
            jdbc.sql("INSERT INTO person (person_id, created_at) VALUES (:personId, TIMESTAMP WITH TIME ZONE"
                    + " '2026-11-20 10:05:00+00')").param("personId", personId).update();
            jdbc.sql("""
                    INSERT INTO custody_case (case_number, event_number, person_ref, family_name, given_names, sex,
                        country_of_citizenship, classification, status, apprehended_at, custody_deadline, released_at,
                        person_id)
                    VALUES (:caseNumber, 'ZIP0001', :caseNumber, 'Salinas', 'Rosa', 'F', 'HN', 'SINGLE_ADULT',
                        'RELEASED_AWAITING_CHECK_IN', TIMESTAMP WITH TIME ZONE '2026-11-20 10:00:00+00',
                        TIMESTAMP WITH TIME ZONE '2026-11-23 10:00:00+00', TIMESTAMP WITH TIME ZONE
                        '2026-11-21 10:00:00+00', :personId)""")
                    .param("caseNumber", person[0]).param("personId", personId).update();
            jdbc.sql("""
                    INSERT INTO release_address (case_number, street, city, state, zip, building_type, address_key,
                        recorded_at)
                    VALUES (:caseNumber, '1208 Maple Ave', 'Dallas', 'TX', :zip, 'SINGLE_UNIT', :caseNumber,
                        TIMESTAMP WITH TIME ZONE '2026-11-21 10:00:00+00')""")
                    .param("caseNumber", person[0]).param("zip", person[1]).update();
        }

        migrate(database, "21");

        assertThat(jdbc.sql("SELECT c.case_number || ' ' || a.zip || ' ' || c.release_address_valid FROM custody_case c"
                + " JOIN release_address a ON a.case_number = c.case_number ORDER BY c.case_number")
                .query(String.class).list())
                .containsExactly("ZIP0001-01 99999 FALSE", "ZIP0001-02 75201 TRUE");
        assertThat(jdbc.sql("SELECT DISTINCT sector || '/' || station FROM custody_case").query(String.class).list())
                .containsExactly("RGV/MCA");
    }

    private static void migrate(JdbcDataSource database, String target) {
        Flyway.configure().dataSource(database).locations("classpath:db/migration").target(target).load().migrate();
    }
}
