package org.bordercustody.custody;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.bordercustody.ApiClient;
import org.bordercustody.CustodyApplicationTest;
import org.bordercustody.TasklistClient;
import org.bordercustody.apprehension.ApprehensionFixtures;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every completion is held to its form before the process moves: an answer a gateway routes on that is missing or
 * not one of the form's choices is a 400 naming the field, not an expression error, and nothing moves.
 */
@CustodyApplicationTest
class FormAnswerGuardTest {

    @LocalServerPort
    int port;
    @Autowired
    TaskService taskService;

    @Test
    void aScreeningOutcomeMissingOrNotOnTheListIsRefusedNamingItsFieldAndTheChildStaysAtTheScreening() {
        ApiClient agent = ApiClient.as(port, "agent");
        String alone = """
                { "eventNumber": "FAG0001", "apprehendedAt": "%s", "location": { "sector": "SDC", "station": "CHU" },
                  "persons": [ { "ref": "p1", "familyName": "Garcia", "givenNames": "Pedro", "dateOfBirth": "2011-05-05",
                                 "sex": "M", "countryOfCitizenship": "MX" } ] }
                """.formatted(ApprehensionFixtures.hoursAgo(1));
        assertThat(agent.post("/api/apprehensions", alone).status()).isEqualTo(201);
        TasklistClient tasks = new TasklistClient(agent);
        tasks.completeIntake("FAG0001-01", false);
        assertThat(tasks.complete("FAG0001-01", "Task_NotifyHhsOfChild", Map.of("hhsReferralId", "UC-7")).status())
                .isEqualTo(204);
        String screening = tasks.taskId("FAG0001-01", "Task_ScreenContiguousCountryChild");

        ApiClient.Response missing = tasks.completeTask(screening, Map.of("screeningNotes", "interviewed"));
        ApiClient.Response unknown = tasks.completeTask(screening,
                Map.of("screeningOutcome", "MAYBE", "screeningNotes", "x".repeat(1001)));

        assertThat(missing.status()).as(missing.body()).isEqualTo(400);
        assertThat(missing.body()).contains("screeningOutcome (Screening outcome): is required");
        assertThat(unknown.status()).as(unknown.body()).isEqualTo(400);
        assertThat(unknown.body()).contains("screeningOutcome (Screening outcome): must be one of REFER_TO_ORR, RETURN_PERMITTED")
                .contains("screeningNotes (Screening notes): must be at most 1000 characters");
        assertThat(taskService.createTaskQuery().taskId(screening).count()).as("the child is still being screened")
                .isEqualTo(1);

        assertThat(tasks.completeTask(screening, Map.of("screeningOutcome", "REFER_TO_ORR",
                "screeningNotes", "fear of return")).status()).isEqualTo(204);
    }
}
