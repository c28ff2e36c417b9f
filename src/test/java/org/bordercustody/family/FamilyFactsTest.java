package org.bordercustody.family;

import org.bordercustody.custody.Classification;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.bordercustody.custody.CaseStatus;
import org.bordercustody.custody.CustodyCase;
import org.junit.jupiter.api.Test;

class FamilyFactsTest {

    static final Instant APPREHENDED_AT = Instant.parse("2026-11-25T07:30:00Z");

    @Test
    void ageCountsOnTheLocalDayOfTheApprehensionNotTheUtcDay() {
        // 23:30 on 24 Nov in San Diego is 07:30 UTC on 25 Nov; the birthday on 25 Nov has not come yet there.
        CustodyCase person = person("01", LocalDate.of(2008, 11, 25), null, null, ZoneOffset.ofHours(-8));

        assertThat(person.ageAtApprehension()).isEqualTo(17);
    }

    @Test
    void childWithParentFormsAFamilyUnitWithTheParentWhoCaresForTheChild() {
        var parent = person("01", LocalDate.of(1990, 1, 1), "CLEAR", "NO_CONCERNS");
        var child = person("02", LocalDate.of(2020, 5, 1), "CLEAR", "NEEDS_MEDICAL_CARE");
        var links = List.of(new FamilyLink("E-02", "E-01", Relationship.PARENT, true));

        FamilyFacts childFacts = FamilyFacts.of("E-02", List.of(parent, child), links);
        FamilyFacts parentFacts = FamilyFacts.of("E-01", List.of(parent, child), links);

        assertThat(childFacts.companionRelationship()).isEqualTo("PARENT");
        assertThat(childFacts.familyRelationshipVerified()).isTrue();
        assertThat(childFacts.familyCaseNumbers()).containsExactlyInAnyOrder("E-01", "E-02");
        assertThat(parentFacts.caresForAccompaniedChild()).isTrue();
        assertThat(parentFacts.familyRelationshipVerified()).isTrue();
        assertThat(parentFacts.youngestChildAge()).isEqualTo(6);
        assertThat(parentFacts.familyMedicallyVulnerable()).isTrue();
        assertThat(parentFacts.familyIntakeComplete()).isTrue();
    }

    @Test
    void childWithAnAuntIsAloneInItsFamilyUnitAndTheAuntCaresForNoChild() {
        var aunt = person("01", LocalDate.of(1985, 3, 3), "CLEAR", "NO_CONCERNS");
        var child = person("02", LocalDate.of(2017, 2, 2), "CLEAR", "NO_CONCERNS");
        var links = List.of(new FamilyLink("E-02", "E-01", Relationship.OTHER_RELATIVE, true));

        FamilyFacts childFacts = FamilyFacts.of("E-02", List.of(aunt, child), links);
        FamilyFacts auntFacts = FamilyFacts.of("E-01", List.of(aunt, child), links);

        assertThat(childFacts.companionRelationship()).isEqualTo("OTHER_RELATIVE");
        assertThat(childFacts.familyCaseNumbers()).containsExactly("E-02");
        assertThat(auntFacts.caresForAccompaniedChild()).isFalse();
        assertThat(auntFacts.familyCaseNumbers()).containsExactly("E-01");
    }

    @Test
    void parentOutranksOtherCompanionsAndTheWorstAdultRecordDecidesForTheFamily() {
        var mother = person("01", LocalDate.of(1990, 1, 1), "CLEAR", "NO_CONCERNS");
        var father = person("02", LocalDate.of(1988, 1, 1), "CRIMINAL_HISTORY", "NO_CONCERNS");
        var uncle = person("03", LocalDate.of(1980, 1, 1), "PUBLIC_SAFETY_OR_NATIONAL_SECURITY", "NO_CONCERNS");
        var child = person("04", LocalDate.of(2015, 1, 1), "PUBLIC_SAFETY_OR_NATIONAL_SECURITY", "NO_CONCERNS");
        var links = List.of(
                new FamilyLink("E-04", "E-03", Relationship.OTHER_RELATIVE, false),
                new FamilyLink("E-04", "E-01", Relationship.PARENT, false),
                new FamilyLink("E-04", "E-02", Relationship.PARENT, false));

        FamilyFacts facts = FamilyFacts.of("E-04", List.of(mother, father, uncle, child), links);

        assertThat(facts.companionRelationship()).isEqualTo("PARENT");
        assertThat(facts.familyRelationshipVerified()).isFalse();
        assertThat(facts.familyCaseNumbers()).containsExactlyInAnyOrder("E-01", "E-02", "E-04");
        assertThat(facts.adultsRecordsCheck()).as("the uncle is not in the family unit; the child's record is not an adult's")
                .isEqualTo("CRIMINAL_HISTORY");
    }

    @Test
    void familyIntakeIsIncompleteUntilEveryMemberHasFinishedIntake() {
        var parent = person("01", LocalDate.of(1990, 1, 1), "CLEAR", "NO_CONCERNS");
        var child = person("02", LocalDate.of(2020, 5, 1), null, null);
        var links = List.of(new FamilyLink("E-02", "E-01", Relationship.LEGAL_GUARDIAN, false));

        assertThat(FamilyFacts.of("E-01", List.of(parent, child), links).familyIntakeComplete()).isFalse();
    }

    @Test
    void unknownDateOfBirthGivesNoAge() {
        var person = person("01", null, "CLEAR", "NO_CONCERNS");

        FamilyFacts facts = FamilyFacts.of("E-01", List.of(person), List.of());

        assertThat(facts.ageAtApprehension()).isNull();
        assertThat(facts.companionRelationship()).isEqualTo(FamilyFacts.NO_COMPANION);
        assertThat(facts.familySize()).isEqualTo(1);
    }

    private static CustodyCase person(String number, LocalDate dateOfBirth, String recordsCheck, String medical) {
        return person(number, dateOfBirth, recordsCheck, medical, ZoneOffset.ofHours(-7));
    }

    private static CustodyCase person(String number, LocalDate dateOfBirth, String recordsCheck, String medical,
            ZoneOffset offset) {
        return new CustodyCase("E-" + number, "E", "p" + number, "Lopez", "Ana", dateOfBirth, false, "F", "GT",
                APPREHENDED_AT, offset, Classification.UNDETERMINED, null, CaseStatus.IN_CBP_CUSTODY,
                APPREHENDED_AT.plusSeconds(72 * 3600), null, recordsCheck == null ? null : APPREHENDED_AT,
                recordsCheck, medical, java.util.UUID.randomUUID(), "SDC", "CHU");
    }
}
