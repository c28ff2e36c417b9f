package org.bordercustody;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The packaged application in a JVM of its own, on a PostgreSQL database, so that a test can kill it. */
public final class PackagedApplication {

    private PackagedApplication() {
    }

    /** Starts the jar and waits until it is healthy; its output goes to target/crash-test/{run}.log. */
    public static Process start(int port, String run, String jdbcUrl, String... settings) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        File log = Files.createDirectories(Path.of("target", "crash-test")).resolve(run + ".log").toFile();
        List<String> command = new ArrayList<>(List.of(java, "-jar", applicationJar().toString(),
                "--server.port=" + port,
                "--spring.datasource.url=" + jdbcUrl,
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=",
                "--camunda.bpm.webapp.enabled=false",
                "--camunda.bpm.job-execution.enabled=true",
                "--camunda.bpm.job-execution.wait-time-in-millis=200",
                "--camunda.bpm.job-execution.max-wait=1000"));
        command.addAll(List.of(settings));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(180));
        while (Instant.now().isBefore(deadline)) {
            try {
                if (ApiClient.anonymous(port).get("/actuator/health").status() == 200) {
                    return process;
                }
            } catch (RuntimeException notYet) {
                // not listening yet
            }
            assertThat(process.isAlive()).as("application started; see " + log).isTrue();
            Thread.sleep(500);
        }
        throw new IllegalStateException("the application did not start within 180 s; see " + log);
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path applicationJar() throws IOException {
        try (var jars = Files.list(Path.of("target"))) {
            return jars.filter(path -> path.getFileName().toString().matches("border-custody-.*\\.jar"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("package the application first: ./mvnw verify"));
        }
    }
}
