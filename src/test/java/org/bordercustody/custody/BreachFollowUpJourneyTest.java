package org.bordercustody.custody;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.bordercustody.ApiClient;
import org.bordercustody.CustodyApplicationTest;
import org.bordercustody.Journeys;
import org.bordercustody.TasklistClient;
import org.bordercustody.apprehension.ApprehensionFixtures;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Each clock's breach, followed by each way its case can end, through the running application: the follow-up task
 * is still there once the case ended, one per person and clock; completing it with a cause from the list records the
 * cause and the action on the breach and the timeline, in words; Camunda's task history deletes no follow-up.
 */
@CustodyApplicationTest
class BreachFollowUpJourneyTest {

    static final java.util.regex.Pattern CODE = java.util.regex.Pattern.compile("\\b[A-Z0-9]{2,}_[A-Z0-9_]{2,}\\b");
    static final AtomicInteger EVENTS = new AtomicInteger();

    /** How a case leaves the path whose clock ran out. */
    enum Ending {
        RELEASE("RELEASED_AWAITING_CHECK_IN"),
        REMOVAL("REMOVED"),
        TRANSFER_TO_ICE("TRANSFERRED_TO_ICE"),
        TRANSFER_TO_ORR("TRANSFERRED_TO_ORR"),
        CHILD_RETURNED("REMOVED"),
        RELEASED_FROM_ICE_FAMILY_CUSTODY("RELEASED_AWAITING_CHECK_IN"),
        REMOVED_FROM_ICE_FAMILY_CUSTODY("REMOVED");

        final String status;

