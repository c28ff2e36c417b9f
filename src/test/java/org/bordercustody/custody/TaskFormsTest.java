package org.bordercustody.custody;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The forms as the completion guard and the timeline read them. */
class TaskFormsTest {

    final TaskForms forms = new TaskForms(new ObjectMapper());

    @ParameterizedTest
    @ValueSource(strings = {"hhsReferralId", "transferRecord", "locateOutcome", "locateNotes", "overdueCauseDetails",
        "overdueAction", "screeningNotes", "recurringAddressNotes", "orrReceivedBy", "custodyReviewAction"})
    void whatUsersTypeIsAnEditableFieldOfAFormSoItsAnswerReachesTheTimeline(String key) {
        assertThat(forms.all().values()).anySatisfy(form -> {
            assertThat(form.fields()).containsKey(key);
            assertThat(form.fields().get(key).editable()).isTrue();
            assertThat(form.answers(Map.of(key, "typed by a user")::get)).endsWith(": typed by a user");
        });
    }

    @Test
    void answersAreShownWithTheFormsLabelsAndTheChoicesWordsInTheFormsOrder() {
        TaskForms.Form intake = forms.byId("recordIntake").orElseThrow();

        String answers = intake.answers(Map.<String, Object>of("flightRisk", "LOW", "biometricsStatus", "CAPTURED",
                "familyRelationshipVerified", true, "contiguousCountryNational", true)::get);

        assertThat(answers).isEqualTo("Biometrics: Captured; Flight risk: Low; "
                + "Parent or legal guardian relationship verified: yes");
    }

    @Test
    void fieldsShownForInformationAreNotEditable() {
        assertThat(forms.byId("approveCustodyOutcome").orElseThrow().fields().get("proposedOutcome").editable()).isFalse();
        assertThat(forms.byId("recordIntake").orElseThrow().fields().get("contiguousCountryNational").editable()).isFalse();
    }
}
