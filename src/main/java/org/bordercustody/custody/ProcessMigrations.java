package org.bordercustody.custody;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * Carries running cases onto the newest model when a change must apply to them (a new way out of a wait, say), with
 * Camunda's migration API: each plan is named by the version it leaves, maps every activity to the one of the same
 * id and keeps each timer as it is (its due time unchanged). Run by an administrator (POST /api/admin/process-migrations) or at start-up
 * when {@code custody.migrations.on-start} is set; running it again finds nothing left to move.
 */
@Service
public class ProcessMigrations {

    private static final Logger LOG = LoggerFactory.getLogger(ProcessMigrations.class);

    /** One plan: the model and the versions it leaves (by version tag; null for the versions before tags). */
    public record Plan(String name, String processKey, String leavesVersionTag, String why) {
    }

    /** The plans, oldest first. */
    public static final List<Plan> PLANS = List.of(
            new Plan("migrantCustody before 2026.12-people", CustodyProcess.KEY, null, "a released person"
                    + " apprehended again ends the check-in wait (and the search for a person who missed it) as"
                    + " re-encountered"),
            new Plan("migrantCustody before 2026.12-families", CustodyProcess.KEY, "2026.12-people", "a child"
                    + " separated from the family leaves the wait for the family's outcome for the transfer to HHS"
                    + " ORR"));

    /** What a run did for one source version. */
    public record Migrated(String plan, int fromVersion, int toVersion, long instances) {
    }

    private final RepositoryService repositoryService;
    private final RuntimeService runtimeService;
    private final boolean onStart;

    ProcessMigrations(RepositoryService repositoryService, RuntimeService runtimeService,
            @Value("${custody.migrations.on-start:false}") boolean onStart) {
        this.repositoryService = repositoryService;
        this.runtimeService = runtimeService;
        this.onStart = onStart;
    }

    @EventListener(ApplicationReadyEvent.class)
    void migrateOnStart() {
        if (onStart) {
            run().forEach(migrated -> LOG.info("Migrated {} instances of {} from version {} to {} ({})",
                    migrated.instances(), CustodyProcess.KEY, migrated.fromVersion(), migrated.toVersion(),
                    migrated.plan()));
        }
    }

    /** Moves every running instance of a version a plan leaves onto the newest version of its model. */
    public List<Migrated> run() {
        List<Migrated> done = new ArrayList<>();
        for (Plan plan : PLANS) {
            ProcessDefinition target = repositoryService.createProcessDefinitionQuery()
                    .processDefinitionKey(plan.processKey()).latestVersion().singleResult();
            if (target == null || Objects.equals(target.getVersionTag(), plan.leavesVersionTag())) {
                continue;
            }
            for (ProcessDefinition source : repositoryService.createProcessDefinitionQuery()
                    .processDefinitionKey(plan.processKey()).orderByProcessDefinitionVersion().asc().list()) {
                if (source.getVersion() >= target.getVersion()
                        || !Objects.equals(source.getVersionTag(), plan.leavesVersionTag())) {
                    continue;
                }
                var running = runtimeService.createProcessInstanceQuery().processDefinitionId(source.getId());
                long instances = running.count();
                if (instances == 0) {
                    continue;
                }
                MigrationPlan migration = runtimeService.createMigrationPlan(source.getId(), target.getId())
                        .mapEqualActivities().build();
                runtimeService.newMigration(migration).processInstanceQuery(running).skipCustomListeners()
                        .execute();
                done.add(new Migrated(plan.name(), source.getVersion(), target.getVersion(), instances));
            }
        }
        return done;
    }
}
