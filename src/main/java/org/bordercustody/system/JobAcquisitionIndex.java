package org.bordercustody.system;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.spring.boot.starter.configuration.Ordering;
import org.camunda.bpm.spring.boot.starter.configuration.impl.AbstractCamundaConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * An index on the job table's due date, which Camunda's schema does not have. The job executor asks every second
 * for the jobs due now; with 300,000 check-in timers waiting, PostgreSQL answered that by reading the whole table
 * (1.3 s a query) and with this index reads only the due ones (docs/performance.md). Created after the engine
 * has created its tables; a node that loses the race against another node starting at the same time logs it and
 * goes on, the index exists either way.
 */
@Component
@Order(Ordering.DEFAULT_ORDER + 3)
class JobAcquisitionIndex extends AbstractCamundaConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(JobAcquisitionIndex.class);
    static final String CREATE = "CREATE INDEX IF NOT EXISTS IX_ACT_RU_JOB_DUEDATE ON ACT_RU_JOB (DUEDATE_)";

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        try (Connection connection = engine.getProcessEngineConfiguration().getDataSource().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute(CREATE);
        } catch (SQLException e) {
            LOG.warn("Could not create the job due-date index (another node may be creating it): {}", e.getMessage());
        }
    }
}
