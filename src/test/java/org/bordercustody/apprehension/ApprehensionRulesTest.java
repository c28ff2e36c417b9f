package org.bordercustody.apprehension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import org.bordercustody.identity.Sectors;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.bordercustody.apprehension.ApprehensionRequest.Companion;
import org.bordercustody.apprehension.ApprehensionRequest.Location;
import org.bordercustody.apprehension.ApprehensionRequest.Person;
import org.bordercustody.family.Relationship;
import org.bordercustody.system.InvalidRequestException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ApprehensionRulesTest {

    static final Instant NOW = Instant.parse("2026-11-25T15:00:00Z");
    final ApprehensionRules rules = new ApprehensionRules(Clock.fixed(NOW, ZoneOffset.UTC), new Sectors());

    @Test
    void keepsTheInstantInUtcAndTheOffsetItWasReportedIn() {
        Apprehension apprehension = rules.check(request("2026-11-25T03:14:00-08:00", parent(), child("p1")));

        assertThat(apprehension.apprehendedAt()).isEqualTo(Instant.parse("2026-11-25T11:14:00Z"));
        assertThat(apprehension.reportedOffset()).isEqualTo(ZoneOffset.ofHours(-8));
        assertThat(apprehension.persons().get(1).dateOfBirth()).isEqualTo(LocalDate.of(2019, 6, 30));
        assertThat(apprehension.caseNumber(1)).isEqualTo("SDC2611250001-02");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-25T03:14:00", "2026-11-25 03:14", "yesterday", "2026-11-25"})
    void refusesATimeWithoutAnOffset(String time) {
        assertRefused(request(time, parent()), "apprehendedAt", "explicit offset");
    }

    @Test
    void refusesATimeMoreThanFiveMinutesAhead() {
        assertRefused(request("2026-11-25T15:05:01Z", parent()), "apprehendedAt", "future");
        assertThat(rules.check(request("2026-11-25T15:05:00Z", parent())).apprehendedAt())
                .isEqualTo(Instant.parse("2026-11-25T15:05:00Z"));
    }

    @Test
    void refusesATimeOlderThanThirtyDays() {
        assertRefused(request("2026-10-26T14:59:59Z", parent()), "apprehendedAt", "30 days");
    }

    @Test
    void refusesADateOfBirthAfterTheApprehension() {
        Person baby = new Person("p1", "Lopez", "Eva", "2026-11-26", "F", "GT", null);
        assertRefused(request("2026-11-25T03:14:00-08:00", baby), "persons[0].dateOfBirth", "after the apprehension");
    }

    @Test
    void refusesADateOfBirthThatIsNotADate() {
        Person person = new Person("p1", "Lopez", "Eva", "02/04/1992", "F", "GT", null);
        assertRefused(request("2026-11-25T03:14:00-08:00", person), "persons[0].dateOfBirth", "YYYY-MM-DD");
    }

    @Test
    void refusesAnUnknownCountry() {
        Person person = new Person("p1", "Lopez", "Eva", null, "F", "XX", null);
        assertRefused(request("2026-11-25T03:14:00-08:00", person), "persons[0].countryOfCitizenship", "ISO 3166");
    }

    @Test
    void refusesTwoPeopleWithOneRef() {
        assertRefused(request("2026-11-25T03:14:00-08:00", parent(), parent()), "persons[1].ref", "earlier person");
    }

    @Test
    void refusesACompanionWhoIsNotInTheApprehension() {
        assertRefused(request("2026-11-25T03:14:00-08:00", parent(), child("p9")),
                "persons[1].accompaniedBy[0].ref", "not the ref");
    }

    @Test
    void refusesAPersonAccompanyingThemselves() {
        Person selfish = new Person("p1", "Lopez", "Ana", null, "F", "GT",
                List.of(new Companion("p1", Relationship.PARENT)));
        assertRefused(request("2026-11-25T03:14:00-08:00", selfish), "persons[0].accompaniedBy[0].ref", "themselves");
    }

    @Test
    void refusesParentRelationshipsThatFormACycle() {
        Person a = new Person("a", "Lopez", "Ana", null, "F", "GT", List.of(new Companion("b", Relationship.PARENT)));
        Person b = new Person("b", "Lopez", "Bea", null, "F", "GT", List.of(new Companion("a", Relationship.LEGAL_GUARDIAN)));
        assertRefused(request("2026-11-25T03:14:00-08:00", a, b), "persons[0].accompaniedBy", "cycle");
    }

    @Test
    void siblingsMayNameEachOtherAsRelatives() {
        Person a = new Person("a", "Lopez", "Ana", "2010-01-01", "F", "GT",
                List.of(new Companion("b", Relationship.OTHER_RELATIVE)));
        Person b = new Person("b", "Lopez", "Bea", "2011-01-01", "F", "GT",
                List.of(new Companion("a", Relationship.OTHER_RELATIVE)));

        assertThat(rules.check(request("2026-11-25T03:14:00-08:00", a, b)).persons()).hasSize(2);
    }

    private void assertRefused(ApprehensionRequest request, String field, String reason) {
        assertThatThrownBy(() -> rules.check(request))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                    assertThat(e.field()).isEqualTo(field);
                    assertThat(e.reason()).contains(reason);
                });
    }

    static ApprehensionRequest request(String apprehendedAt, Person... persons) {
        return new ApprehensionRequest("SDC2611250001", apprehendedAt, new Location("SDC", "CHU"), List.of(persons));
    }

    static Person parent() {
        return new Person("p1", "Lopez", "Ana", "1992-04-02", "F", "GT", null);
    }

    static Person child(String parentRef) {
        return new Person("p2", "Lopez", "Luis", "2019-06-30", "M", "GT",
                List.of(new Companion(parentRef, Relationship.PARENT)));
    }
}
