package org.bordercustody.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.bordercustody.ApiClient;
import org.bordercustody.EngineRegistration;
import org.bordercustody.TasklistClient;
import org.bordercustody.apprehension.ApprehensionFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestExecutionListeners;

/**
 * An answer a form refuses is logged as one line naming the field, not as an error with a stack trace; with the
 * engine's context logging on as in production.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "logging.level.org.camunda.bpm.engine.context=INFO")
@ActiveProfiles("test")
@TestExecutionListeners(listeners = EngineRegistration.class,
        mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
@ExtendWith(OutputCaptureExtension.class)
class RefusedAnswersLogTest {

    @LocalServerPort
    int port;

    @Test
    void aRefusedAnswerIsOneInfoLineNamingTheField(CapturedOutput output) {
        ApiClient agent = ApiClient.as(port, "agent");
        assertThat(agent.post("/api/apprehensions", ApprehensionFixtures.singleAdult("LOG0001")).status()).isEqualTo(201);
        int before = output.getOut().length();

        ApiClient.Response refused = new TasklistClient(agent).complete("LOG0001-01", "Task_RecordIntake",
                Map.of("biometricsStatus", "CAPTURED", "recordsCheckResult", "CLEAR", "medicalScreening",
                        "NO_CONCERNS", "processingPathway", "NTA_OR", "flightRisk", "EXTREME"));

        assertThat(refused.status()).isEqualTo(400);
        String logged = output.getOut().substring(before);
        assertThat(logged).contains("Answer refused, field flightRisk").doesNotContain(" ERROR ")
                .doesNotContain("FormFieldValidationException: ").doesNotContain("\tat org.camunda");
    }
}
