package org.bordercustody.partner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.bordercustody.CustodyApplicationTest;
import org.bordercustody.Journeys;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The delivery jobs, run one at a time by the test instead of the job executor: a change creates one job per partner
 * in its own transaction and none when it rolls back; a run leaves a job only where events still wait; a run that
 * finds another one delivering comes again a moment later; the sweep replaces a job that failed beyond its retries
 * and adds none while nothing waits; the looping delivery process of earlier versions ends at start.
 */
@CustodyApplicationTest
class PartnerDeliveryJobsTest {

    static final WebhookReceiver ICE = start();
    static final WebhookReceiver ORR = start();

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ManagementService managementService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    RepositoryService repositoryService;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    PartnerEventFeed feed;
    @Autowired
    PartnerDeliveryJobs deliveryJobs;

    String caseNumber;

    @DynamicPropertySource
    static void webhooks(DynamicPropertyRegistry registry) {
        registry.add("custody.partners.ice.webhook-url", () -> ICE.url("/ice/events"));
        registry.add("custody.partners.ice.webhook-secret", () -> WebhookReceiver.SECRET);
        registry.add("custody.partners.orr.webhook-url", () -> ORR.url("/orr/events"));
        registry.add("custody.partners.orr.webhook-secret", () -> WebhookReceiver.SECRET);
        registry.add("custody.partners.first-retry", () -> "PT30S");
    }

    @AfterAll
    static void stop() {
        ICE.close();
        ORR.close();
    }