        Ending(String status) {
            this.status = status;
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    ManagementService managementService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    HistoryService historyService;
    @Autowired
    BreachRepository breaches;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @ParameterizedTest(name = "{0} breached, then {1}")
    @CsvSource({
        "CBP_HOLDING_LIMIT, RELEASE",
        "CBP_HOLDING_LIMIT, REMOVAL",
        "CBP_HOLDING_LIMIT, TRANSFER_TO_ICE",
        "CBP_HOLDING_LIMIT, TRANSFER_TO_ORR",
        "CBP_HOLDING_LIMIT, CHILD_RETURNED",
        "HHS_NOTIFICATION, TRANSFER_TO_ORR",
        "HHS_NOTIFICATION, CHILD_RETURNED",
        "CONTIGUOUS_COUNTRY_SCREENING, TRANSFER_TO_ORR",
        "CONTIGUOUS_COUNTRY_SCREENING, CHILD_RETURNED",
        "ORR_TRANSFER, TRANSFER_TO_ORR",
        "ORR_TRANSFER, CHILD_RETURNED",
        "FLORES_FAMILY_CUSTODY, RELEASED_FROM_ICE_FAMILY_CUSTODY",
        "FLORES_FAMILY_CUSTODY, REMOVED_FROM_ICE_FAMILY_CUSTODY"})
    void theFollowUpOfABreachOutlivesTheCaseAndRecordsItsCauseAndAction(LegalClock clock, Ending ending) {
        String event = "BFU%04d".formatted(EVENTS.incrementAndGet());
        String caseNumber = breached(event, clock, ending);
        String followUpTask = BreachFollowUpProcess.TASK_OF.get(clock);
        TasklistClient responsible = new TasklistClient(ApiClient.as(port,
                clock == LegalClock.FLORES_FAMILY_CUSTODY ? "ice-officer" : "supervisor"));
        assertThat(responsible.taskId(caseNumber, followUpTask)).as("the follow-up once the clock ran out").isNotNull();

        end(event, caseNumber, ending);

        assertThat(caseView(caseNumber).get("status").asText()).isEqualTo(ending.status);
        String taskId = responsible.taskId(caseNumber, followUpTask);
        assertThat(openTaskNames(caseNumber)).as("one follow-up task per person and clock")
                .containsOnlyOnce(taskName(followUpTask));
        ApiClient.Response explained = responsible.completeTask(taskId, Map.of("overdueCause", "TRANSPORT_NOT_AVAILABLE",
                "overdueAction", "Bus requested from the sector"));
        assertThat(explained.status()).as(explained.body()).isEqualTo(204);

        assertThat(breaches.explanationOf(caseNumber, clock)).hasValueSatisfying(explanation -> {
            assertThat(explanation.cause()).isEqualTo(BreachCause.TRANSPORT_NOT_AVAILABLE);
            assertThat(explanation.actionTaken()).isEqualTo("Bus requested from the sector");
            assertThat(explanation.explainedBy()).isEqualTo(
                    clock == LegalClock.FLORES_FAMILY_CUSTODY ? "ice-officer" : "supervisor");
        });
        List<String> explanations = timeline(caseNumber).stream()
                .filter(entry -> entry.get("type").asText().equals("BREACH_EXPLAINED"))
                .map(entry -> entry.get("description").asText()).toList();
        assertThat(explanations).singleElement().satisfies(description -> assertThat(description)
                .startsWith(clock.description() + " passed at ")
                .endsWith("Cause: Transport not available. Action taken: Bus requested from the sector")
                .doesNotContainPattern(CODE));
        List<HistoricTaskInstance> followUps = historyService.createHistoricTaskInstanceQuery()
                .processInstanceBusinessKey(caseNumber).taskDefinitionKey(followUpTask).list();
        assertThat(followUps).as("one follow-up of the clock, ever").singleElement()
                .satisfies(task -> assertThat(task.getDeleteReason()).isEqualTo("completed"));
        assertThat(historyService.createHistoricTaskInstanceQuery().processInstanceBusinessKey(caseNumber)
                .taskDefinitionKeyIn(BreachFollowUpProcess.TASK_OF.values().toArray(String[]::new)).list())
                .as("no follow-up of any clock of the case deleted")
                .noneMatch(task -> "deleted".equals(task.getDeleteReason()));
    }

    @Test
    void aSupervisorHasOneTaskOnceTheLimitIsReachedAndTheCauseMustComeFromTheList() {
        String caseNumber = new Journeys(port).adultAfterIntake("BFU0900");
        advance(Duration.ofHours(49));
        runDueJobs(caseNumber);
        assertThat(openTaskNames(caseNumber)).contains("Review case nearing custody limit");
        advance(Duration.ofHours(24));
        runDueJobs(caseNumber);
        assertThat(openTaskNames(caseNumber)).as("the review ends when the limit is reached")
                .containsOnlyOnce("Custody limit exceeded").doesNotContain("Review case nearing custody limit");
        TasklistClient supervisor = new TasklistClient(ApiClient.as(port, "supervisor"));
        String taskId = supervisor.taskId(caseNumber, BreachFollowUpProcess.Elements.TASK_RESOLVE_CUSTODY_LIMIT_BREACH);
        JsonNode form = ApiClient.as(port, "supervisor").get("/engine-rest/task/" + taskId + "/form-variables").json();
        assertThat(form.at("/breachedClockWords/value").asText()).as("the clock in words")
                .startsWith("CBP holding limit (TEDS 2015 section 1.8), passed at ").doesNotContainPattern(CODE);
        int entries = timeline(caseNumber).size();

        for (Map<String, Object> refused : List.<Map<String, Object>>of(
                Map.of("overdueAction", "called"),
                Map.of("overdueCause", "no bus", "overdueAction", "called"),
                Map.of("overdueCause", "OTHER", "overdueAction", "called"),
                Map.of("overdueCause", "MEDICAL_CARE", "overdueAction", "x".repeat(1001)),
                Map.of("overdueCause", "MEDICAL_CARE"))) {
            ApiClient.Response response = supervisor.completeTask(taskId, refused);
            assertThat(response.status()).as(refused.toString()).isEqualTo(400);
            String field = !refused.containsKey("overdueCause") || refused.get("overdueCause").equals("no bus")
                    ? "overdueCause" : refused.get("overdueCause").equals("OTHER") ? "overdueCauseDetails"
                    : "overdueAction";
            assertThat(response.body()).as(refused.toString()).contains(field);
        }
        assertThat(timeline(caseNumber)).as("nothing recorded").hasSize(entries);
        assertThat(breaches.explanationOf(caseNumber, LegalClock.CBP_HOLDING_LIMIT)).isEmpty();
        assertThat(supervisor.taskId(caseNumber, BreachFollowUpProcess.Elements.TASK_RESOLVE_CUSTODY_LIMIT_BREACH))
                .isEqualTo(taskId);

        assertThat(supervisor.completeTask(taskId, Map.of("overdueCause", "OTHER", "overdueCauseDetails",
                "road closed by flooding", "overdueAction", "bus rerouted")).status()).isEqualTo(204);
        assertThat(breaches.explanationOf(caseNumber, LegalClock.CBP_HOLDING_LIMIT)).hasValueSatisfying(explanation ->
                assertThat(explanation.causeDetails()).isEqualTo("road closed by flooding"));
        assertThat(ApiClient.as(port, "agent").get("/engine-rest/task?processInstanceBusinessKey=" + caseNumber
                + "&taskDefinitionKey=" + BreachFollowUpProcess.Elements.TASK_RESOLVE_CUSTODY_LIMIT_BREACH).json())
                .as("an agent never sees the supervisor's follow-up").isEmpty();
    }

    /** The case of the event whose clock has just run out, still on the path it ran out on. */
    private String breached(String event, LegalClock clock, Ending ending) {
        Journeys journeys = new Journeys(port);
        TasklistClient agent = new TasklistClient(ApiClient.as(port, "agent"));
        return switch (clock) {
            case CBP_HOLDING_LIMIT -> {
                String caseNumber;
                if (ending == Ending.TRANSFER_TO_ORR || ending == Ending.CHILD_RETURNED) {
                    caseNumber = unaccompaniedChild(event);
                    notifyHhs(caseNumber);
                } else {
                    caseNumber = journeys.adultAfterIntake(event);
                }
                advance(Duration.ofHours(72));
                runDueJobs(caseNumber);
                assertThat(openTaskNames(caseNumber)).doesNotContain("Review case nearing custody limit");
                yield caseNumber;
            }
            case HHS_NOTIFICATION -> {
                String caseNumber = unaccompaniedChild(event);
                advance(Duration.ofHours(48));
                runDueJobs(caseNumber);
                yield caseNumber;
            }
            case CONTIGUOUS_COUNTRY_SCREENING -> {
                String caseNumber = unaccompaniedChild(event);
                notifyHhs(caseNumber);
                advance(Duration.ofHours(48));
                runDueJobs(caseNumber);
                yield caseNumber;
            }
            case ORR_TRANSFER -> {
                String caseNumber = unaccompaniedChild(event);
                notifyHhs(caseNumber);
                if (ending == Ending.TRANSFER_TO_ORR) {
                    screen(caseNumber, "REFER_TO_ORR");
                }
                advance(Duration.ofHours(73));
                runDueJobs(caseNumber);
                yield caseNumber;
            }
            case FLORES_FAMILY_CUSTODY -> {
                familyInIceFamilyCustody(event, agent);
                advance(Duration.ofDays(20).plusHours(1));
                runDueJobs(event + "-02");
                yield event + "-02";
            }
            default -> throw new IllegalArgumentException(clock + " has no follow-up");
        };
    }

    /** Carries the case (the family, for ICE family custody) out of the path whose clock ran out. */
    private void end(String event, String caseNumber, Ending ending) {
        TasklistClient agent = new TasklistClient(ApiClient.as(port, "agent"));
        TasklistClient supervisor = new TasklistClient(ApiClient.as(port, "supervisor"));
        TasklistClient ice = new TasklistClient(ApiClient.as(port, "ice-officer"));
        TasklistClient orr = new TasklistClient(ApiClient.as(port, "orr-liaison"));
        switch (ending) {
            case RELEASE -> new Journeys(port).release(caseNumber);
            case REMOVAL -> {
                completed(supervisor, caseNumber, "Task_ApproveCustodyOutcome", Map.of("approveProposal", "false",
                        "overrideOutcome", "EXPEDITED_REMOVAL", "overrideReason", "final order on file"));
                completed(agent, caseNumber, "Task_RecordRemoval", Map.of("departurePort", "Hidalgo"));
            }
            case TRANSFER_TO_ICE -> {
                completed(supervisor, caseNumber, "Task_ApproveCustodyOutcome", Map.of("approveProposal", "false",
                        "overrideOutcome", "TRANSFER_TO_ICE_DETENTION", "overrideReason", "absconded before"));
                completed(agent, caseNumber, "Task_PrepareIceTransfer", Map.of("iceFacility", "PISPC",
                        "transferRecord", "no medical issues"));
                completed(ice, caseNumber, "Task_AcceptIceTransfer", Map.of("iceBookInNumber", "B-" + event));
            }
            case TRANSFER_TO_ORR -> {
                if (isOpen(caseNumber, "Task_NotifyHhsOfChild")) {
                    notifyHhs(caseNumber);
                }
                if (isOpen(caseNumber, "Task_ScreenContiguousCountryChild")) {
                    screen(caseNumber, "REFER_TO_ORR");
                }
                completed(orr, caseNumber, "Task_DesignateOrrPlacement", Map.of("orrFacility", "ORR-SH-TX-01",
                        "orrPlacementType", "SHELTER"));
                completed(orr, caseNumber, "Task_ConfirmTransferToOrr", Map.of("orrReceivedBy", "R. Diaz"));
            }
            case CHILD_RETURNED -> {
                if (isOpen(caseNumber, "Task_NotifyHhsOfChild")) {
                    notifyHhs(caseNumber);
                }
                screen(caseNumber, "RETURN_PERMITTED");
            }
            case RELEASED_FROM_ICE_FAMILY_CUSTODY -> completed(ice, event + "-01", "Task_DecideFamilyCustodyOutcome",
                    new HashMap<>(Map.of("iceFamilyOutcome", "RELEASE", "iceFamilyOutcomeReason", "sponsor confirmed",
                            "addressStreet", Journeys.streetOf(event), "addressBuildingType", "SINGLE_UNIT",
                            "addressCity", "Houston", "addressState", "TX", "addressZip", "77002")));
            case REMOVED_FROM_ICE_FAMILY_CUSTODY -> completed(ice, event + "-01", "Task_DecideFamilyCustodyOutcome",
                    Map.of("iceFamilyOutcome", "REMOVAL", "iceFamilyOutcomeReason", "final order of removal"));
        }
    }

    /** A fifteen-year-old from Mexico, alone, after intake: HHS is to be notified next. */
    private String unaccompaniedChild(String event) {
        ApiClient.Response recorded = ApiClient.as(port, "agent").post("/api/apprehensions",
                ApprehensionFixtures.contiguousCountryTeen(event));
        assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
        new TasklistClient(ApiClient.as(port, "agent")).completeIntake(event + "-01", false);
        assertThat(caseView(event + "-01").get("classification").asText()).isEqualTo("UNACCOMPANIED_CHILD");
        return event + "-01";
    }

    private void notifyHhs(String caseNumber) {
        completed(new TasklistClient(ApiClient.as(port, "agent")), caseNumber, "Task_NotifyHhsOfChild",
                Map.of("hhsReferralId", "UC-" + caseNumber));
    }

    private void screen(String caseNumber, String outcome) {
        completed(new TasklistClient(ApiClient.as(port, "agent")), caseNumber, "Task_ScreenContiguousCountryChild",
                Map.of("screeningOutcome", outcome, "screeningNotes", "interviewed with an interpreter"));
    }

    /** A mother with a public-safety record and her two children, booked into a family residential center. */
    private void familyInIceFamilyCustody(String event, TasklistClient agent) {
        ApiClient.Response recorded = ApiClient.as(port, "agent").post("/api/apprehensions",
                ApprehensionFixtures.family(event));
        assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
        agent.completeIntake(event + "-01", true, Map.of("recordsCheckResult", "PUBLIC_SAFETY_OR_NATIONAL_SECURITY",
                "processingPathway", "NTA", "flightRisk", "HIGH"));
        agent.completeIntake(event + "-02", false);
        agent.completeIntake(event + "-03", false);
        completed(new TasklistClient(ApiClient.as(port, "supervisor")), event + "-01", "Task_ApproveCustodyOutcome",
                Map.of("approveProposal", "true"));
        completed(agent, event + "-01", "Task_PrepareIceTransfer", Map.of("iceFacility", "DILLEY",
                "transferRecord", "family of three"));
        completed(new TasklistClient(ApiClient.as(port, "ice-officer")), event + "-01", "Task_AcceptIceTransfer",
                Map.of("iceBookInNumber", "F-" + event));
        assertThat(caseView(event + "-02").get("status").asText()).isEqualTo("TRANSFERRED_TO_ICE");
    }

    private static void completed(TasklistClient user, String caseNumber, String task, Map<String, Object> answers) {
        ApiClient.Response response = user.complete(caseNumber, task, answers);
        assertThat(response.status()).as(task + ": " + response.body()).isEqualTo(204);
    }

    private boolean isOpen(String caseNumber, String taskDefinitionKey) {
        return ApiClient.as(port, "agent").get("/engine-rest/task?processInstanceBusinessKey=" + caseNumber
                + "&taskDefinitionKey=" + taskDefinitionKey).json().size() > 0;
    }

    private static void advance(Duration duration) {
        ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(duration)));
    }

