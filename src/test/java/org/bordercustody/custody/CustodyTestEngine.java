package org.bordercustody.custody;

import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.test.mock.MockExpressionManager;
import org.camunda.community.process_test_coverage.engine.platform7.ProcessCoverageInMemProcessEngineConfiguration;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** An in-memory engine for process tests: beans come from Camunda's Mocks, jobs run only when a test says so. */
public final class CustodyTestEngine {

    private CustodyTestEngine() {
    }

    /** Process tests must together cover every flow node and sequence flow of the custody process. */
    public static ProcessEngineCoverageExtension fullCoverage() {
        var configuration = new ProcessCoverageInMemProcessEngineConfiguration();
        // Not "default": that name belongs to the application's engine, which the REST API looks up by name.
        configuration.setProcessEngineName("custody-process-test");
        configuration.setJdbcUrl("jdbc:h2:mem:process-test-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=1000");
        configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_CREATE_DROP);
        configuration.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
        configuration.setJobExecutorActivate(false);
        configuration.setExpressionManager(new MockExpressionManager());
        configuration.setEnforceHistoryTimeToLive(true);
        CustodyEnginePlugin.withDeclaredAnswers(configuration);
        return ProcessEngineCoverageExtension.builder(configuration).assertClassCoverageAtLeast(1.0).build();
    }

    /** The clocks with their documented defaults, bound the way the application binds them. */
    public static CustodyClocks defaultClocks() {
        return new Binder(new MapConfigurationPropertySource(Map.of()))
                .bindOrCreate("custody.clocks", CustodyClocks.class);
    }
}