    @BeforeEach
    void aCaseAndEveryEventDelivered() {
        ICE.up();
        ORR.up();
        caseNumber = new Journeys(port).adultAwaitingIce("PDJ%04d".formatted(System.nanoTime() % 10_000));
        runDeliveryJobsUntilNoneIsDue();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM partner_delivery WHERE delivered_at IS NULL").query(Long.class)
                .single()).as("events waiting before the test").isZero();
        ICE.received.clear();
        ORR.received.clear();
    }

    @Test
    void aChangeQueueingSeveralEventsCreatesOneDeliveryJobPerPartnerDueAtOnce() {
        Instant before = Instant.now();
        transaction.executeWithoutResult(status -> {
            append("test-ice-only", true, false);
            append("test-ice-only", true, false);
            append("test-both", true, true);
        });

        assertThat(jobsOf(Partner.ICE)).hasSize(1);
        assertThat(jobsOf(Partner.ORR)).hasSize(1);
        assertThat(jobsOf(Partner.ICE).get(0).getDuedate()).as("due at once").isNull();
        assertThat(waiting(Partner.ICE)).isEqualTo(3);
        assertThat(waiting(Partner.ORR)).isEqualTo(1);
        assertThat(ICE.received).as("nothing sent before a job runs").isEmpty();
        assertThat(before).isBeforeOrEqualTo(Instant.now());
    }

    @Test
    void aChangeThatRollsBackLeavesNeitherAJobNorAnEventNorADelivery() {
        long events = count("partner_event");
        long deliveries = count("partner_delivery");

        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
            append("test-both", true, true);
            throw new IllegalStateException("the change fails after its event");
        })).hasMessageContaining("the change fails");

        assertThat(jobsOf(Partner.ICE)).isEmpty();
        assertThat(jobsOf(Partner.ORR)).isEmpty();
        assertThat(count("partner_event")).isEqualTo(events);
        assertThat(count("partner_delivery")).isEqualTo(deliveries);
    }

    @Test
    void aRunDeliversEverythingDueInOrderAndLeavesNoJobBehind() {
        transaction.executeWithoutResult(status -> {
            append("test-first", true, false);
            append("test-second", true, false);
        });

        managementService.executeJob(jobsOf(Partner.ICE).get(0).getId());

        assertThat(ICE.acknowledged()).extracting(r -> typeOf(r.body())).containsExactly("test-first", "test-second");
        assertThat(waiting(Partner.ICE)).isZero();
        assertThat(jobsOf(Partner.ICE)).as("idle: no job").isEmpty();
    }

    @Test
    void anEventIsDueWhenItIsQueuedWhateverTheTimeItTellsOf() {
        transaction.executeWithoutResult(status -> feed.append(caseNumber, "test-told-ahead",
                Instant.now().plus(Duration.ofHours(1)), "{}", true, false));

        managementService.executeJob(jobsOf(Partner.ICE).get(0).getId());

        assertThat(ICE.acknowledged()).extracting(r -> typeOf(r.body())).containsExactly("test-told-ahead");
        assertThat(jobsOf(Partner.ICE)).as("idle: no job").isEmpty();
    }

    @Test
    void aFailedAttemptLeavesOneJobDueAtTheEventsNextAttempt() {
        ICE.down();
        transaction.executeWithoutResult(status -> append("test-refused", true, false));

        Instant ran = Instant.now();
        managementService.executeJob(jobsOf(Partner.ICE).get(0).getId());

        assertThat(ICE.received).extracting(WebhookReceiver.Received::answered).containsExactly(503);
        List<Job> jobs = jobsOf(Partner.ICE);
        assertThat(jobs).hasSize(1);
        Instant nextAttempt = jdbc.sql("SELECT next_attempt_at FROM partner_delivery WHERE partner = 'ice'"
                        + " AND delivered_at IS NULL").query(java.sql.Timestamp.class).single().toInstant();
        assertThat(jobs.get(0).getDuedate().toInstant()).isEqualTo(nextAttempt);
        assertThat(Duration.between(ran, nextAttempt)).as("the first retry's wait")
                .isBetween(Duration.ofSeconds(29), Duration.ofSeconds(32));
        assertThat(jobs.get(0).getRetries()).as("a failed attempt is not a failed job").isEqualTo(3);

        ICE.up();
        ClockUtil.setCurrentTime(java.util.Date.from(Instant.now().plusSeconds(31)));
        try {
            managementService.executeJob(jobs.get(0).getId());
        } finally {
            ClockUtil.reset();
        }
        assertThat(ICE.acknowledged()).extracting(r -> typeOf(r.body())).containsExactly("test-refused");
        assertThat(jobsOf(Partner.ICE)).isEmpty();
    }

    @Test
    void aRunThatFindsAnotherDeliveringSendsNothingAndComesAgainAMomentLater() throws Exception {
        transaction.executeWithoutResult(status -> append("test-while-busy", true, false));
        Job job = jobsOf(Partner.ICE).get(0);
        CountDownLatch turnHeld = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService otherNode = Executors.newSingleThreadExecutor();
        try {
            Future<?> holder = otherNode.submit(() -> transaction.executeWithoutResult(status -> {
                jdbc.sql("SELECT partner FROM partner_delivery_turn WHERE partner = 'ice' FOR UPDATE")
                        .query(String.class).single();
                turnHeld.countDown();
                await(release);
            }));
            assertThat(turnHeld.await(10, TimeUnit.SECONDS)).isTrue();

            Instant ran = Instant.now();
            managementService.executeJob(job.getId());

            assertThat(ICE.received).isEmpty();
            List<Job> jobs = jobsOf(Partner.ICE);
            assertThat(jobs).hasSize(1);
            assertThat(jobs.get(0).getId()).isNotEqualTo(job.getId());
            assertThat(Duration.between(ran, jobs.get(0).getDuedate().toInstant()))
                    .isBetween(Duration.ZERO, PartnerDeliveryRun.TURN_TAKEN_WAIT.plusSeconds(1));
            release.countDown();
            holder.get(10, TimeUnit.SECONDS);

            managementService.executeJob(jobs.get(0).getId());
            assertThat(ICE.acknowledged()).extracting(r -> typeOf(r.body())).containsExactly("test-while-busy");
        } finally {
            release.countDown();
            otherNode.shutdownNow();
        }
    }

    @Test
    void theSweepReplacesAJobThatFailedBeyondItsRetriesAndAddsNoneWhileNothingWaits() {
        deliveryJobs.sweep();
        assertThat(jobsOf(Partner.ICE)).as("nothing waits: no job").isEmpty();

        transaction.executeWithoutResult(status -> append("test-lost-job", true, false));
        Job dead = jobsOf(Partner.ICE).get(0);
        managementService.setJobRetries(dead.getId(), 0);

        deliveryJobs.sweep();

        List<Job> jobs = jobsOf(Partner.ICE);
        assertThat(jobs).hasSize(1);
        assertThat(jobs.get(0).getId()).isNotEqualTo(dead.getId());
        assertThat(jobs.get(0).getRetries()).isPositive();
        deliveryJobs.sweep();
        assertThat(jobsOf(Partner.ICE)).as("a second sweep adds nothing").hasSize(1);

        managementService.executeJob(jobs.get(0).getId());
        assertThat(ICE.acknowledged()).extracting(r -> typeOf(r.body())).containsExactly("test-lost-job");
    }

    @Test
    void theLoopingDeliveryProcessOfEarlierVersionsEndsAtStart() {
        String deployment = repositoryService.createDeployment().addModelInstance("partner-delivery.bpmn",
                Bpmn.createExecutableProcess(PartnerDeliveryJobs.RETIRED_PROCESS_KEY).camundaHistoryTimeToLive(1)
                        .startEvent().receiveTask("Task_Wait").message("never").endEvent().done())
                .deploy().getId();
        try {
            runtimeService.startProcessInstanceByKey(PartnerDeliveryJobs.RETIRED_PROCESS_KEY, "ice");
            runtimeService.startProcessInstanceByKey(PartnerDeliveryJobs.RETIRED_PROCESS_KEY, "orr");

            deliveryJobs.onStart();

            assertThat(runtimeService.createProcessInstanceQuery()
                    .processDefinitionKey(PartnerDeliveryJobs.RETIRED_PROCESS_KEY).count()).isZero();
        } finally {
            repositoryService.deleteDeployment(deployment, true);
        }
    }

    private void append(String type, boolean forIce, boolean forOrr) {
        feed.append(caseNumber, type, Instant.now(), "{}", forIce, forOrr);
    }

    private void runDeliveryJobsUntilNoneIsDue() {
        for (int i = 0; i < 20; i++) {
            List<Job> due = managementService.createJobQuery().executable().list().stream()
                    .filter(job -> isDeliveryJob(job.getId())).toList();
            if (due.isEmpty()) {
                return;
            }
            due.forEach(job -> managementService.executeJob(job.getId()));
        }
    }

    private List<Job> jobsOf(Partner partner) {
        List<String> ids = jdbc.sql("SELECT ID_ FROM ACT_RU_JOB WHERE HANDLER_TYPE_ = :type AND HANDLER_CFG_ = :partner")
                .param("type", PartnerDeliveryJobs.TYPE).param("partner", partner.code()).query(String.class).list();
        return ids.stream().map(id -> managementService.createJobQuery().jobId(id).singleResult()).toList();
    }

    private boolean isDeliveryJob(String jobId) {
        return jdbc.sql("SELECT COUNT(*) FROM ACT_RU_JOB WHERE ID_ = :id AND HANDLER_TYPE_ = :type")
                .param("id", jobId).param("type", PartnerDeliveryJobs.TYPE).query(Long.class).single() == 1;
    }

    private long waiting(Partner partner) {
        return jdbc.sql("SELECT COUNT(*) FROM partner_delivery WHERE partner = :partner AND delivered_at IS NULL")
                .param("partner", partner.code()).query(Long.class).single();
    }

    private long count(String table) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
    }

    private static String typeOf(String body) {
        int at = body.indexOf("\"type\":\"") + 8;
        return body.substring(at, body.indexOf('"', at));
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static WebhookReceiver start() {
        try {
            return new WebhookReceiver();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
