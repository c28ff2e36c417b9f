package org.bordercustody.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The alert rules are valid for Prometheus, and each fires when it should and not before (promtool's rule tests). */
class AlertRulesTest {

    @BeforeAll
    static void requirePromtool() {
        assumeTrue(Prometheus.installed(), "Alert rule tests skipped: no /usr/bin/promtool. Install Debian's package: "
                + "apt-get install prometheus (.ci/run does).");
    }

    @Test
    void theAlertRulesAreValid() throws Exception {
        assertThat(promtool("check", "rules", "ops/prometheus/alerts.yml")).contains("SUCCESS: 8 rules found");
    }

    @Test
    void eachAlertFiresWhenItShouldAndStaysQuietOtherwise() throws Exception {
        assertThat(promtool("test", "rules", "ops/prometheus/alerts-test.yml")).contains("SUCCESS");
    }

    private static String promtool(String... arguments) throws IOException, InterruptedException {
        String[] command = new String[arguments.length + 1];
        command[0] = Prometheus.PROMTOOL.toString();
        System.arraycopy(arguments, 0, command, 1, arguments.length);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(output).isZero();
        return output;
    }
}
