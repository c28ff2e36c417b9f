package org.bordercustody.people;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.bordercustody.CustodyApplication;
import org.bordercustody.apprehension.ApprehensionRequest;
import org.bordercustody.apprehension.ApprehensionRequest.Document;
import org.bordercustody.apprehension.ApprehensionRequest.IdentifiersGiven;
import org.bordercustody.apprehension.ApprehensionRequest.Location;
import org.bordercustody.apprehension.ApprehensionRequest.Person;
import org.bordercustody.apprehension.Apprehensions;
import org.bordercustody.identity.CustodyUser;
import org.bordercustody.people.PeopleSearches.Criteria;
import org.bordercustody.people.PersonViews.PersonFound;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.core.Authentication;

/**
 * The same people recorded on H2 and on PostgreSQL 17 are found the same way: one corpus of spellings, dates of
 * birth and identifiers, one list of searches, the same people in the same order on both.
 */
class SameAnswersOnH2AndPostgresTest {

    static EmbeddedPostgres postgres;
    static ConfigurableApplicationContext onH2;
    static ConfigurableApplicationContext onPostgres;
    static final Authentication MANAGER = new CustodyUser("manager", List.of("custody-manager"), List.of("SDC"))
            .authenticated();

    /** Family name, given names, date of birth, country, A-number or null. */
    static final String[][] PEOPLE = {
        {"García López", "Juan Carlos", "1995-07-07", "HN", "A201555012"},
        {"Garcia-Lopez", "Juan", "1995-07-07", "HN", null},
        {"Lopez Garcia", "Maria Jose", "1995-07-07", "HN", null},
        {"Pérez", "Juan Carlos", "1995-07-07", "GT", null},
        {"Perez", "Juana", "1988-01-20", "GT", "A12345678"},
        {"Hernández", "José Luis", "1979-11-02", "MX", null},
        {"Hernandes", "Jose", "1979-11-02", "MX", null},
        {"Quispe Huamán", "Rosa Elena", "1979-02-14", "PE", null},
        {"Nguyễn", "Văn An", "2001-03-03", "VN", null},
        {"O'Brien", "Seán", "1990-09-09", "IE", null},
        {"Ana", "Lopez", "1992-04-02", "GT", null},
        {"Lopez", "Ana", "1992-04-02", "GT", null},
        {"Lopez", "Anna", "1992-04-02", "GT", null},
        {"Lopez", "Ada", "1992-04-02", "GT", null},
    };

    static final List<Criteria> SEARCHES = List.of(
            byName("juan carlos garcia lopez"), byName("Garcia Lopez Juan"), byName("garsia lopes juan"),
            byName("juan perez"), byName("perez"), byName("jose hernandez"), byName("hernandez"),
            byName("rosa quispe-huaman"), byName("van an nguyen"), byName("sean obrien"), byName("ana lopez"),
            byName("anna lopez"), byName("lopez"),
            new Criteria("juan", "1995-07-07", null, null, null, null, null),
            new Criteria("juan", "1995", null, null, null, null, null),
            new Criteria("lopez", "1992", null, null, null, null, "2"),
            new Criteria(null, "1979-11-02", null, null, null, null, null),
            new Criteria(null, null, "A-201-555-012", null, null, null, null),
            new Criteria(null, null, "A012345678", null, null, null, null),
            new Criteria(null, null, null, "5550000001", null, null, null),
            new Criteria(null, null, null, null, "g0000003", null, null),
            new Criteria(null, null, null, null, null, "SAME0004", null),
            new Criteria(null, null, null, null, null, "SAME0005-01", null),
            new Criteria("juan", null, null, null, null, "SAME0001", null));

    @BeforeAll
    static void recordTheSamePeopleOnBoth() throws Exception {
        postgres = EmbeddedPostgres.builder().setRegisterShutdownHook(false).start();
        onH2 = application();
        onPostgres = application("--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                "--spring.datasource.username=postgres");
        for (ConfigurableApplicationContext application : List.of(onH2, onPostgres)) {
            Apprehensions apprehensions = application.getBean(Apprehensions.class);
            for (int i = 0; i < PEOPLE.length; i++) {
                apprehensions.record(apprehension(i), "agent");
            }
        }
    }

    @AfterAll
    static void stop() throws Exception {
        for (ConfigurableApplicationContext application : new ConfigurableApplicationContext[] {onPostgres, onH2}) {
            if (application != null) {
                application.close();
            }
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void everySearchFindsTheSamePeopleInTheSameOrderOnH2AndPostgresql() {
        List<List<String>> answers = new ArrayList<>();
        for (Criteria search : SEARCHES) {
            List<String> h2 = found(onH2, search);
            List<String> pg = found(onPostgres, search);
            assertThat(pg).as("PostgreSQL's answer to " + search + ", as H2's").isEqualTo(h2);
            answers.add(h2);
        }
        assertThat(answers.get(0)).as("juan carlos garcia lopez").first().asString()
                .startsWith("García López, Juan Carlos 1995-07-07 SAME0001-01");
        assertThat(answers.get(2)).as("two typos in two names, a given name missing")
                .anyMatch(person -> person.startsWith("García López, Juan Carlos"))
                .anyMatch(person -> person.startsWith("Garcia-Lopez, Juan"));
        assertThat(answers.get(10)).as("ana lopez").hasSize(3).noneMatch(person -> person.contains("Ada"));
        assertThat(answers.get(15)).as("at most the limit").hasSize(2);
        assertThat(answers.get(17)).as("by A-number written with dashes").hasSize(1);
        assertThat(answers.stream().mapToInt(List::size).sum()).as("people found in all").isGreaterThan(30);
    }

    /** Each person found, as a person reads it: name, date of birth and encounters; the ids differ per database. */
    private static List<String> found(ConfigurableApplicationContext application, Criteria search) {
        return application.getBean(PeopleSearches.class).search(search, MANAGER).people().stream()
                .map(SameAnswersOnH2AndPostgresTest::words)
                .toList();
    }

    private static String words(PersonFound person) {
        return person.familyName() + ", " + person.givenNames() + " " + person.dateOfBirth() + " "
                + String.join(" ", person.encounters().stream().map(PersonViews.EncounterView::caseNumber).toList())
                + " " + person.aNumber() + " " + person.fin();
    }

    private static Criteria byName(String name) {
        return new Criteria(name, null, null, null, null, null, null);
    }

    private static ApprehensionRequest apprehension(int index) {
        String[] person = PEOPLE[index];
        String at = Instant.now().minus(Duration.ofHours(2 + index)).atOffset(ZoneOffset.ofHours(-7)).toString();
        IdentifiersGiven identifiers = new IdentifiersGiven(person[4], "555000000" + index,
                List.of(new Document("PASSPORT", "G000000" + index, person[3])));
        return new ApprehensionRequest("SAME%04d".formatted(index + 1), at, new Location("SDC", "CHU"),
                List.of(new Person("p1", person[0], person[1], person[2], "F", person[3], null, identifiers)));
    }

    private static ConfigurableApplicationContext application(String... database) {
        List<String> arguments = new ArrayList<>(List.of("--server.port=0", "--camunda.bpm.webapp.enabled=false",
                "--camunda.bpm.process-engine-name=same" + (database.length == 0 ? "H2" : "Pg")));
        arguments.addAll(List.of(database));
        return new SpringApplicationBuilder(CustodyApplication.class).profiles("test").run(arguments.toArray(String[]::new));
    }

}
