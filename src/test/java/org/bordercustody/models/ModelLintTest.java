package org.bordercustody.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every model in bpmn/ passes bpmnlint's recommended rules and the Camunda Platform 7.24 compatibility rules
 * (src/test/bpmnlint/.bpmnlintrc) without an error, a warning or a note; and the linter refuses a model that joins two
 * flows at a task without a gateway and never ends.
 */
class ModelLintTest {

    private static final Path LINTER = Path.of("src/test/bpmnlint");
    private static final Path MODELS = Path.of("bpmn");
    private static final Path FAKE_JOIN = Path.of("src/test/resources/bpmnlint/fake-join.bpmn");
    /** The lock the installed node_modules came from: npm ci runs again only when package-lock.json changes. */
    private static final Path INSTALLED_LOCK = LINTER.resolve("node_modules/.installed-package-lock.json");
    private static final Duration TIMEOUT = Duration.ofMinutes(3);
    /** A finding as bpmnlint prints it: element, category, message, rule. */
    private static final Pattern FINDING =
            Pattern.compile("^\\s+(\\S+)\\s+(error|warning|info)\\s+(.+?)\\s+(\\S+)\\s*$", Pattern.MULTILINE);

    @BeforeAll
    static void installTheLinter() throws IOException, InterruptedException {
        assumeTrue(onPath("node") && onPath("npm"), "Model lint tests skipped: no node and npm on the PATH. "
                + "Install Debian's packages to run them: apt-get install nodejs npm (.ci/run does).");
        Path lock = LINTER.resolve("package-lock.json");
        if (Files.isRegularFile(INSTALLED_LOCK) && Files.mismatch(lock, INSTALLED_LOCK) == -1) {
            return;
        }
        Run install = run("npm", "ci", "--no-audit", "--no-fund");
        assertThat(install.exitCode()).as("npm ci in %s:%n%s", LINTER, install.output()).isZero();
        Files.copy(lock, INSTALLED_LOCK, StandardCopyOption.REPLACE_EXISTING);
    }

    static Stream<Path> models() throws IOException {
        try (Stream<Path> files = Files.list(MODELS)) {
            List<Path> models = files.filter(file -> file.toString().endsWith(".bpmn")).sorted().toList();
            assertThat(models).as("models in %s", MODELS).isNotEmpty();
            return models.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void theModelHasNoFinding(Path model) throws IOException, InterruptedException {
        Run lint = lint(model);
        assertThat(lint.output().isBlank() && lint.exitCode() == 0)
                .withFailMessage("bpmnlint finds problems in %s (exit %d):%n%s", model, lint.exitCode(), lint.output())
                .isTrue();
    }

    @Test
    void theLinterRefusesAFakeJoinAndAProcessWithoutAnEndEvent() throws IOException, InterruptedException {
        Run lint = lint(FAKE_JOIN);
        List<String> findings = findings(lint.output());
        assertThat(findings).as("bpmnlint on %s:%n%s", FAKE_JOIN, lint.output())
                .contains("Task_ReviewCase warning fake-join", "fakeJoin error end-event-required");
        // The process has no historyTimeToLive: a finding of the compatibility plugin proves its rules ran.
        assertThat(findings).as("bpmnlint on %s:%n%s", FAKE_JOIN, lint.output())
                .contains("fakeJoin info camunda-compat/history-time-to-live");
        assertThat(lint.exitCode()).as("bpmnlint on %s:%n%s", FAKE_JOIN, lint.output()).isNotZero();
    }

    private static Run lint(Path model) throws IOException, InterruptedException {
        return run("node", "node_modules/.bin/bpmnlint", model.toAbsolutePath().toString());
    }

    /** Each finding as "element category rule". */
    private static List<String> findings(String output) {
        Matcher finding = FINDING.matcher(output);
        return finding.results().map(found -> found.group(1) + " " + found.group(2) + " " + found.group(4)).toList();
    }

    /** Runs a command in the linter's directory, stdout and stderr as one text; it is killed after the timeout. */
    private static Run run(String... command) throws IOException, InterruptedException {
        Path log = Files.createTempFile("model-lint", ".log");
        try {
            // Into a file, not a pipe: a command that writes more than a pipe holds cannot block while it is awaited.
            Process process = new ProcessBuilder(command).directory(LINTER.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            boolean ended = process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            if (!ended) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor();
            }
            String output = Files.readString(log);
            assertThat(ended).as("%s did not end within %s:%n%s", String.join(" ", command), TIMEOUT, output).isTrue();
            return new Run(process.exitValue(), output);
        } finally {
            Files.deleteIfExists(log);
        }
    }

    private static boolean onPath(String program) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .filter(directory -> !directory.isEmpty())
                .anyMatch(directory -> Files.isExecutable(Path.of(directory, program)));
    }

    private record Run(int exitCode, String output) {
    }
}
