package org.bordercustody.custody;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The engine tenant of a case's processes, which is the sector holding the person ({@link CaseSectorTenants}): moved
 * with the person to another sector, and given once to the processes of cases recorded before sectors scoped them.
 * Camunda has no API to change the tenant of a running process, so its rows are updated here, runtime and history,
 * within the caller's transaction. Each runtime row's revision is raised as well: a job of the case running at
 * the same moment then fails its optimistic lock and is retried on the new rows, instead of writing the old tenant
 * back. Never called inside an engine command (its cached rows would be stale).
 */
@Repository
public class CaseTenants {

    /**
     * A table of the engine that keeps a tenant, and the column naming the process instance (the root one where
     * there is no other; on the executions of a scope it is empty).
     */
    record Rows(String table, String process, boolean revised) {
    }

    /** Runtime rows first, then history; the history of the process instances themselves last. */
    static final List<Rows> ROWS = List.of(
            new Rows("ACT_RU_EXECUTION", "PROC_INST_ID_", true),
            new Rows("ACT_RU_TASK", "PROC_INST_ID_", true),
            new Rows("ACT_RU_VARIABLE", "PROC_INST_ID_", true),
            new Rows("ACT_RU_JOB", "PROCESS_INSTANCE_ID_", true),
            new Rows("ACT_RU_EVENT_SUBSCR", "PROC_INST_ID_", true),
            new Rows("ACT_RU_INCIDENT", "PROC_INST_ID_", true),
            new Rows("ACT_RU_EXT_TASK", "PROC_INST_ID_", true),
            new Rows("ACT_GE_BYTEARRAY", "ROOT_PROC_INST_ID_", true),
            new Rows("ACT_HI_VARINST", "PROC_INST_ID_", true),
            new Rows("ACT_HI_DETAIL", "PROC_INST_ID_", true),
            new Rows("ACT_HI_COMMENT", "PROC_INST_ID_", true),
            new Rows("ACT_HI_ATTACHMENT", "PROC_INST_ID_", true),
            new Rows("ACT_HI_ACTINST", "PROC_INST_ID_", false),
            new Rows("ACT_HI_TASKINST", "PROC_INST_ID_", false),
            new Rows("ACT_HI_IDENTITYLINK", "ROOT_PROC_INST_ID_", false),
            new Rows("ACT_HI_OP_LOG", "PROC_INST_ID_", false),
            new Rows("ACT_HI_INCIDENT", "PROC_INST_ID_", false),
            new Rows("ACT_HI_JOB_LOG", "PROCESS_INSTANCE_ID_", false),
            new Rows("ACT_HI_EXT_TASK_LOG", "PROC_INST_ID_", false),
            new Rows("ACT_HI_DECINST", "PROC_INST_ID_", false),
            new Rows("ACT_HI_DEC_IN", "ROOT_PROC_INST_ID_", false),
            new Rows("ACT_HI_DEC_OUT", "ROOT_PROC_INST_ID_", false),
            new Rows("ACT_HI_PROCINST", "PROC_INST_ID_", false));

    /** The process instances of a case, running or ended: its custody process and its breach follow-ups. */
    private static final String INSTANCES_OF_CASE = """
            SELECT p.PROC_INST_ID_ FROM ACT_HI_PROCINST p
             WHERE p.BUSINESS_KEY_ = :caseNumber AND p.PROC_DEF_KEY_ IN (%s)
            """.formatted(quoted(CaseProcesses.KEYS));

    /** The process instances of cases without a tenant, each with its case's sector. */
    private static final String UNSCOPED_INSTANCES = """
            SELECT p.PROC_INST_ID_ FROM ACT_HI_PROCINST p
             WHERE p.TENANT_ID_ IS NULL AND p.PROC_DEF_KEY_ IN (%s)
               AND EXISTS (SELECT 1 FROM custody_case c WHERE c.case_number = p.BUSINESS_KEY_)
            """.formatted(quoted(CaseProcesses.KEYS));
    private static final String SECTOR_OF_INSTANCE = """
            (SELECT c.sector FROM custody_case c JOIN ACT_HI_PROCINST p ON p.BUSINESS_KEY_ = c.case_number
              WHERE p.PROC_INST_ID_ = t.%s)
            """;

    private static final Logger LOG = LoggerFactory.getLogger(CaseTenants.class);

    private final JdbcClient jdbc;

    CaseTenants(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** At every start: a database of an earlier version gets its cases' processes scoped (once; then nothing). */
    @EventListener(ApplicationReadyEvent.class)
    @Transactional
    public void scopeCasesOfEarlierVersions() {
        int scoped = scopeUnscoped();
        if (scoped > 0) {
            LOG.info("{} processes of cases recorded before sectors scoped them are now in their case's sector", scoped);
        }
    }

    /** Every process of the case, running or ended, in the tenant of this sector. */
    @Transactional
    public void move(String caseNumber, String sector) {
        for (Rows rows : ROWS) {
            jdbc.sql("UPDATE " + rows.table() + " SET TENANT_ID_ = :sector" + (rows.revised() ? ", REV_ = REV_ + 1" : "")
                    + " WHERE " + rows.process() + " IN (" + INSTANCES_OF_CASE + ")")
                    .param("sector", sector).param("caseNumber", caseNumber).update();
            if (rows.table().equals("ACT_RU_TASK")) {
                jdbc.sql("UPDATE ACT_RU_IDENTITYLINK SET TENANT_ID_ = :sector, REV_ = REV_ + 1 WHERE TASK_ID_ IN"
                        + " (SELECT t.ID_ FROM ACT_RU_TASK t WHERE t.PROC_INST_ID_ IN (" + INSTANCES_OF_CASE + "))")
                        .param("sector", sector).param("caseNumber", caseNumber).update();
            }
        }
    }

    /**
     * The processes of cases recorded before sectors scoped them, each in its case's sector: one statement per table
     * for all of them; none left, nothing done. Answers the number of process instances given a tenant.
     */
    @Transactional
    public int scopeUnscoped() {
        int instances = jdbc.sql("SELECT COUNT(*) FROM (" + UNSCOPED_INSTANCES + ") u").query(Integer.class).single();
        if (instances == 0) {
            return 0;
        }
        for (Rows rows : ROWS) {
            jdbc.sql("UPDATE " + rows.table() + " t SET TENANT_ID_ = " + SECTOR_OF_INSTANCE.formatted(rows.process())
                    + (rows.revised() ? ", REV_ = REV_ + 1" : "") + " WHERE t.TENANT_ID_ IS NULL AND t."
                    + rows.process() + " IN (" + UNSCOPED_INSTANCES + ")").update();
            if (rows.table().equals("ACT_RU_TASK")) {
                jdbc.sql("UPDATE ACT_RU_IDENTITYLINK l SET TENANT_ID_ = (SELECT t.TENANT_ID_ FROM ACT_RU_TASK t"
                        + " WHERE t.ID_ = l.TASK_ID_), REV_ = REV_ + 1 WHERE l.TENANT_ID_ IS NULL AND l.TASK_ID_ IN"
                        + " (SELECT t.ID_ FROM ACT_RU_TASK t WHERE t.TENANT_ID_ IS NOT NULL)").update();
            }
        }
        return instances;
    }

    private static String quoted(List<String> keys) {
        return String.join(", ", keys.stream().map(key -> "'" + key + "'").toList());
    }
}
