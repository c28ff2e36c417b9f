package org.bordercustody.partner;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.bordercustody.ApiClient;
import org.bordercustody.PackagedApplication;
import org.bordercustody.TasklistClient;
import org.bordercustody.apprehension.ApprehensionFixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The packaged application is killed (SIGKILL) while cases are worked and ICE's webhook is down, so that deliveries
 * are pending; the webhook comes back and the application is started again: ICE receives the event of every
 * committed change, in the order of the feed for each case, and none of a change that did not commit.
 */
class PartnerDeliveryCrashIT {

    static EmbeddedPostgres postgres;
    static HikariDataSource dataSource;
    static WebhookReceiver ice;
    static Process application;

    @BeforeAll
    static void startDatabaseAndWebhook() throws Exception {
        postgres = EmbeddedPostgres.builder().setRegisterShutdownHook(false).start();
        dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        dataSource.setUsername("postgres");
        ice = new WebhookReceiver();
    }

    @AfterAll
    static void stopEverything() throws Exception {
        if (application != null) {
            application.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
        ice.close();
        dataSource.close();
        postgres.close();
    }

    @Test
    void afterAKillWithDeliveriesPendingEveryCommittedChangeReachesIceOnceBackAndNoOtherDoes() throws Exception {
        int port = PackagedApplication.freePort();
        ice.down();
        application = start(port, "partner-first");
        ApiClient agent = ApiClient.as(port, "agent");
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicBoolean killed = new AtomicBoolean(false);
        java.util.Queue<String> failedBeforeTheKill = new java.util.concurrent.ConcurrentLinkedQueue<>();
        AtomicInteger intakes = new AtomicInteger();
        AtomicInteger next = new AtomicInteger();
        ExecutorService load = Executors.newFixedThreadPool(3);
        for (int t = 0; t < 3; t++) {
            load.submit(() -> {
                while (running.get()) {
                    String event = "PDC%04d".formatted(next.getAndIncrement());
                    try {
                        ApiClient.Response response = agent.post("/api/apprehensions",
                                ApprehensionFixtures.singleAdult(event));
                        if (response.status() != 201) {
                            throw new IllegalStateException(event + " answered " + response.status() + " " + response.body());
                        }
                        new TasklistClient(agent).completeIntake(event + "-01", false);
                        intakes.incrementAndGet();
                    } catch (RuntimeException | AssertionError failure) {
                        // After the kill a lost connection is expected; before it, any failure is the test's.
                        if (!killed.get()) {
                            failedBeforeTheKill.add(failure.toString());
                        }
                    }
                }
            });
        }
        // Killed once some work is done and ICE's webhook refused some deliveries (a slow machine needs longer).
        Instant loadUntil = Instant.now().plusSeconds(60);
        while ((intakes.get() < 5 || ice.received.isEmpty()) && failedBeforeTheKill.isEmpty()
                && Instant.now().isBefore(loadUntil)) {
            Thread.sleep(200);
        }
        killed.set(true);
        application.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        running.set(false);
        load.shutdown();
        load.awaitTermination(30, TimeUnit.SECONDS);
        assertThat(failedBeforeTheKill).as("apprehensions and intakes that failed before the kill").isEmpty();
        assertThat(intakes).as("intakes completed before the kill").hasPositiveValue();
        assertThat(ice.received).as("attempts while the webhook is down").isNotEmpty();

        JdbcClient jdbc = JdbcClient.create(dataSource);
        List<String> committed = jdbc.sql("SELECT event_id FROM partner_event WHERE for_ice = TRUE").query(String.class).list();
        assertThat(committed).as("ICE's events of changes committed before the kill").isNotEmpty();
        ice.up();
        application = start(port, "partner-second");
        // A delivery job the killed node had locked is taken again when its lock expires: the job executor's lock
        // time, 5 minutes (docs/reliability.md); a job it had not locked runs at once.
        Instant deadline = Instant.now().plus(Duration.ofMinutes(6));
        while (!acknowledgedIds().containsAll(committed) && Instant.now().isBefore(deadline)) {
            Thread.sleep(500);
        }

        assertThat(acknowledgedIds()).as("every committed change's event arrived").containsAll(committed);
        Set<String> known = Set.copyOf(jdbc.sql("SELECT event_id FROM partner_event").query(String.class).list());
        assertThat(ice.received.stream().map(WebhookReceiver.Received::id).collect(Collectors.toSet()))
                .as("no event of a change that did not commit").isSubsetOf(known);
        assertThat(ice.received).as("every request signed").allMatch(WebhookReceiver.Received::signatureValid);

        ObjectMapper json = new ObjectMapper();
        Map<String, List<String>> arrived = new LinkedHashMap<>();
        for (WebhookReceiver.Received request : ice.acknowledged()) {
            String caseNumber = json.readTree(request.body()).get("subject").asText();
            List<String> ofCase = arrived.computeIfAbsent(caseNumber, c -> new ArrayList<>());
            if (!ofCase.contains(request.id())) {
                ofCase.add(request.id());
            }
        }
        for (Map.Entry<String, List<String>> ofCase : arrived.entrySet()) {
            assertThat(ofCase.getValue()).as("in the order of the feed for " + ofCase.getKey())
                    .containsExactlyElementsOf(jdbc.sql("SELECT event_id FROM partner_event WHERE for_ice = TRUE"
                                    + " AND case_number = :c AND event_id IN (:ids) ORDER BY feed_position")
                            .param("c", ofCase.getKey()).param("ids", ofCase.getValue()).query(String.class).list());
        }
        long redelivered = ice.acknowledged().size() - acknowledgedIds().size();
        System.out.printf("partner crash: %d ICE events committed before the kill, all delivered after restart;"
                + " %d requests in all, %d acknowledged twice%n", committed.size(), ice.received.size(), redelivered);
    }

    private static Set<String> acknowledgedIds() {
        return ice.acknowledged().stream().map(WebhookReceiver.Received::id).collect(Collectors.toSet());
    }

    private static Process start(int port, String run) throws Exception {
        return PackagedApplication.start(port, run, postgres.getJdbcUrl("postgres", "postgres"),
                "--custody.partners.simulator.enabled=false",
                "--custody.partners.ice.webhook-url=" + ice.url("/ice/events"),
                "--custody.partners.ice.webhook-secret=" + WebhookReceiver.SECRET,
                "--custody.partners.orr.webhook-url=",
                "--custody.partners.first-retry=PT1S");
    }
}
