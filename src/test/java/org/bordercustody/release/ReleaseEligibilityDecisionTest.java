package org.bordercustody.release;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.bordercustody.family.DecisionTableHarness;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReleaseEligibilityDecisionTest {

    static final DecisionTableHarness TABLE =
            new DecisionTableHarness("dmn/release-eligibility.dmn", "releaseEligibility");

    @ParameterizedTest(name = "{0}: {1}, {2}, records {3}, flight {4}, medical {5}, beds {6}, missed check-in {7} -> {8}")
    @CsvSource({
        "ExpeditedRemoval,      SINGLE_ADULT, EXPEDITED_REMOVAL, CRIMINAL_HISTORY, HIGH, false, true, false, EXPEDITED_REMOVAL",
        "VoluntaryReturn,       SINGLE_ADULT, VOLUNTARY_RETURN, CLEAR, LOW, true, true, false, VOLUNTARY_RETURN",
        "SecurityFlag,          FAMILY_UNIT_MEMBER, NTA_OR, PUBLIC_SAFETY_OR_NATIONAL_SECURITY, LOW, true, false, false, TRANSFER_TO_ICE_DETENTION",
        "CriminalHistory,       SINGLE_ADULT, NOTICE_TO_REPORT, CRIMINAL_HISTORY, LOW, false, true, false, TRANSFER_TO_ICE_DETENTION",
        "FlightRisk,            SINGLE_ADULT, NTA_OR, CLEAR, HIGH, false, true, false, TRANSFER_TO_ICE_DETENTION",
        "MedicalNeeds,          SINGLE_ADULT, NTA, CRIMINAL_HISTORY, LOW, true, false, false, RELEASE_PAROLE_ATD",
        "NoticeToReport,        FAMILY_UNIT_MEMBER, NOTICE_TO_REPORT, CLEAR, HIGH, false, false, false, RELEASE_NOTICE_TO_REPORT",
        "ParoleAtd,             FAMILY_UNIT_MEMBER, PAROLE_ATD, CLEAR, LOW, false, true, false, RELEASE_PAROLE_ATD",
        "NoticeToAppearDetained, SINGLE_ADULT, NTA, CLEAR, LOW, false, true, false, TRANSFER_TO_ICE_DETENTION",
        "ReleaseOnRecognizance, FAMILY_UNIT_MEMBER, NTA, CLEAR, LOW, false, true, false, RELEASE_NTA_OR",
        "ReleaseOnRecognizance, SINGLE_ADULT, NTA, CLEAR, LOW, false, false, false, RELEASE_NTA_OR",
        "ReleaseOnRecognizance, SINGLE_ADULT, NTA_OR, CRIMINAL_HISTORY, HIGH, false, false, false, RELEASE_NTA_OR",
        "MissedCheckInDetained, SINGLE_ADULT, NTA_OR, CLEAR, LOW, false, true, true, TRANSFER_TO_ICE_DETENTION",
        "MissedCheckInDetained, FAMILY_UNIT_MEMBER, NOTICE_TO_REPORT, CLEAR, LOW, false, true, true, TRANSFER_TO_ICE_DETENTION",
        "MissedCheckInAtd,      SINGLE_ADULT, NTA_OR, CLEAR, LOW, false, false, true, RELEASE_PAROLE_ATD",
        "ExpeditedRemoval,      SINGLE_ADULT, EXPEDITED_REMOVAL, CLEAR, LOW, false, true, true, EXPEDITED_REMOVAL",
    })
    void proposesAnOutcomeWithItsReason(String rule, String classification, String pathway, String recordsCheck,
            String flightRisk, boolean medicalNeeds, boolean bedsAvailable, boolean missedEarlierCheckIn,
            String expected) {
        Map<String, Object> facts = new HashMap<>();
        facts.put("classification", classification);
        facts.put("processingPathway", pathway);
        facts.put("adultsRecordsCheck", recordsCheck);
        facts.put("flightRisk", flightRisk);
        facts.put("familyMedicallyVulnerable", medicalNeeds);
        facts.put("detentionBedsAvailable", bedsAvailable);
        facts.put("missedEarlierCheckIn", missedEarlierCheckIn);

        DecisionTableHarness.Outcome outcome = TABLE.evaluateResult(facts);

        @SuppressWarnings("unchecked")
        Map<String, Object> proposal = (Map<String, Object>) outcome.value();
        assertThat(proposal.get("outcome")).isEqualTo(expected);
        assertThat((String) proposal.get("reason")).isNotBlank();
        assertThat(outcome.matchedRules()).first().isEqualTo("Rule_" + rule);
    }

    @AfterAll
    static void everyRuleOfTheTableWasHit() {
        assertThat(TABLE.hitRules()).containsExactlyInAnyOrderElementsOf(TABLE.ruleIds());
    }
}
