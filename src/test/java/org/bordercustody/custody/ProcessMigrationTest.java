package org.bordercustody.custody;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.withSettings;

import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.mock.MockExpressionManager;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Cases running on an earlier custody model are carried onto the newest: before 2026.12-people, a released person
 * apprehended again could not end the check-in wait; before 2026.12-families, a child could not leave the family's
 * wait when separated from it; before 2026.12-breaches, the custody process held the follow-up task of a breached
 * clock, which ending the case deleted; before 2026.12-processes, one process held the release follow-up too, which
 * is now a process of its own. From every wait state of each earlier version, with each timer's due time unchanged,
 * and they then finish on the new model's paths; a follow-up task goes to its own breach follow-up, a case waiting
 * for a check-in or being looked for goes to the release follow-up. The earlier models are kept in the test
 * resources exactly as they were deployed.
 */
class ProcessMigrationTest {

    static final String EARLIER = "bpmn-earlier/migrant-custody-before-2026.12-people.bpmn";
    static final String PEOPLE = "bpmn-earlier/migrant-custody-before-2026.12-families.bpmn";
    static final String FAMILIES = "bpmn-earlier/migrant-custody-before-2026.12-breaches.bpmn";
    static final String BREACHES = "bpmn-earlier/migrant-custody-before-2026.12-processes.bpmn";
    /** The number of wait states of each earlier model. */
    static final Map<String, Integer> WAIT_STATES_OF = Map.of(EARLIER, 26, PEOPLE, 26, FAMILIES, 27, BREACHES, 22);
    static final String NEWEST = "bpmn/migrant-custody.bpmn";
    static final String RELEASE_FOLLOW_UP = "bpmn/release-follow-up.bpmn";
    static final String ICE_FAMILY_CUSTODY = "bpmn/ice-family-custody.bpmn";
    static final String ORR_TRANSFER = "bpmn/orr-transfer.bpmn";
    /** Where a case stays on its version: inside ORR's transfer, which the custody process now calls. */
    static final String STAYS = "stays on its version";
    /** The processes cut out of the custody model in 2026.12-processes, by their models. */
    static final Map<String, String> CUT_FROM_CUSTODY = Map.of(ReleaseFollowUpProcess.KEY, RELEASE_FOLLOW_UP,
            IceFamilyCustodyProcess.KEY, ICE_FAMILY_CUSTODY);
    static final String BREACH_FOLLOW_UP = "bpmn/breach-follow-up.bpmn";
    /**
     * Where a case waits beside each follow-up task of the earlier models: the step whose clock ran out (the breach
     * timers do not interrupt it).
     */
    static final Map<String, String> WAITING_BESIDE = Map.of(
            "Task_ResolveCustodyLimitBreach", CustodyProcess.Elements.TASK_RECORD_INTAKE,
            "Task_FollowUpLateHhsNotification", OrrTransferProcess.Elements.TASK_NOTIFY_HHS_OF_CHILD,
            "Task_FollowUpLateScreening", OrrTransferProcess.Elements.TASK_SCREEN_CONTIGUOUS_COUNTRY_CHILD,
            "Task_FollowUpLateOrrTransfer", OrrTransferProcess.Elements.TASK_DESIGNATE_ORR_PLACEMENT,
            "Task_FollowUpFloresLimit", IceFamilyCustodyProcess.Elements.TASK_DECIDE_FAMILY_CUSTODY_OUTCOME);
    static final Pattern WAIT_STATE = Pattern.compile(
            "<bpmn:(userTask|intermediateCatchEvent|eventBasedGateway|receiveTask) id=\"([A-Za-z_]+)\"");
    static final Pattern EVENT_BASED_GATEWAY = Pattern.compile("<bpmn:eventBasedGateway id=\"([A-Za-z_]+)\"");
    static final Pattern BEAN = Pattern.compile("delegateExpression=\"\\$\\{([A-Za-z]+)}\"");
    static final Instant NOW = Instant.parse("2026-12-02T12:00:00Z");

    ProcessEngine engine;
    RuntimeService runtimeService;
    RepositoryService repositoryService;

