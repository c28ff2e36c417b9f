package org.bordercustody.family;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FamilyStatusDecisionTest {

    static final DecisionTableHarness TABLE = new DecisionTableHarness("dmn/family-status.dmn", "familyStatus");

    @ParameterizedTest(name = "{0}: age {1}, companion {2}, cares for child {3}, verified {4} -> {5}")
    @CsvSource(nullValues = "null", value = {
        "AgeUnknown,                null, NONE,            false, false, UNDETERMINED",
        "AgeUnknown,                null, PARENT,          false, true,  UNDETERMINED",
        "ChildWithVerifiedParent,   7,    PARENT,          false, true,  FAMILY_UNIT_MEMBER",
        "ChildWithVerifiedParent,   17,   LEGAL_GUARDIAN,  false, true,  FAMILY_UNIT_MEMBER",
        "ChildWithUnverifiedParent, 3,    PARENT,          false, false, UNDETERMINED",
        "ChildWithUnverifiedParent, 10,   LEGAL_GUARDIAN,  false, null,  UNDETERMINED",
        "ChildWithoutParent,        9,    OTHER_RELATIVE,  false, false, UNACCOMPANIED_CHILD",
        "ChildWithoutParent,        15,   UNRELATED_ADULT, false, false, UNACCOMPANIED_CHILD",
        "ChildWithoutParent,        16,   NONE,            false, false, UNACCOMPANIED_CHILD",
        "ChildWithoutParent,        0,    OTHER_RELATIVE,  false, true,  UNACCOMPANIED_CHILD",
        "AdultWithVerifiedChild,    18,   NONE,            true,  true,  FAMILY_UNIT_MEMBER",
        "AdultWithUnverifiedChild,  40,   NONE,            true,  false, UNDETERMINED",
        "SingleAdult,               18,   NONE,            false, false, SINGLE_ADULT",
        "SingleAdult,               25,   OTHER_RELATIVE,  false, true,  SINGLE_ADULT",
    })
    void decidesFamilyStatusFromRecordedFacts(String rule, Integer age, String companion, boolean caresForChild,
            Boolean verified, String expected) {
        Map<String, Object> facts = new HashMap<>();
        facts.put("ageAtApprehension", age);
        facts.put("companionRelationship", companion);
        facts.put("caresForAccompaniedChild", caresForChild);
        facts.put("familyRelationshipVerified", verified);

        DecisionTableHarness.Outcome outcome = TABLE.evaluate(facts);

        assertThat(outcome.value()).isEqualTo(expected);
        assertThat(outcome.matchedRules()).first().isEqualTo("Rule_" + rule);
    }

    @AfterAll
    static void everyRuleOfTheTableWasHit() {
        assertThat(TABLE.hitRules()).containsExactlyInAnyOrderElementsOf(TABLE.ruleIds());
    }
}
