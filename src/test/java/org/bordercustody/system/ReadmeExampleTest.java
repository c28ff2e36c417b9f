package org.bordercustody.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.TimeUnit;
import org.bordercustody.CustodyApplicationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** README's "Try it" commands, run as a new user runs them, against the application: they work on any day. */
@CustodyApplicationTest
class ReadmeExampleTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theTryItCommandsRecordAFamilyApprehendedTwoHoursAgoAndFindTheChild() throws Exception {
        String commands = tryItBlock().replace("localhost:8080", "localhost:" + port);
        String eventNumber = "SDC" + DateTimeFormatter.ofPattern("yyMMdd").format(OffsetDateTime.now(ZoneOffset.UTC)) + "0001";

        String output = runInBash(commands);

        assertThat(jdbc.sql("SELECT case_number FROM custody_case WHERE event_number = :event ORDER BY case_number")
                .param("event", eventNumber).query(String.class).list())
                .containsExactly(eventNumber + "-01", eventNumber + "-02");
        Instant apprehendedAt = jdbc.sql("SELECT apprehended_at FROM apprehension_event WHERE event_number = :event")
                .param("event", eventNumber).query(OffsetDateTime.class).single().toInstant();
        assertThat(Duration.between(apprehendedAt, Instant.now())).isBetween(Duration.ofMinutes(119), Duration.ofMinutes(125));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM custody_case WHERE event_number = :event AND custody_deadline > :now")
                .param("event", eventNumber).param("now", OffsetDateTime.now()).query(Long.class).single()).isEqualTo(2);
        assertThat(output).contains("\"caseNumber\":\"" + eventNumber + "-02\"");
        assertThat(output).contains("\"givenNames\":\"Luis\"");
    }

    private static String tryItBlock() throws IOException {
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
        int start = readme.indexOf("```\n", readme.indexOf("Try it")) + 4;
        return readme.substring(start, readme.indexOf("```", start));
    }

    private static String runInBash(String commands) throws Exception {
        Process bash = new ProcessBuilder("bash", "-e", "-c", commands).redirectErrorStream(true).start();
        String output = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(bash.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(bash.exitValue()).as(output).isZero();
        return output;
    }
}