    @BeforeEach
    void startEngineWithTheEarlierModel() throws Exception {
        StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
        configuration.setProcessEngineName("custody-migration-test");
        configuration.setJdbcUrl("jdbc:h2:mem:migration-test-" + System.nanoTime() + ";DB_CLOSE_DELAY=1000");
        configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_CREATE_DROP);
        configuration.setJobExecutorActivate(false);
        configuration.setExpressionManager(new MockExpressionManager());
        engine = configuration.buildProcessEngine();
        runtimeService = engine.getRuntimeService();
        repositoryService = engine.getRepositoryService();
        for (String bean : matches(BEAN, read(EARLIER) + read(PEOPLE) + read(FAMILIES) + read(BREACHES) + read(NEWEST)
                + read(RELEASE_FOLLOW_UP) + read(ICE_FAMILY_CUSTODY) + read(ORR_TRANSFER) + read(BREACH_FOLLOW_UP), 1)) {
            Mocks.register(bean, mock(JavaDelegate.class,
                    withSettings().extraInterfaces(TaskListener.class, ExecutionListener.class)));
        }
    }

    private void deploy(String model) {
        repositoryService.createDeployment().addClasspathResource(model).deploy();
    }

    @AfterEach
    void stopEngine() {
        Mocks.reset();
        engine.close();
    }

    @Test
    void theModelsCarryTheVersionTagsTheMigrationPlansName() throws Exception {
        assertThat(read(NEWEST)).contains("camunda:versionTag=\"" + CustodyProcess.VERSION_TAG + "\"");
        assertThat(read(EARLIER)).doesNotContain("camunda:versionTag");
        assertThat(read(PEOPLE)).contains("camunda:versionTag=\"2026.12-people\"");
        assertThat(read(FAMILIES)).contains("camunda:versionTag=\"2026.12-families\"");
        assertThat(read(BREACHES)).contains("camunda:versionTag=\"2026.12-breaches\"");
        assertThat(read(RELEASE_FOLLOW_UP)).contains("camunda:versionTag=\"" + ReleaseFollowUpProcess.VERSION_TAG + "\"");
        assertThat(ProcessMigrations.PLANS).extracting(ProcessMigrations.Plan::leavesVersionTag)
                .containsExactly(null, "2026.12-people", "2026.12-families", "2026.12-breaches");
    }

    @ParameterizedTest
    @ValueSource(strings = {EARLIER, PEOPLE, FAMILIES, BREACHES})
    void everyWaitStateOfAnEarlierVersionIsMigratedWithItsTimersDueAsBefore(String model) throws Exception {
        deploy(model);
        String earlierModel = read(model);
        List<String> waitStates = new java.util.ArrayList<>(matches(WAIT_STATE, earlierModel, 2));
        // The events after an event-based gateway are waited for at the gateway, not each on its own.
        for (String gateway : matches(EVENT_BASED_GATEWAY, earlierModel, 1)) {
            waitStates.removeAll(matches(Pattern.compile("sourceRef=\"" + gateway + "\" targetRef=\"([A-Za-z_]+)\""),
                    earlierModel, 1));
        }
        assertThat(waitStates).as("the earlier model's wait states").hasSize(WAIT_STATES_OF.get(model)).contains(ReleaseFollowUpProcess.Elements.GATEWAY_CHECK_IN_OR_DEADLINE,
                ReleaseFollowUpProcess.Elements.TASK_LOCATE_PERSON);
        Map<String, ProcessInstance> instances = new LinkedHashMap<>();
        Map<String, Map<String, Date>> timersBefore = new LinkedHashMap<>();
        for (String waitState : waitStates) {
            ProcessInstance instance = waitingAt(waitState);
            instances.put(waitState, instance);
            timersBefore.put(waitState, timers(instance));
        }
        ProcessDefinition earlier = definition();
        deployNewest();
        ProcessDefinition newest = definition();
        int handedOver = model.equals(BREACHES) ? 0 : WAITING_BESIDE.size();
        // Where each case goes: the process cut out of the custody model holding its wait (after a follow-up task
        // is handed over, the step beside it), else the custody model.
        Map<String, String> partOf = new LinkedHashMap<>();
        for (String waitState : waitStates) {
            String waitingAt = WAITING_BESIDE.getOrDefault(waitState, waitState);
            partOf.put(waitState, readUnchecked(ORR_TRANSFER).contains("id=\"" + waitingAt + "\"") ? STAYS
                    : CUT_FROM_CUSTODY.entrySet().stream()
                    .filter(part -> readUnchecked(part.getValue()).contains("id=\"" + waitingAt + "\""))
                    .map(Map.Entry::getKey).findFirst().orElse(CustodyProcess.KEY));
        }
        assertThat(partOf).containsEntry(ReleaseFollowUpProcess.Elements.GATEWAY_CHECK_IN_OR_DEADLINE,
                ReleaseFollowUpProcess.KEY).containsEntry(ReleaseFollowUpProcess.Elements.TASK_LOCATE_PERSON,
                ReleaseFollowUpProcess.KEY).containsEntry(IceFamilyCustodyProcess.Elements.TASK_DECIDE_FAMILY_CUSTODY_OUTCOME,
                IceFamilyCustodyProcess.KEY).containsEntry(OrrTransferProcess.Elements.TASK_DESIGNATE_ORR_PLACEMENT, STAYS);

        List<ProcessMigrations.Migrated> migrated = migrations().run();

        Map<String, Long> expected = new java.util.TreeMap<>();
        partOf.values().forEach(key -> expected.merge(key, 1L, Long::sum));
        assertThat(migrated).extracting(ProcessMigrations.Migrated::toProcess, ProcessMigrations.Migrated::toVersion,
                ProcessMigrations.Migrated::instances, ProcessMigrations.Migrated::followUpsHandedOver)
                .containsExactlyInAnyOrderElementsOf(expected.entrySet().stream().map(part -> part.getKey().equals(STAYS)
                        ? org.assertj.core.groups.Tuple.tuple(CustodyProcess.KEY, earlier.getVersion(), part.getValue(), 0L)
                        : org.assertj.core.groups.Tuple.tuple(part.getKey(), latest(part.getKey()).getVersion(),
                                part.getValue(), part.getKey().equals(CustodyProcess.KEY) ? (long) handedOver : 0L))
                        .toList());
        assertThat(migrated).allSatisfy(run -> assertThat(run.fromVersion()).isEqualTo(earlier.getVersion()));
        for (Map.Entry<String, ProcessInstance> waiting : instances.entrySet()) {
            String id = waiting.getValue().getId();
            ProcessInstance now = runtimeService.createProcessInstanceQuery().processInstanceId(id).singleResult();
            assertThat(now.getProcessDefinitionId()).as(waiting.getKey()).isEqualTo(partOf.get(waiting.getKey())
                    .equals(STAYS) ? earlier.getId() : latest(partOf.get(waiting.getKey())).getId());
            assertThat(now.getBusinessKey()).as(waiting.getKey()).isEqualTo(waiting.getValue().getBusinessKey());
            if (WAITING_BESIDE.containsKey(waiting.getKey())) {
                assertThat(activeActivities(runtimeService.getActivityInstance(id))).as(waiting.getKey())
                        .contains(WAITING_BESIDE.get(waiting.getKey())).doesNotContain(waiting.getKey());
                ProcessInstance followUp = followUpOf(waiting.getValue());
                assertThat(activeActivities(runtimeService.getActivityInstance(followUp.getId())))
                        .as("the breach follow-up of " + waiting.getKey()).contains(waiting.getKey());
            } else {
                assertThat(activeActivities(runtimeService.getActivityInstance(id))).as(waiting.getKey())
                        .contains(waiting.getKey());
            }
            Map<String, Date> timersAfter = new TreeMap<>(timersBefore.get(waiting.getKey()));
            if (waiting.getKey().equals(CustodyProcess.Elements.TASK_REVIEW_APPROACHING_CUSTODY_LIMIT)
                    && !read(model).contains(CustodyProcess.Elements.TIMER_CUSTODY_LIMIT_REACHED_BEFORE_REVIEW)) {
                // The review now ends when the limit is reached: its new timer is due by the case's holding limit.
                timersAfter.put(CustodyProcess.Elements.TIMER_CUSTODY_LIMIT_REACHED_BEFORE_REVIEW,
                        (Date) runtimeService.getVariable(id, "custodyDeadline"));
            }
            assertThat(timers(waiting.getValue())).as("the timers of an instance at " + waiting.getKey())
                    .isEqualTo(timersAfter);
        }
        assertThat(migrations().run()).as("run again: nothing left to move, those inside ORR's transfer stay")
                .allSatisfy(run -> assertThat(run.toVersion()).isEqualTo(run.fromVersion()));
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(BreachFollowUpProcess.KEY).count())
                .as("one follow-up for each follow-up task").isEqualTo(handedOver);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Task_ResolveCustodyLimitBreach", "Task_FollowUpLateHhsNotification",
        "Task_FollowUpLateScreening", "Task_FollowUpLateOrrTransfer", "Task_FollowUpFloresLimit"})
    void aFollowUpTaskOfTheEarlierVersionIsHandedToABreachFollowUpThatOutlivesTheCaseAndFinishes(String task)
            throws Exception {
        deploy(FAMILIES);
        ProcessInstance custody = waitingAt(task);
        String oldTask = engine.getTaskService().createTaskQuery().processInstanceId(custody.getId())
                .taskDefinitionKey(task).singleResult().getId();
        deployNewest();

        migrations().run();

        ProcessInstance followUp = followUpOf(custody);
        var handedOver = engine.getTaskService().createTaskQuery().processInstanceId(followUp.getId()).singleResult();
        assertThat(handedOver.getTaskDefinitionKey()).isEqualTo(task);
        assertThat(handedOver.getDueDate()).as("due by the deadline that was missed").isEqualTo(
                runtimeService.getVariable(custody.getId(), StartBreachFollowUpDelegate.DEADLINE_VARIABLE
                        .get(ProcessMigrations.EARLIER_FOLLOW_UP_TASKS.get(task))));
        assertThat(engine.getTaskService().createTaskQuery().taskId(oldTask).count()).as("the old task").isZero();

        runtimeService.deleteProcessInstance(custody.getId(), "case closed");
        assertThat(engine.getTaskService().createTaskQuery().taskId(handedOver.getId()).count())
                .as("the follow-up outlives the case").isEqualTo(1);
        engine.getTaskService().complete(handedOver.getId(), Map.of("overdueCause", "PROCESSING_BACKLOG",
                "overdueAction", "extra shift"));
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(followUp.getId()).count()).isZero();
        assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(followUp.getId())
                .activityId(BreachFollowUpProcess.Elements.END_BREACH_EXPLAINED).count()).isEqualTo(1);
    }

    @Test
    void aReleasedPersonOnTheSingleProcessMovesToTheReleaseFollowUpKeepingIdsClocksAndDataAndChecksInThere()
            throws Exception {
        deploy(BREACHES);
        var released = runtimeService.createProcessInstanceByKey(CustodyProcess.KEY).businessKey("MIG-RELEASED")
                .setVariables(Map.of("checkInDueBy", Date.from(NOW.plus(Duration.ofDays(60))), "personName",
                        "Ana Ramirez"))
                .startBeforeActivity(ReleaseFollowUpProcess.Elements.TASK_NOTIFY_ICE_OF_RELEASE)
                .startBeforeActivity(ReleaseFollowUpProcess.Elements.GATEWAY_CHECK_IN_OR_DEADLINE).execute();
        ProcessInstance missed = waitingAt(ReleaseFollowUpProcess.Elements.TASK_LOCATE_PERSON);
        String locateTask = engine.getTaskService().createTaskQuery().processInstanceId(missed.getId()).singleResult()
                .getId();
        Map<String, Date> timersBefore = timers(released);
        deployNewest();

        migrations().run();

        ProcessDefinition followUp = repositoryService.createProcessDefinitionQuery()
                .processDefinitionKey(ReleaseFollowUpProcess.KEY).latestVersion().singleResult();
        for (ProcessInstance instance : List.of(released, missed)) {
            ProcessInstance moved = runtimeService.createProcessInstanceQuery().processInstanceId(instance.getId())
                    .singleResult();
            assertThat(moved.getProcessDefinitionId()).isEqualTo(followUp.getId());
            assertThat(moved.getBusinessKey()).isEqualTo(instance.getBusinessKey());
        }
        assertThat(runtimeService.getVariable(released.getId(), "personName")).isEqualTo("Ana Ramirez");
        assertThat(timers(released)).as("the check-in deadline, due as before").isEqualTo(timersBefore)
                .containsKey(ReleaseFollowUpProcess.Elements.TIMER_CHECK_IN_DEADLINE_PASSED);
        assertThat(engine.getTaskService().createTaskQuery().taskId(locateTask).singleResult().getProcessDefinitionId())
                .as("the same search task, now the release follow-up's").isEqualTo(followUp.getId());

        engine.getManagementService().executeJob(engine.getManagementService().createJobQuery()
                .processInstanceId(released.getId()).activityId(ReleaseFollowUpProcess.Elements.TASK_NOTIFY_ICE_OF_RELEASE)
                .singleResult().getId());
        runtimeService.createMessageCorrelation(ReleaseFollowUpProcess.Messages.CHECK_IN_REPORTED)
                .processInstanceBusinessKey(released.getBusinessKey()).correlate();
        engine.getTaskService().complete(locateTask, Map.of("locateOutcome", "REFERRED_TO_FUGITIVE_OPERATIONS"));

        assertThat(runtimeService.createProcessInstanceQuery().processInstanceIds(
                java.util.Set.of(released.getId(), missed.getId())).count()).as("both finished").isZero();
        var history = engine.getHistoryService().createHistoricActivityInstanceQuery();
        assertThat(history.processInstanceId(released.getId()).activityId(ReleaseFollowUpProcess.Elements.END_CHECKED_IN)
                .count()).isEqualTo(1);
        assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(missed.getId())
                .activityId(ReleaseFollowUpProcess.Elements.END_FOLLOW_UP_CLOSED).count()).isEqualTo(1);
        assertThat(migrations().run()).as("run again: nothing left to move").isEmpty();
    }

    @Test
    void aFamilyInIceFamilyCustodyOnTheSingleProcessMovesToItsOwnProcessWithTheFloresClockAndIsReleasedThere()
            throws Exception {
        deploy(BREACHES);
        ProcessInstance deciding = waitingAt(IceFamilyCustodyProcess.Elements.TASK_DECIDE_FAMILY_CUSTODY_OUTCOME);
        Map<String, Date> floresBefore = timers(deciding);
        deployNewest();

        migrations().run();

        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(deciding.getId()).singleResult()
                .getProcessDefinitionId()).isEqualTo(latest(IceFamilyCustodyProcess.KEY).getId());
        assertThat(timers(deciding)).as("the Flores clock, due as before").isEqualTo(floresBefore)
                .containsKey(IceFamilyCustodyProcess.Elements.TIMER_FLORES_LIMIT_REACHED);
        Mocks.register("startReleaseFollowUp", new org.bordercustody.checkin.StartReleaseFollowUpDelegate());
        engine.getTaskService().complete(engine.getTaskService().createTaskQuery().processInstanceId(deciding.getId())
                .singleResult().getId(), Map.of("iceFamilyOutcome", "RELEASE", "addressRecurring", false,
                        "custodyExit", "RELEASED"));

        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(deciding.getId()).count())
                .as("ICE family custody ended").isZero();
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(ReleaseFollowUpProcess.KEY)
                .processInstanceBusinessKey(deciding.getBusinessKey()).count()).as("its release follow-up").isOne();
    }

    @Test
    void aChildInOrrsTransferOnTheSingleProcessStaysOnItsVersionAndFinishesThere() throws Exception {
        deploy(BREACHES);
        ProcessInstance receiving = waitingAt(OrrTransferProcess.Elements.TASK_CONFIRM_TRANSFER_TO_ORR);
        ProcessDefinition single = definition();
        deployNewest();

        assertThat(migrations().run()).extracting(ProcessMigrations.Migrated::toProcess,
                ProcessMigrations.Migrated::toVersion, ProcessMigrations.Migrated::instances)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(CustodyProcess.KEY, single.getVersion(), 1L));

        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(receiving.getId()).singleResult()
                .getProcessDefinitionId()).isEqualTo(single.getId());
        engine.getTaskService().complete(engine.getTaskService().createTaskQuery()
                .processInstanceId(receiving.getId()).singleResult().getId(), Map.of("orrReceivedBy", "M. Ortiz",
                        "custodyExit", "TRANSFERRED_TO_ORR"));
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(receiving.getId()).count())
                .as("finished on its version").isZero();
        assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery()
                .processInstanceId(receiving.getId()).activityId(CustodyProcess.Elements.END_TRANSFERRED_TO_ORR)
                .count()).isOne();
    }

    @Test
    void casesStillInCbpCustodyOnTheSingleProcessStayInTheCustodyProcessAndAreReleasedToTheFollowUp()
            throws Exception {
        deploy(BREACHES);
        ProcessInstance approving = waitingAt(CustodyProcess.Elements.TASK_ISSUE_RELEASE_DOCUMENTS);
        deployNewest();

        migrations().run();

        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(approving.getId()).singleResult()
                .getProcessDefinitionId()).isEqualTo(definition().getId());
        Mocks.register("startReleaseFollowUp", new org.bordercustody.checkin.StartReleaseFollowUpDelegate());
        runtimeService.setVariable(approving.getId(), "custodyExit", "RELEASED");
        engine.getTaskService().complete(engine.getTaskService().createTaskQuery().processInstanceId(approving.getId())
                .singleResult().getId());

        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(ReleaseFollowUpProcess.KEY)
                .processInstanceBusinessKey(approving.getBusinessKey()).singleResult())
                .as("the release follow-up of the case").isNotNull();
    }

    @Test
    void aChildWaitingForTheFamilysOutcomeOnTheEarlierVersionIsSeparatedAfterTheMigration() throws Exception {
        deploy(PEOPLE);
        ProcessInstance child = waitingAt(CustodyProcess.Elements.EVENT_FAMILY_OUTCOME_CARRIED_OUT);
        deployNewest();
        migrations().run();

        Date notifyBy = Date.from(NOW.plus(Duration.ofHours(48)));
        runtimeService.createMessageCorrelation(CustodyProcess.Messages.FAMILY_OUTCOME_CARRIED_OUT)
                .processInstanceId(child.getId())
                .setVariable("separatedFromFamily", true)
                .setVariable("hhsNotificationDeadline", notifyBy)
                .correlate();

        assertThat(activeActivities(runtimeService.getActivityInstance(child.getId())))
                .contains(CustodyProcess.Elements.CALL_TRANSFER_CHILD_TO_ORR);
        ProcessInstance orrTransfer = runtimeService.createProcessInstanceQuery().superProcessInstanceId(child.getId())
                .singleResult();
        assertThat(orrTransfer.getBusinessKey()).isEqualTo(child.getBusinessKey());
        assertThat(activeActivities(runtimeService.getActivityInstance(orrTransfer.getId())))
                .contains(OrrTransferProcess.Elements.TASK_NOTIFY_HHS_OF_CHILD);
        assertThat(engine.getTaskService().createTaskQuery().processInstanceId(orrTransfer.getId()).singleResult()
                .getDueDate()).isEqualTo(notifyBy);
    }

    @Test
    void aReleasedPersonWaitingOnTheEarlierVersionIsApprehendedAgainAfterTheMigration() throws Exception {
        deploy(EARLIER);
        ProcessInstance waitingForCheckIn = waitingAt(ReleaseFollowUpProcess.Elements.GATEWAY_CHECK_IN_OR_DEADLINE);
        ProcessInstance beingLocated = waitingAt(ReleaseFollowUpProcess.Elements.TASK_LOCATE_PERSON);
        deployNewest();
        migrations().run();

        for (ProcessInstance instance : List.of(waitingForCheckIn, beingLocated)) {
            runtimeService.createMessageCorrelation(ReleaseFollowUpProcess.Messages.PERSON_RE_ENCOUNTERED)
                    .processInstanceId(instance.getId()).correlate();
            assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(instance.getId()).count())
                    .as("ended").isZero();
        }
        assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery()
                .activityId(ReleaseFollowUpProcess.Elements.END_RE_ENCOUNTERED).count()).isEqualTo(1);
        assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery()
                .activityId(ReleaseFollowUpProcess.Elements.END_LOCATED_BY_RE_ENCOUNTER).count()).isEqualTo(1);
    }

    @Test
    void withoutTheMigrationACaseOfTheEarlierVersionCannotBeEndedByAReEncounter() throws Exception {
        deploy(EARLIER);
        ProcessInstance waitingForCheckIn = waitingAt(ReleaseFollowUpProcess.Elements.GATEWAY_CHECK_IN_OR_DEADLINE);
        deployNewest();

        assertThat(runtimeService.createMessageCorrelation(ReleaseFollowUpProcess.Messages.PERSON_RE_ENCOUNTERED)
                .processInstanceId(waitingForCheckIn.getId()).correlateAllWithResult()).isEmpty();
    }

    private ProcessMigrations migrations() {
        BreachFollowUps breachFollowUps = new BreachFollowUps(mock(CustodyEvents.class), mock(BreachRepository.class),
                mock(Timeline.class), runtimeService, java.time.Clock.systemUTC());
        return new ProcessMigrations(repositoryService, runtimeService, breachFollowUps, false);
    }

    private void deployNewest() {
        repositoryService.createDeployment().addClasspathResource(NEWEST).addClasspathResource(ORR_TRANSFER)
                .addClasspathResource(ICE_FAMILY_CUSTODY)
                .addClasspathResource(RELEASE_FOLLOW_UP).addClasspathResource(BREACH_FOLLOW_UP).deploy();
    }

    private ProcessDefinition latest(String processKey) {
        return repositoryService.createProcessDefinitionQuery().processDefinitionKey(processKey).latestVersion()
                .singleResult();
    }

    private ProcessInstance followUpOf(ProcessInstance custody) {
        return runtimeService.createProcessInstanceQuery().processDefinitionKey(BreachFollowUpProcess.KEY)
                .processInstanceBusinessKey(custody.getBusinessKey()).singleResult();
    }

    /** An instance waiting at the activity (and, at a follow-up task, at the step whose clock ran out as well). */
    private ProcessInstance waitingAt(String activityId) {
        Map<String, Object> clocks = new TreeMap<>();
        for (String name : List.of("custodyWarningAt", "custodyDeadline", "intakeDue", "hhsNotificationDeadline",
                "screeningDeadline", "orrTransferDeadline", "checkInDueBy", "floresDeadline")) {
            clocks.put(name, Date.from(NOW.plus(Duration.ofDays(name.length()))));
        }
        var instance = runtimeService.createProcessInstanceByKey(CustodyProcess.KEY)
                .businessKey("MIG-" + activityId)
                .setVariables(clocks);
        if (WAITING_BESIDE.containsKey(activityId)) {
            instance.startBeforeActivity(WAITING_BESIDE.get(activityId));
        }
        return instance.startBeforeActivity(activityId).execute();
    }

    private ProcessDefinition definition() {
        return repositoryService.createProcessDefinitionQuery().processDefinitionKey(CustodyProcess.KEY)
                .latestVersion().singleResult();
    }

    private Map<String, Date> timers(ProcessInstance instance) {
        Map<String, Date> timers = new TreeMap<>();
        for (Job job : engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).timers()
                .list()) {
            timers.put(engine.getManagementService().createJobDefinitionQuery()
                    .jobDefinitionId(job.getJobDefinitionId()).singleResult().getActivityId(), job.getDuedate());
        }
        return timers;
    }

    private static List<String> activeActivities(ActivityInstance instance) {
        List<String> ids = new java.util.ArrayList<>();
        ids.add(instance.getActivityId());
        for (ActivityInstance child : instance.getChildActivityInstances()) {
            ids.addAll(activeActivities(child));
        }
        return ids;
    }

    private static List<String> matches(Pattern pattern, String text, int group) {
        Matcher matcher = pattern.matcher(text);
        List<String> found = new java.util.ArrayList<>();
        while (matcher.find()) {
            if (!found.contains(matcher.group(group))) {
                found.add(matcher.group(group));
            }
        }
        return found;
    }

    private static String readUnchecked(String resource) {
        try {
            return read(resource);
        } catch (Exception e) {
            throw new IllegalStateException(resource, e);
        }
    }

    private static String read(String resource) throws Exception {
        try (InputStream in = ProcessMigrationTest.class.getClassLoader().getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }
}