    /** Runs the due jobs of the case's processes until none is left (a job may create another one due already). */
    private void runDueJobs(String caseNumber) {
        for (int round = 0; round < 5; round++) {
            List<Job> due = new ArrayList<>();
            for (ProcessInstance instance : runtimeService.createProcessInstanceQuery()
                    .processInstanceBusinessKey(caseNumber).list()) {
                due.addAll(managementService.createJobQuery().processInstanceId(instance.getId()).executable().list());
            }
            if (due.isEmpty()) {
                return;
            }
            due.forEach(job -> managementService.executeJob(job.getId()));
        }
    }

    private static String taskName(String taskDefinitionKey) {
        return switch (taskDefinitionKey) {
            case BreachFollowUpProcess.Elements.TASK_RESOLVE_CUSTODY_LIMIT_BREACH -> "Custody limit exceeded";
            case BreachFollowUpProcess.Elements.TASK_FOLLOW_UP_LATE_HHS_NOTIFICATION -> "Follow up late HHS notification";
            case BreachFollowUpProcess.Elements.TASK_FOLLOW_UP_LATE_SCREENING -> "Follow up late screening";
            case BreachFollowUpProcess.Elements.TASK_FOLLOW_UP_LATE_ORR_TRANSFER -> "Follow up late ORR transfer";
            default -> "Follow up Flores limit";
        };
    }

    private List<String> openTaskNames(String caseNumber) {
        List<String> names = new ArrayList<>();
        caseView(caseNumber).get("openTasks").forEach(task -> names.add(task.get("name").asText()));
        return names;
    }

    private JsonNode caseView(String caseNumber) {
        ApiClient.Response response = ApiClient.as(port, "supervisor").get("/api/cases/" + caseNumber);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private List<JsonNode> timeline(String caseNumber) {
        List<JsonNode> entries = new ArrayList<>();
        ApiClient.as(port, "supervisor").get("/api/cases/" + caseNumber + "/timeline").json().forEach(entries::add);
        return entries;
    }
}
