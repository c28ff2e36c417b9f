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
 * wait when separated from it. From every wait state of each earlier version, with each timer's due time unchanged,
 * and they then finish on the new model's paths. The earlier models are kept in the test resources exactly as they
 * were deployed.
 */
class ProcessMigrationTest {

    static final String EARLIER = "bpmn-earlier/migrant-custody-before-2026.12-people.bpmn";
    static final String PEOPLE = "bpmn-earlier/migrant-custody-before-2026.12-families.bpmn";
    /** The number of wait states of each earlier model. */
    static final Map<String, Integer> WAIT_STATES_OF = Map.of(EARLIER, 26, PEOPLE, 26);
    static final String NEWEST = "bpmn/migrant-custody.bpmn";
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
        for (String bean : matches(BEAN, read(EARLIER) + read(PEOPLE) + read(NEWEST), 1)) {
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
        assertThat(ProcessMigrations.PLANS).extracting(ProcessMigrations.Plan::leavesVersionTag)
                .containsExactly(null, "2026.12-people");
    }

    @ParameterizedTest
    @ValueSource(strings = {EARLIER, PEOPLE})
    void everyWaitStateOfAnEarlierVersionIsMigratedWithItsTimersDueAsBefore(String model) throws Exception {
        deploy(model);
        String earlierModel = read(model);
        List<String> waitStates = new java.util.ArrayList<>(matches(WAIT_STATE, earlierModel, 2));
        // The events after an event-based gateway are waited for at the gateway, not each on its own.
        for (String gateway : matches(EVENT_BASED_GATEWAY, earlierModel, 1)) {
            waitStates.removeAll(matches(Pattern.compile("sourceRef=\"" + gateway + "\" targetRef=\"([A-Za-z_]+)\""),
                    earlierModel, 1));
        }
        assertThat(waitStates).as("the earlier model's wait states").hasSize(WAIT_STATES_OF.get(model)).contains(CustodyProcess.Elements.GATEWAY_CHECK_IN_OR_DEADLINE,
                CustodyProcess.Elements.TASK_LOCATE_PERSON);
        Map<String, ProcessInstance> instances = new LinkedHashMap<>();
        Map<String, Map<String, Date>> timersBefore = new LinkedHashMap<>();
        for (String waitState : waitStates) {
            ProcessInstance instance = waitingAt(waitState);
            instances.put(waitState, instance);
            timersBefore.put(waitState, timers(instance));
        }
        ProcessDefinition earlier = definition();
        repositoryService.createDeployment().addClasspathResource(NEWEST).deploy();
        ProcessDefinition newest = definition();

        List<ProcessMigrations.Migrated> migrated = migrations().run();

        assertThat(migrated).singleElement().satisfies(run -> {
            assertThat(run.instances()).isEqualTo(waitStates.size());
            assertThat(run.fromVersion()).isEqualTo(earlier.getVersion());
            assertThat(run.toVersion()).isEqualTo(newest.getVersion());
        });
        for (Map.Entry<String, ProcessInstance> waiting : instances.entrySet()) {
            String id = waiting.getValue().getId();
            assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(id).singleResult()
                    .getProcessDefinitionId()).as(waiting.getKey()).isEqualTo(newest.getId());
            assertThat(activeActivities(runtimeService.getActivityInstance(id))).as(waiting.getKey())
                    .contains(waiting.getKey());
            assertThat(timers(waiting.getValue())).as("the timers of an instance at " + waiting.getKey())
                    .isEqualTo(timersBefore.get(waiting.getKey()));
        }
        assertThat(migrations().run()).as("run again: nothing left to move").isEmpty();
    }

    @Test
    void aChildWaitingForTheFamilysOutcomeOnTheEarlierVersionIsSeparatedAfterTheMigration() throws Exception {
        deploy(PEOPLE);
        ProcessInstance child = waitingAt(CustodyProcess.Elements.EVENT_FAMILY_OUTCOME_CARRIED_OUT);
        deploy(NEWEST);
        migrations().run();

        Date notifyBy = Date.from(NOW.plus(Duration.ofHours(48)));
        runtimeService.createMessageCorrelation(CustodyProcess.Messages.FAMILY_OUTCOME_CARRIED_OUT)
                .processInstanceId(child.getId())
                .setVariable("separatedFromFamily", true)
                .setVariable("hhsNotificationDeadline", notifyBy)
                .correlate();

        assertThat(activeActivities(runtimeService.getActivityInstance(child.getId())))
                .contains(CustodyProcess.Elements.TASK_NOTIFY_HHS_OF_CHILD);
        assertThat(engine.getTaskService().createTaskQuery().processInstanceId(child.getId()).singleResult()
                .getDueDate()).isEqualTo(notifyBy);
    }

    @Test
    void aReleasedPersonWaitingOnTheEarlierVersionIsApprehendedAgainAfterTheMigration() throws Exception {
        deploy(EARLIER);
        ProcessInstance waitingForCheckIn = waitingAt(CustodyProcess.Elements.GATEWAY_CHECK_IN_OR_DEADLINE);
        ProcessInstance beingLocated = waitingAt(CustodyProcess.Elements.TASK_LOCATE_PERSON);
        repositoryService.createDeployment().addClasspathResource(NEWEST).deploy();
        migrations().run();

        for (ProcessInstance instance : List.of(waitingForCheckIn, beingLocated)) {
            runtimeService.createMessageCorrelation(CustodyProcess.Messages.PERSON_RE_ENCOUNTERED)
                    .processInstanceId(instance.getId()).correlate();
            assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(instance.getId()).count())
                    .as("ended").isZero();
        }
        assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery()
                .activityId(CustodyProcess.Elements.END_RE_ENCOUNTERED).count()).isEqualTo(1);
        assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery()
                .activityId(CustodyProcess.Elements.END_LOCATED_BY_RE_ENCOUNTER).count()).isEqualTo(1);
    }

    @Test
    void withoutTheMigrationACaseOfTheEarlierVersionCannotBeEndedByAReEncounter() throws Exception {
        deploy(EARLIER);
        ProcessInstance waitingForCheckIn = waitingAt(CustodyProcess.Elements.GATEWAY_CHECK_IN_OR_DEADLINE);
        repositoryService.createDeployment().addClasspathResource(NEWEST).deploy();

        assertThat(runtimeService.createMessageCorrelation(CustodyProcess.Messages.PERSON_RE_ENCOUNTERED)
                .processInstanceId(waitingForCheckIn.getId()).correlateAllWithResult()).isEmpty();
    }

    private ProcessMigrations migrations() {
        return new ProcessMigrations(repositoryService, runtimeService, false);
    }

    private ProcessInstance waitingAt(String activityId) {
        Map<String, Object> clocks = new TreeMap<>();
        for (String name : List.of("custodyWarningAt", "custodyDeadline", "intakeDue", "hhsNotificationDeadline",
                "screeningDeadline", "orrTransferDeadline", "checkInDueBy", "floresDeadline")) {
            clocks.put(name, Date.from(NOW.plus(Duration.ofDays(name.length()))));
        }
        return runtimeService.createProcessInstanceByKey(CustodyProcess.KEY)
                .businessKey("MIG-" + activityId)
                .setVariables(clocks)
                .startBeforeActivity(activityId)
                .execute();
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

    private static String read(String resource) throws Exception {
        try (InputStream in = ProcessMigrationTest.class.getClassLoader().getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }
}
