package org.bordercustody.family;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FamilyUnitPlacementDecisionTest {

    static final DecisionTableHarness TABLE =
            new DecisionTableHarness("dmn/family-unit-placement.dmn", "familyUnitPlacement");

    @ParameterizedTest(name = "{0}: {1}, youngest {2}, medical {3}, size {4}, records {5} -> {6}")
    @CsvSource(nullValues = "null", value = {
        "UnaccompaniedChild,        UNACCOMPANIED_CHILD, 9,    false, 1, CLEAR,                              TRANSFER_TO_HHS_ORR",
        "UnaccompaniedChild,        UNACCOMPANIED_CHILD, 16,   true,  1, CRIMINAL_HISTORY,                   TRANSFER_TO_HHS_ORR",
        "SingleAdult,               SINGLE_ADULT,        null, false, 1, CLEAR,                              ADULT_RELEASE_OR_DETENTION_REVIEW",
        "SingleAdult,               SINGLE_ADULT,        null, true,  1, PUBLIC_SAFETY_OR_NATIONAL_SECURITY, ADULT_RELEASE_OR_DETENTION_REVIEW",
        "FamilyWithSecurityFlag,    FAMILY_UNIT_MEMBER,  4,    true,  3, PUBLIC_SAFETY_OR_NATIONAL_SECURITY, ICE_FAMILY_RESIDENTIAL_CENTER",
        "FamilyWithTenderAgeChild,  FAMILY_UNIT_MEMBER,  12,   false, 2, CRIMINAL_HISTORY,                   FAMILY_RELEASE_REVIEW",
        "FamilyWithTenderAgeChild,  FAMILY_UNIT_MEMBER,  0,    false, 2, CLEAR,                              FAMILY_RELEASE_REVIEW",
        "FamilyWithMedicalNeeds,    FAMILY_UNIT_MEMBER,  13,   true,  2, CRIMINAL_HISTORY,                   FAMILY_RELEASE_REVIEW",
        "LargeFamily,               FAMILY_UNIT_MEMBER,  15,   false, 5, CRIMINAL_HISTORY,                   FAMILY_RELEASE_REVIEW",
        "FamilyWithCriminalHistory, FAMILY_UNIT_MEMBER,  13,   false, 4, CRIMINAL_HISTORY,                   ICE_FAMILY_RESIDENTIAL_CENTER",
        "FamilyWithCriminalHistory, FAMILY_UNIT_MEMBER,  null, false, 2, CRIMINAL_HISTORY,                   ICE_FAMILY_RESIDENTIAL_CENTER",
        "Family,                    FAMILY_UNIT_MEMBER,  14,   false, 2, CLEAR,                              FAMILY_RELEASE_REVIEW",
    })
    void decidesPlacementFromTheFamilysFacts(String rule, String classification, Integer youngestChildAge,
            boolean medicallyVulnerable, int familySize, String adultsRecordsCheck, String expected) {
        Map<String, Object> facts = new HashMap<>();
        facts.put("classification", classification);
        facts.put("youngestChildAge", youngestChildAge);
        facts.put("tenderAgeThreshold", 12);
        facts.put("familyMedicallyVulnerable", medicallyVulnerable);
        facts.put("familySize", familySize);
        facts.put("adultsRecordsCheck", adultsRecordsCheck);

        DecisionTableHarness.Outcome outcome = TABLE.evaluate(facts);

        assertThat(outcome.value()).isEqualTo(expected);
        assertThat(outcome.matchedRules()).first().isEqualTo("Rule_" + rule);
    }

    @ParameterizedTest(name = "tender-age threshold {0}: child of {1} -> {2}")
    @CsvSource({"12, 13, ICE_FAMILY_RESIDENTIAL_CENTER", "13, 13, FAMILY_RELEASE_REVIEW"})
    void tenderAgeThresholdIsReadFromConfiguration(int threshold, int youngestChildAge, String expected) {
        Map<String, Object> facts = new HashMap<>();
        facts.put("classification", "FAMILY_UNIT_MEMBER");
        facts.put("youngestChildAge", youngestChildAge);
        facts.put("tenderAgeThreshold", threshold);
        facts.put("familyMedicallyVulnerable", false);
        facts.put("familySize", 2);
        facts.put("adultsRecordsCheck", "CRIMINAL_HISTORY");

        assertThat(TABLE.evaluate(facts).value()).isEqualTo(expected);
    }

    @AfterAll
    static void everyRuleOfTheTableWasHit() {
        assertThat(TABLE.hitRules()).containsExactlyInAnyOrderElementsOf(TABLE.ruleIds());
    }
}
