package org.bordercustody.system;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.spring.boot.starter.configuration.Ordering;
import org.camunda.bpm.spring.boot.starter.configuration.impl.AbstractCamundaConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * What the engine's own queries need at the scale of a year at the border and Camunda's schema lacks, each
 * measured on PostgreSQL in docs/performance.md:
 * <ul>
 * <li>an index on the job table's due date: the job executor asks every second for the jobs due now; with 300,000
 * check-in timers waiting PostgreSQL read the whole table for it (142 ms), with the index only the due ones
 * (0.3 ms);</li>
 * <li>an index on the task table's due date: Tasklist's first page sorted by due date stops after its first rows
 * instead of sorting every task of the group (10,000 open tasks: 220 ms, 7 ms);</li>
 * <li>an index on the process instance of the message and signal subscriptions: Camunda's migration reads each
 * instance's subscriptions by it, and without the index PostgreSQL read every subscription of every waiting
 * person for each instance moved (300,000 people waiting for a check-in: 600,000 subscriptions);</li>
 * <li>on PostgreSQL, statistics on the permission bits the authorization checks test, so the planner knows how
 * many grants match: with one grant per task, it guessed 50 and joined every task with every grant (14 s);
 * collected once when created, then kept by autovacuum.</li>
 * </ul>
 * Created after the engine has created its tables; a node that loses the race against another node starting at
 * the same time logs it and goes on, the object exists either way.
 */
@Component
@Order(Ordering.DEFAULT_ORDER + 3)
public class EngineQueryTuning extends AbstractCamundaConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(EngineQueryTuning.class);
    public static final List<String> INDEXES = List.of(
            "CREATE INDEX IF NOT EXISTS IX_ACT_RU_JOB_DUEDATE ON ACT_RU_JOB (DUEDATE_)",
            "CREATE INDEX IF NOT EXISTS IX_ACT_RU_TASK_DUE_DATE ON ACT_RU_TASK (DUE_DATE_)",
            // the operations meters count each legal clock's timers: docs/operations.md
            "CREATE INDEX IF NOT EXISTS IX_ACT_RU_JOB_JOB_DEF_DUEDATE ON ACT_RU_JOB (JOB_DEF_ID_, DUEDATE_)",
            "CREATE INDEX IF NOT EXISTS IX_ACT_RU_EVENT_SUBSCR_PROC_INST ON ACT_RU_EVENT_SUBSCR (PROC_INST_ID_)");
    /** READ, READ_TASK and READ_INSTANCE, the permissions the task and variable queries check. */
    static final List<String> POSTGRESQL_STATISTICS = List.of(
            "CREATE STATISTICS IF NOT EXISTS ST_ACT_RU_AUTH_READ ON (PERMS_ & 2) FROM ACT_RU_AUTHORIZATION",
            "CREATE STATISTICS IF NOT EXISTS ST_ACT_RU_AUTH_READ_TASK ON (PERMS_ & 64) FROM ACT_RU_AUTHORIZATION",
            "CREATE STATISTICS IF NOT EXISTS ST_ACT_RU_AUTH_READ_INSTANCE ON (PERMS_ & 512) FROM ACT_RU_AUTHORIZATION");

    private static boolean permissionStatisticsExist(Statement statement) throws SQLException {
        try (ResultSet count = statement.executeQuery(
                "SELECT COUNT(*) FROM pg_statistic_ext WHERE stxname LIKE 'st_act_ru_auth_%'")) {
            return count.next() && count.getInt(1) == POSTGRESQL_STATISTICS.size();
        }
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        try (Connection connection = engine.getProcessEngineConfiguration().getDataSource().getConnection();
                Statement statement = connection.createStatement()) {
            for (String sql : INDEXES) {
                statement.execute(sql);
            }
            if ("PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())
                    && !permissionStatisticsExist(statement)) {
                for (String sql : POSTGRESQL_STATISTICS) {
                    statement.execute(sql);
                }
                statement.execute("ANALYZE ACT_RU_AUTHORIZATION");
            }
        } catch (SQLException e) {
            LOG.warn("Could not create the engine's query indexes (another node may be creating them): {}",
                    e.getMessage());
        }
    }
}
