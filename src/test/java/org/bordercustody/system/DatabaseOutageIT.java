package org.bordercustody.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.bordercustody.ApiClient;
import org.bordercustody.CustodyApplicationTest;
import org.bordercustody.PackagedApplication;
import org.bordercustody.apprehension.ApprehensionFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;

/**
 * PostgreSQL is stopped for a few seconds and started again while agents post apprehensions and read their tasks
 * through /engine-rest and Tasklist's /camunda/api: every call answers 2xx or 503 with Retry-After and a problem document, never 500;
 * readiness is down while the database is; every acknowledged apprehension is recorded once, none answered 503 is
 * recorded; and after the restart apprehensions are acknowledged again.
 */
@CustodyApplicationTest
@Import(DatabaseOutageIT.RestartablePostgres.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
// The web apps keep state for the whole JVM: this is the only context of the integration tests' JVM that serves them.
class DatabaseOutageIT {

    static final Duration OUTAGE = Duration.ofSeconds(5);

    @LocalServerPort
    int port;
    @Autowired
    RestartablePostgres postgres;
    @Autowired
    JdbcClient jdbc;

    /** A call's answer, with when it was sent and when it was answered. */
    record Answer(String call, Instant sent, Instant at, ApiClient.Response response) {

        static Answer to(String call, java.util.function.Supplier<ApiClient.Response> sending) {
            Instant sent = Instant.now();
            ApiClient.Response response = sending.get();
            return new Answer(call, sent, Instant.now(), response);
        }
    }

    @Test
    void callsDuringADatabaseRestartAnswer503WithRetryAfterAndNoAcknowledgedCaseIsLost() throws Exception {
        ApiClient agent = ApiClient.as(port, "agent");
        ApiClient anonymous = ApiClient.anonymous(port);
        assertThat(agent.post("/api/apprehensions", ApprehensionFixtures.singleAdult("OUT0000")).status())
                .isEqualTo(201);

        ApiClient tasklist = ApiClient.anonymous(port);
        assertThat(tasklist.webappLogin("tasklist", "agent", "agent").status()).isEqualTo(200);
        java.util.Map<String, String> csrf = java.util.Map.of("X-XSRF-TOKEN", tasklist.webappCsrfToken());

        Queue<Answer> answers = new ConcurrentLinkedQueue<>();
        Queue<Answer> readiness = new ConcurrentLinkedQueue<>();
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        Set<String> refused = ConcurrentHashMap.newKeySet();
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger next = new AtomicInteger(1);
        ExecutorService load = Executors.newFixedThreadPool(6);
        for (int t = 0; t < 3; t++) {
            load.submit(() -> {
                while (running.get()) {
                    String event = "OUT%04d".formatted(next.getAndIncrement());
                    Answer answer = Answer.to("POST /api/apprehensions " + event,
                            () -> agent.post("/api/apprehensions", ApprehensionFixtures.singleAdult(event)));
                    answers.add(answer);
                    ApiClient.Response response = answer.response();
                    if (response.status() == 201) {
                        acknowledged.add(event);
                    } else if (response.status() == 503) {
                        refused.add(event);
                    }
                }
                return null;
            });
        }
        load.submit(() -> {
            while (running.get()) {
                answers.add(Answer.to("GET /engine-rest/task", () -> agent.get("/engine-rest/task?maxResults=5")));
                Thread.sleep(100);
            }
            return null;
        });
        load.submit(() -> {
            while (running.get()) {
                answers.add(Answer.to("GET /camunda/api/engine/engine/default/task", () -> tasklist.send("GET",
                        "/camunda/api/engine/engine/default/task?maxResults=5", null, null, false, csrf)));
                Thread.sleep(100);
            }
            return null;
        });
        load.submit(() -> {
            while (running.get()) {
                readiness.add(Answer.to("readiness", () -> anonymous.get("/actuator/health/readiness")));
                Thread.sleep(200);
            }
            return null;
        });

        Thread.sleep(3000);
        Instant stopped = Instant.now();
        postgres.stop();
        Thread.sleep(OUTAGE.toMillis());
        Instant restarting = Instant.now();
        postgres.start();
        Instant started = Instant.now();
        Instant deadline = started.plusSeconds(30);
        while (Instant.now().isBefore(deadline) && !acknowledgedAfter(answers, started.plusSeconds(1))) {
            Thread.sleep(200);
        }
        Thread.sleep(2000);
        running.set(false);
        load.shutdown();
        assertThat(load.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

        assertThat(answers).as("answers other than 2xx or 503")
                .filteredOn(a -> a.response().status() / 100 != 2 && a.response().status() != 503)
                .extracting(a -> a.call() + " " + a.response().status() + " " + a.response().body()).isEmpty();
        List<Answer> unavailable = answers.stream().filter(a -> a.response().status() == 503).toList();
        assertThat(unavailable).as("calls answered 503 while the database was down").isNotEmpty();
        for (Answer answer : unavailable) {
            assertThat(answer.response().headers().get("Retry-After")).as(answer.call()).containsExactly("5");
            assertThat(answer.response().contentType()).as(answer.call()).isEqualTo("application/problem+json");
            assertThat(answer.response().json().get("detail").asText()).as(answer.call())
                    .isEqualTo("The database is not reachable; nothing was recorded. Try again shortly.");
        }
        assertThat(unavailable).as("engine calls answered 503")
                .anyMatch(a -> a.call().startsWith("GET /engine-rest/"));
        assertThat(unavailable).as("web app calls answered 503")
                .anyMatch(a -> a.call().startsWith("GET /camunda/api/"));
        assertThat(answers).as("web app calls answered 200 after the restart")
                .anyMatch(a -> a.call().startsWith("GET /camunda/api/") && a.response().status() == 200
                        && a.sent().isAfter(started));

        List<Answer> readinessDown = readiness.stream().filter(a -> a.response().status() == 503).toList();
        assertThat(readinessDown).as("readiness answered 503 while the database was down").isNotEmpty();
        assertThat(readinessDown).allMatch(a -> !a.at().isBefore(stopped));
        assertThat(readiness).as("readiness answers").extracting(a -> a.response().status()).containsOnly(200, 503)
                .last().isEqualTo(200);

        assertThat(acknowledged).as("apprehensions acknowledged after the restart")
                .isNotEmpty();
        assertThat(acknowledgedAfter(answers, started.plusSeconds(1))).as("apprehensions acknowledged after the restart")
                .isTrue();
        for (String event : acknowledged) {
            assertThat(jdbc.sql("SELECT COUNT(*) FROM custody_case WHERE event_number = :e").param("e", event)
                    .query(Long.class).single()).as("cases of acknowledged " + event).isEqualTo(1);
        }
        for (String event : refused) {
            assertThat(jdbc.sql("SELECT COUNT(*) FROM custody_case WHERE event_number = :e").param("e", event)
                    .query(Long.class).single()).as("cases of " + event + ", answered 503").isZero();
        }

        List<Answer> apprehensionsInTheOutage = answers.stream().filter(a -> a.call().startsWith("POST")
                && a.at().isAfter(stopped) && a.sent().isBefore(started)).toList();
        Instant firstDown = readinessDown.get(0).at();
        Instant upAgain = readiness.stream().filter(a -> a.response().status() == 200 && a.at().isAfter(firstDown))
                .findFirst().orElseThrow().at();
        System.out.printf("database outage of %d s: %d apprehensions acknowledged; of those in flight or sent while the"
                + " database was down %d answered 201 and %d answered 503; %d engine and %d web app calls answered"
                + " 503; readiness"
                + " down %d ms (first 503 %d ms after the stop, 200 again %d ms after the restart began)%n",
                OUTAGE.toSeconds(), acknowledged.size(),
                apprehensionsInTheOutage.stream().filter(a -> a.response().status() == 201).count(),
                apprehensionsInTheOutage.stream().filter(a -> a.response().status() == 503).count(),
                unavailable.stream().filter(a -> a.call().startsWith("GET /engine-rest/")).count(),
                unavailable.stream().filter(a -> a.call().startsWith("GET /camunda/api/")).count(),
                Duration.between(firstDown, upAgain).toMillis(), Duration.between(stopped, firstDown).toMillis(),
                Duration.between(restarting, upAgain).toMillis());
    }

    private static boolean acknowledgedAfter(Queue<Answer> answers, Instant after) {
        return answers.stream().anyMatch(a -> a.response().status() == 201 && a.at().isAfter(after));
    }

    /**
     * A PostgreSQL 17 server that can be stopped and started again on the same port and data directory. Spring closes
     * the data source, and only then the server, when the context closes.
     */
    @TestConfiguration(proxyBeanMethods = false)
    static class RestartablePostgres implements org.springframework.beans.factory.DisposableBean {

        private final int port = PackagedApplication.freePort();
        private final Path dataDirectory;
        private volatile EmbeddedPostgres server;

        RestartablePostgres() throws IOException {
            dataDirectory = Files.createTempDirectory("outage-postgres");
            start();
        }

        void start() throws IOException {
            server = EmbeddedPostgres.builder().setRegisterShutdownHook(false).setPort(port)
                    .setDataDirectory(dataDirectory).setCleanDataDirectory(false).start();
        }

        void stop() throws IOException {
            server.close();
        }

        @Bean(destroyMethod = "close")
        DataSource dataSource() {
            HikariDataSource dataSource = new HikariDataSource();
            dataSource.setJdbcUrl("jdbc:postgresql://localhost:" + port + "/postgres?user=postgres");
            dataSource.setUsername("postgres");
            dataSource.setMaximumPoolSize(20);
            // A call waits this long for a connection while the database is down, then answers 503.
            dataSource.setConnectionTimeout(2000);
            return dataSource;
        }

        @Override
        public void destroy() throws IOException {
            stop();
            org.springframework.util.FileSystemUtils.deleteRecursively(dataDirectory);
        }
    }
}
