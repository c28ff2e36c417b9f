package org.bordercustody.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.bordercustody.ApiClient;
import org.bordercustody.TasklistClient;
import org.bordercustody.CustodyApplicationTest;
import org.bordercustody.apprehension.ApprehensionFixtures;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@CustodyApplicationTest
class TasklistFiltersTest {

    @LocalServerPort
    int port;
    @Autowired
    ManagementService managementService;

    @Test
    void everyTaskWorkingGroupFindsTheSharedFiltersAndTheManagerNone() {
        for (String user : List.of("agent", "supervisor", "ice-officer")) {
            assertThat(filterNames(user)).contains("My group's tasks by due date", "Escalations");
        }
        assertThat(filterNames("orr-liaison")).contains("My group's tasks by due date", "Escalations",
                "Unaccompanied children");
        assertThat(filterNames("manager")).isEmpty();
    }

    @Test
    void myGroupsTasksShowsTheAgentsIntakeTasksWithCaseAndPerson() {
        ApiClient agent = ApiClient.as(port, "agent");
        agent.post("/api/apprehensions", ApprehensionFixtures.singleAdult("FLT0001"));

        JsonNode tasks = run(agent, "My group's tasks by due date", "FLT0001-01");

        assertThat(tasks.findValues("description").stream().map(JsonNode::asText))
                .anySatisfy(description -> assertThat(description).contains("Ramirez, Jose", "FLT0001-01"));
        assertThat(run(ApiClient.as(port, "supervisor"), "My group's tasks by due date", "FLT0001-01")).isEmpty();
    }

    @Test
    void escalationsShowASupervisorTheCaseNearingItsCustodyLimit() {
        ApiClient.as(port, "agent").post("/api/apprehensions",
                ApprehensionFixtures.singleAdult("FLT0002", ApprehensionFixtures.hoursAgo(49)));
        for (Job job : managementService.createJobQuery().executable().list()) {
            managementService.executeJob(job.getId());
        }

        JsonNode escalations = run(ApiClient.as(port, "supervisor"), "Escalations", "FLT0002-01");

        assertThat(escalations.toString()).contains("Review case nearing custody limit").contains("FLT0002-01");
    }

    @Test
    void unaccompaniedChildrenHoldsAChildsTasksForTheAgentAndTheOrrLiaisonAndNoAdults() {
        ApiClient agent = ApiClient.as(port, "agent");
        agent.post("/api/apprehensions", ApprehensionFixtures.childWithAunt("FLT0003"));
        TasklistClient tasks = new TasklistClient(agent);
        tasks.completeIntake("FLT0003-01", false);
        tasks.completeIntake("FLT0003-02", false);

        assertThat(run(agent, "Unaccompanied children", "FLT0003-02").toString())
                .contains("Notify HHS ORR of unaccompanied child");
        assertThat(run(agent, "Unaccompanied children", "FLT0003-01")).as("the aunt's tasks").isEmpty();
        assertThat(tasks.complete("FLT0003-02", "Task_NotifyHhsOfChild", java.util.Map.of("hhsReferralId", "UC-FLT3"))
                .status()).isEqualTo(204);
        assertThat(run(ApiClient.as(port, "orr-liaison"), "Unaccompanied children", "FLT0003-02").toString())
                .contains("Designate ORR placement");
    }

    @Test
    void escalationsAndTheChildrensListShowTheSupervisorALateHhsNotificationsFollowUpAndNobodyElse() {
        ApiClient agent = ApiClient.as(port, "agent");
        agent.post("/api/apprehensions", ApprehensionFixtures.childWithAunt("FLT0004", ApprehensionFixtures.hoursAgo(49)));
        TasklistClient tasks = new TasklistClient(agent);
        tasks.completeIntake("FLT0004-01", false);
        tasks.completeIntake("FLT0004-02", false);
        for (Job job : managementService.createJobQuery().executable().list()) {
            managementService.executeJob(job.getId());
        }

        ApiClient supervisor = ApiClient.as(port, "supervisor");
        assertThat(run(supervisor, "Escalations", "FLT0004-02").toString())
                .contains("Follow up late HHS notification");
        assertThat(run(supervisor, "Unaccompanied children", "FLT0004-02").toString())
                .contains("Follow up late HHS notification");
        for (String other : List.of("agent", "orr-liaison", "ice-officer")) {
            assertThat(run(ApiClient.as(port, other), "Escalations", "FLT0004-02").toString()).as(other)
                    .doesNotContain("Follow up late HHS notification");
        }
    }

    private List<String> filterNames(String user) {
        List<String> names = new ArrayList<>();
        ApiClient.as(port, user).get("/engine-rest/filter?resourceType=Task").json()
                .forEach(filter -> names.add(filter.get("name").asText()));
        return names;
    }

    /** The filter's tasks of one case, as Tasklist lists them when searching for the case. */
    private JsonNode run(ApiClient user, String filterName, String caseNumber) {
        String id = null;
        for (JsonNode filter : user.get("/engine-rest/filter?resourceType=Task").json()) {
            if (filter.get("name").asText().equals(filterName)) {
                id = filter.get("id").asText();
            }
        }
        assertThat(id).as(filterName).isNotNull();
        ApiClient.Response response = user.post("/engine-rest/filter/" + id + "/list?firstResult=0&maxResults=50",
                "{\"processVariables\": [], \"processInstanceBusinessKey\": \"" + caseNumber + "\","
                        + " \"sorting\": [{\"sortBy\": \"dueDate\", \"sortOrder\": \"asc\"}]}");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }
}
