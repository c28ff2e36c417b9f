package org.bordercustody.operations;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.bordercustody.CustodyApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What one snapshot of the operations meters costs at the monitored population the domain expects: 300,000 people
 * released and waiting for their 60-day check-in (with their check-in timers), 20,000 in CBP custody with an open
 * task each, children's and families' clock timers and breaches. The application runs on an embedded PostgreSQL 17;
 * the rows are generated in the database, the same shape the application writes, so that the queries meet the
 * table sizes and indexes they will meet in production.
 *
 * <pre>./mvnw -q test-compile exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=org.bordercustody.operations.OperationsMetricsBenchmark -Dexec.args="300000 20000 50"</pre>
 */
public final class OperationsMetricsBenchmark {

    private OperationsMetricsBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int released = args.length > 0 ? Integer.parseInt(args[0]) : 300_000;
        int inCustody = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 50;
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setServerConfig("shared_preload_libraries", "pg_stat_statements").start()) {
            ConfigurableApplicationContext application = SpringApplication.run(CustodyApplication.class,
                    "--server.port=0", "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                    "--spring.datasource.username=postgres", "--spring.datasource.password=",
                    "--spring.datasource.driver-class-name=org.postgresql.Driver",
                    "--camunda.bpm.job-execution.enabled=false", "--custody.identity.demo-users=false",
                    "--custody.metrics.refresh-interval=0s", "--logging.level.org.bordercustody.operations=DEBUG");
            try {
                JdbcClient jdbc = application.getBean(JdbcClient.class);
                long seeding = System.nanoTime();
                seed(jdbc, released, inCustody);
                System.out.printf("seeded %,d released and %,d in custody in %.1f s%n", released, inCustody,
                        (System.nanoTime() - seeding) / 1e9);
                OperationsQueries queries = application.getBean(OperationsQueries.class);
                OperationsProperties properties = application.getBean(OperationsProperties.class);
                jdbc.sql("CREATE EXTENSION IF NOT EXISTS pg_stat_statements").update();
                jdbc.sql("SELECT pg_stat_statements_reset()").query((rs, row) -> 1).list();
                List<Double> millis = new ArrayList<>();
                OperationsSnapshot snapshot = null;
                for (int run = 0; run < runs + 5; run++) {
                    long start = System.nanoTime();
                    snapshot = queries.snapshot(Clock.systemUTC().instant(), properties.nearLimit());
                    if (run >= 5) {
                        millis.add((System.nanoTime() - start) / 1e6);
                    }
                }
                millis.sort(Double::compare);
                System.out.printf("snapshot over %d runs after 5 warm-up: p50 %.1f ms, p95 %.1f ms, max %.1f ms%n", runs,
                        millis.get(millis.size() / 2), millis.get((int) Math.ceil(millis.size() * 0.95) - 1),
                        millis.get(millis.size() - 1));
                System.out.println("in CBP custody by hours held: " + snapshot.inCbpCustodyByHoursHeld());
                System.out.println("clocks: " + snapshot.clocks());
                System.out.println("statements by mean time (ms):");
                jdbc.sql("SELECT calls, round(mean_exec_time::numeric, 2) AS mean, left(regexp_replace(query, '\\s+', ' ', 'g'), 110) AS q"
                        + " FROM pg_stat_statements WHERE query NOT LIKE '%pg_stat%' ORDER BY mean_exec_time DESC LIMIT 12")
                        .query((rs, row) -> String.format("  %8s ms  x%-4d %s", rs.getString("mean"), rs.getLong("calls"), rs.getString("q")))
                        .list().forEach(System.out::println);
            } finally {
                application.close();
            }
        }
    }

    private static void seed(JdbcClient jdbc, int released, int inCustody) {
        int total = released + inCustody;
        jdbc.sql("""
                INSERT INTO apprehension_event (event_number, apprehended_at, apprehended_offset, sector, station,
                       request_fingerprint, recorded_at, recorded_by)
                SELECT 'OPB' || g,
                       CASE WHEN g <= :inCustody THEN now() - (g % 80) * INTERVAL '1 hour'
                            ELSE now() - (80 + g % 1300) * INTERVAL '1 hour' END,
                       '-07:00', (ARRAY['SDC','TCA','RGV','ELC','LRT','DRT','EPT','YUM','BBT'])[1 + g % 9], 'STA',
                       repeat('0', 64), now(), 'benchmark'
                  FROM generate_series(1, :total) g
                """).param("inCustody", inCustody).param("total", total).update();
        jdbc.sql("INSERT INTO person (person_id, created_at) SELECT md5('OPB' || g)::uuid, now()"
                + " FROM generate_series(1, :total) g").param("total", total).update();
        jdbc.sql("""
                INSERT INTO custody_case (case_number, event_number, person_ref, family_name, given_names, sex,
                       country_of_citizenship, classification, status, custody_deadline, left_cbp_custody_at,
                       released_at, check_in_due_by, apprehended_at, person_id, sector, station)
                SELECT e.event_number || '-01', e.event_number, 'p1', 'Benchmark', 'Person', 'F', 'GT',
                       CASE WHEN g % 11 = 0 THEN 'UNACCOMPANIED_CHILD' ELSE 'SINGLE_ADULT' END,
                       CASE WHEN g <= :inCustody THEN 'IN_CBP_CUSTODY' WHEN g % 50 = 0 THEN 'CHECK_IN_OVERDUE'
                            ELSE 'RELEASED_AWAITING_CHECK_IN' END,
                       e.apprehended_at + INTERVAL '72 hours',
                       CASE WHEN g > :inCustody THEN e.apprehended_at + INTERVAL '30 hours' END,
                       CASE WHEN g > :inCustody THEN e.apprehended_at + INTERVAL '30 hours' END,
                       CASE WHEN g > :inCustody THEN e.apprehended_at + INTERVAL '30 hours' + INTERVAL '60 days' END,
                       e.apprehended_at, md5('OPB' || g)::uuid, e.sector, e.station
                  FROM generate_series(1, :total) g JOIN apprehension_event e ON e.event_number = 'OPB' || g
                """).param("inCustody", inCustody).param("total", total).update();
        jdbc.sql("""
                INSERT INTO ACT_RU_JOBDEF (ID_, REV_, ACT_ID_, JOB_TYPE_, SUSPENSION_STATE_)
                SELECT 'opb-' || timer, 1, timer, 'timer-transition', 1
                  FROM unnest(ARRAY['Timer_CheckInDeadlinePassed', 'Timer_HhsNotificationOverdue',
                       'Timer_OrrTransferOverdue', 'Timer_FloresLimitReached']) AS timer
                """).update();
        jdbc.sql("""
                INSERT INTO ACT_RU_EXECUTION (ID_, REV_, PROC_INST_ID_, BUSINESS_KEY_, IS_ACTIVE_, IS_CONCURRENT_,
                       IS_SCOPE_, IS_EVENT_SCOPE_, SUSPENSION_STATE_)
                SELECT 'opb-pi-' || g, 1, 'opb-pi-' || g, 'OPB' || g || '-01', TRUE, FALSE, TRUE, FALSE, 1
                  FROM generate_series(1, :total) g
                """).param("total", total).update();
        jdbc.sql("""
                INSERT INTO ACT_RU_TASK (ID_, REV_, EXECUTION_ID_, PROC_INST_ID_, NAME_, TASK_DEF_KEY_, PRIORITY_,
                       CREATE_TIME_, SUSPENSION_STATE_)
                SELECT 'opb-task-' || g, 1, 'opb-pi-' || g, 'opb-pi-' || g, 'Record intake', 'Task_RecordIntake', 50, now(), 1
                  FROM generate_series(1, :inCustody) g
                """).param("inCustody", inCustody).update();
        jdbc.sql("""
                INSERT INTO ACT_RU_JOB (ID_, REV_, TYPE_, EXCLUSIVE_, EXECUTION_ID_, PROCESS_INSTANCE_ID_, RETRIES_, DUEDATE_,
                       HANDLER_TYPE_, SUSPENSION_STATE_, JOB_DEF_ID_, PRIORITY_, CREATE_TIME_)
                SELECT 'opb-job-' || g, 1, 'timer', TRUE, 'opb-pi-' || g, 'opb-pi-' || g, 3,
                       CASE WHEN g <= :inCustody THEN now() + (g % 96) * INTERVAL '1 hour'
                            ELSE now() + (g % 60) * INTERVAL '1 day' + (g % 24) * INTERVAL '1 hour' END,
                       'timer-transition', 1,
                       CASE WHEN g > :inCustody THEN 'opb-Timer_CheckInDeadlinePassed'
                            WHEN g % 11 = 0 THEN 'opb-Timer_OrrTransferOverdue'
                            WHEN g % 7 = 0 THEN 'opb-Timer_FloresLimitReached'
                            ELSE 'opb-Timer_HhsNotificationOverdue' END,
                       0, now()
                  FROM generate_series(1, :total) g
                """).param("inCustody", inCustody).param("total", total).update();
        jdbc.sql("""
                INSERT INTO custody_breach (case_number, clock, due_at, recorded_at)
                SELECT 'OPB' || g || '-01', 'ORR_TRANSFER', now(), now() FROM generate_series(1, :inCustody, 37) g
                """).param("inCustody", inCustody).update();
        jdbc.sql("VACUUM ANALYZE").update(); // as autovacuum keeps a live database: visibility map set, statistics fresh
        System.out.println("rows in ACT_RU_JOB: "
                + jdbc.sql("SELECT COUNT(*) FROM ACT_RU_JOB").query(Long.class).single());
    }
}
