package org.bordercustody.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Date;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.impl.el.DateTimeFunctions;
import org.camunda.bpm.engine.impl.el.StartProcessVariableScope;
import org.camunda.bpm.impl.juel.jakarta.el.ELContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.support.StaticApplicationContext;

/**
 * The sandbox of query expressions, against the two ways an expression reaches code: a Spring bean, and a class
 * loaded by reflection from a string. Each payload is first shown to work where expressions are not sandboxed
 * (a process model's scope), so that the sandbox's refusal means something.
 */
class QuerySandboxExpressionManagerTest {

    public static final class Marker {
        final AtomicInteger calls = new AtomicInteger();

        public String touch() {
            calls.incrementAndGet();
            return "touched";
        }
    }

    @TempDir
    Path directory;
    Marker marker;
    QuerySandboxExpressionManager manager;

    @BeforeEach
    void engineExpressions() throws Exception {
        StaticApplicationContext context = new StaticApplicationContext();
        context.refresh();
        marker = new Marker();
        context.getBeanFactory().registerSingleton("marker", marker);
        manager = new QuerySandboxExpressionManager(context, null);
        manager.addFunction(DateTimeFunctions.NOW, DateTimeFunctions.class.getMethod(DateTimeFunctions.NOW));
        manager.addFunction(DateTimeFunctions.DATE_TIME, DateTimeFunctions.class.getMethod(DateTimeFunctions.DATE_TIME));
    }

    @Test
    void aBeanCalledFromAQueryExpressionIsNotReached() {
        String payload = "${marker.touch()}";
        assertThat(evaluateInProcessModel(payload)).isEqualTo("touched");
        assertThat(marker.calls).hasValue(1);

        assertThatThrownBy(() -> evaluateInQuery(payload)).satisfies(QuerySandboxExpressionManagerTest::refusedAsUnresolved)
                .hasMessageContaining("marker");
        assertThat(marker.calls).as("not called again").hasValue(1);
    }

    @Test
    void aClassLoadedByReflectionFromAQueryExpressionCreatesNoFile() throws Exception {
        Path shown = directory.resolve("shown");
        Path refused = directory.resolve("refused");
        assertThat(evaluateInProcessModel(fileCreatingPayload(shown))).isEqualTo(true);
        assertThat(shown).exists();

        assertThatThrownBy(() -> evaluateInQuery(fileCreatingPayload(refused))).satisfies(QuerySandboxExpressionManagerTest::refusedAsUnresolved)
                .hasMessageContaining("getClass");
        assertThat(refused).doesNotExist();
    }

    @Test
    void deferredSyntaxIsConfinedAlike() {
        assertThat(evaluateInProcessModel("#{marker.touch()}")).isEqualTo("touched");
        assertThat(marker.calls).hasValue(1);

        assertThatThrownBy(() -> evaluateInQuery("#{marker.touch()}")).satisfies(QuerySandboxExpressionManagerTest::refusedAsUnresolved)
                .hasMessageContaining("marker");
        assertThat(marker.calls).as("not called again").hasValue(1);
    }

    @Test
    void tasklistsDateArithmeticStillWorks() {
        Object inTwoDays = evaluateInQuery("${dateTime().plusDays(2).toDate()}");
        assertThat(inTwoDays).isInstanceOf(Date.class);
        assertThat(((Date) inTwoDays).getTime() - System.currentTimeMillis()).isBetween(170_000_000L, 173_000_000L);
        assertThat(evaluateInQuery("${now()}")).isInstanceOf(Date.class);
    }

    @Test
    void otherMethodsOfADateAreNotReached() {
        String loadsAClass = "${dateTime().getClass().forName('java.lang.Runtime')}";
        assertThat(evaluateInProcessModel(loadsAClass)).isEqualTo(Runtime.class);
        assertThat(evaluateInProcessModel("${now().getClass()}")).isEqualTo(Date.class);

        assertThatThrownBy(() -> evaluateInQuery(loadsAClass)).satisfies(QuerySandboxExpressionManagerTest::refusedAsUnresolved)
                .hasMessageContaining("getClass");
        assertThatThrownBy(() -> evaluateInQuery("${now().getClass()}"))
                .satisfies(QuerySandboxExpressionManagerTest::refusedAsUnresolved).hasMessageContaining("getClass");
    }

    /** The sandbox refuses by resolving nothing: the expression language answers that it found no such name or method. */
    private static void refusedAsUnresolved(Throwable thrown) {
        assertThat(thrown).as("refused for want of a resolver, not failed another way: %s", thrown)
                .isInstanceOfAny(org.camunda.bpm.impl.juel.jakarta.el.PropertyNotFoundException.class,
                        org.camunda.bpm.impl.juel.jakarta.el.MethodNotFoundException.class);
    }

    private static String fileCreatingPayload(Path file) {
        return "${''.getClass().forName('java.io.File').getConstructor(''.getClass()).newInstance('" + file
                + "').createNewFile()}";
    }

    private Object evaluateInProcessModel(String expression) {
        return evaluate(expression, manager.getElContext(StartProcessVariableScope.getSharedInstance()));
    }

    private Object evaluateInQuery(String expression) {
        return evaluate(expression, manager.getElContext(null));
    }

    private Object evaluate(String expression, ELContext context) {
        return manager.createValueExpression(expression).getValue(context);
    }

}
