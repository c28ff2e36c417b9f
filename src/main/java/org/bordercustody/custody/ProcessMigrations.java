package org.bordercustody.custody;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.ProcessInstanceQuery;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
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
 * when {@code custody.migrations.on-start} is set; running it again finds nothing left to move. A follow-up task of a
 * breached clock that the custody process held before 2026.12-breaches is handed over first: its breach follow-up
 * ({@link BreachFollowUpProcess}) is started and the old task cancelled, as the newest model has no such task. A case
 * of a version before 2026.12-processes that waits for a check-in or for ICE to locate the person moves to the
 * newest release follow-up ({@link ReleaseFollowUpProcess}), one in ICE family custody to the newest ICE family
 * custody ({@link IceFamilyCustodyProcess}), whose steps have the same ids; the instance keeps its id, business key,
 * tenant, variables, tasks and timers. A child of such a version in ORR's transfer stays on it to finish there (its
 * model stays deployed): ORR's transfer is now called by the custody process, and Camunda's migration cannot move an
 * embedded sub-process into a called one; the answer counts them as staying on their version. Instances move a few hundred per transaction, so that a run over
 * hundreds of thousands of cases holds no lock for long and, stopped halfway, goes on where it stopped.
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
                    + " ORR"),
            new Plan("migrantCustody before 2026.12-breaches", CustodyProcess.KEY, "2026.12-families", "a breached"
                    + " clock's follow-up task is held by its own breach follow-up, which ending the case does not"
                    + " end, and the review of a case nearing the holding limit ends when the limit is reached"),
            new Plan("migrantCustody before 2026.12-processes", CustodyProcess.KEY, "2026.12-breaches", "a released"
                    + " person's check-in and the search for them are ICE's release follow-up, a process of its own:"
                    + " a case waiting there moves to it, every other case stays in the custody process"));

    /**
     * The parts cut out of the custody model in 2026.12-processes, each with a step only it has: a case of an earlier
     * custody model waiting in a part moves to that part's process, whose steps have the same ids.
     */
    static final Map<String, String> CUT_FROM_CUSTODY = Map.of(
            ReleaseFollowUpProcess.KEY, ReleaseFollowUpProcess.Elements.GATEWAY_CHECK_IN_OR_DEADLINE,
            IceFamilyCustodyProcess.KEY, IceFamilyCustodyProcess.Elements.SUB_PROCESS_ICE_FAMILY_CUSTODY);

    /** The step of the custody models before 2026.12-processes that held ORR's transfer of a child, now called. */
    static final String CALLED_FROM_CUSTODY_SINCE = "SubProcess_TransferChildToOrr";

    /** How many instances one migration command moves, in one transaction. */
    public static final int INSTANCES_PER_TRANSACTION = 500;

    /**
     * What a run did for one source version: the instances it found, and the follow-up tasks it handed to breach
     * follow-ups (an instance whose only wait was such a task ends there and is not migrated).
     */
    public record Migrated(String plan, int fromVersion, String toProcess, int toVersion, long instances,
            long followUpsHandedOver) {
    }

    /** The follow-up tasks of breached clocks the custody process held before 2026.12-breaches, by task id. */
    static final Map<String, LegalClock> EARLIER_FOLLOW_UP_TASKS = BreachFollowUpProcess.TASK_OF.entrySet().stream()
            .collect(java.util.stream.Collectors.toUnmodifiableMap(Map.Entry::getValue, Map.Entry::getKey));

    private final RepositoryService repositoryService;
    private final RuntimeService runtimeService;
    private final BreachFollowUps breachFollowUps;
    private final boolean onStart;

    public ProcessMigrations(RepositoryService repositoryService, RuntimeService runtimeService,
            BreachFollowUps breachFollowUps, @Value("${custody.migrations.on-start:false}") boolean onStart) {
        this.repositoryService = repositoryService;
        this.runtimeService = runtimeService;
        this.breachFollowUps = breachFollowUps;
        this.onStart = onStart;
    }

    @EventListener(ApplicationReadyEvent.class)
    void migrateOnStart() {
        if (onStart) {
            run().forEach(migrated -> LOG.info("Migrated {} instances from version {} to {} version {} ({})",
                    migrated.instances(), migrated.fromVersion(), migrated.toProcess(), migrated.toVersion(),
                    migrated.plan()));
        }
    }

    /** Moves every running instance of a version a plan leaves onto the newest version of its model. */
    public List<Migrated> run() {
        List<Migrated> done = new ArrayList<>();
        for (Plan plan : PLANS) {
            ProcessDefinition target = latest(plan.processKey());
            if (target == null || Objects.equals(target.getVersionTag(), plan.leavesVersionTag())) {
                continue;
            }
            for (ProcessDefinition source : repositoryService.createProcessDefinitionQuery()
                    .processDefinitionKey(plan.processKey()).orderByProcessDefinitionVersion().asc().list()) {
                if (source.getVersion() >= target.getVersion()
                        || !Objects.equals(source.getVersionTag(), plan.leavesVersionTag())) {
                    continue;
                }
                long handedOver = 0;
                var holdingFollowUpTasks = runtimeService.createProcessInstanceQuery().processDefinitionId(source.getId())
                        .activityIdIn(EARLIER_FOLLOW_UP_TASKS.keySet().toArray(String[]::new));
                for (ProcessInstance instance : holdingFollowUpTasks.list()) {
                    handedOver += handOverFollowUps(instance);
                }
                for (Map.Entry<String, String> cut : CUT_FROM_CUSTODY.entrySet()) {
                    ProcessDefinition part = latest(cut.getKey());
                    if (part == null || !CustodyProcess.KEY.equals(source.getKey()) || !has(source, cut.getValue())) {
                        continue;
                    }
                    long waiting = migrate(source, part, runtimeService.createProcessInstanceQuery()
                            .processDefinitionId(source.getId()).activityIdIn(flowNodesOf(part)), Set.of());
                    if (waiting > 0) {
                        done.add(new Migrated(plan.name(), source.getVersion(), part.getKey(), part.getVersion(),
                                waiting, 0));
                    }
                }
                Set<String> staying = stayingIn(source);
                long moved = migrate(source, target,
                        runtimeService.createProcessInstanceQuery().processDefinitionId(source.getId()), staying);
                if (moved > 0 || handedOver > 0) {
                    done.add(new Migrated(plan.name(), source.getVersion(), target.getKey(), target.getVersion(), moved,
                            handedOver));
                }
                if (!staying.isEmpty()) {
                    done.add(new Migrated(plan.name(), source.getVersion(), source.getKey(), source.getVersion(),
                            staying.size(), 0));
                }
            }
        }
        return done;
    }

    private boolean has(ProcessDefinition definition, String elementId) {
        return repositoryService.getBpmnModelInstance(definition.getId()).getModelElementById(elementId) != null;
    }

    /**
     * The instances of an earlier custody model inside a part that is now a called process: Camunda cannot migrate
     * an embedded sub-process into a called one, so they finish on their version, whose model stays deployed.
     */
    private Set<String> stayingIn(ProcessDefinition source) {
        if (!CustodyProcess.KEY.equals(source.getKey()) || !has(source, CALLED_FROM_CUSTODY_SINCE)) {
            return Set.of();
        }
        ProcessDefinition called = latest(OrrTransferProcess.KEY);
        if (called == null) {
            return Set.of();
        }
        return runtimeService.createProcessInstanceQuery().processDefinitionId(source.getId())
                .activityIdIn(flowNodesOf(called)).list().stream().map(ProcessInstance::getId)
                .collect(Collectors.toSet());
    }

    /**
     * Migrates the instances the query finds but those staying, a few hundred per transaction, in the order of
     * their ids (the staying ones are passed over); returns how many moved.
     */
    private long migrate(ProcessDefinition source, ProcessDefinition target, ProcessInstanceQuery waiting,
            Set<String> staying) {
        MigrationPlan migration = null;
        long moved = 0;
        int passedOver = 0;
        List<ProcessInstance> page;
        while (!(page = waiting.orderByProcessInstanceId().asc().listPage(passedOver, INSTANCES_PER_TRANSACTION))
                .isEmpty()) {
            List<String> ids = page.stream().map(ProcessInstance::getId).filter(id -> !staying.contains(id)).toList();
            passedOver += page.size() - ids.size();
            if (ids.isEmpty()) {
                continue;
            }
            if (migration == null) {
                migration = runtimeService.createMigrationPlan(source.getId(), target.getId()).mapEqualActivities()
                        .build();
            }
            runtimeService.newMigration(migration).processInstanceIds(ids).skipCustomListeners().execute();
            moved += ids.size();
        }
        return moved;
    }

    private String[] flowNodesOf(ProcessDefinition definition) {
        return repositoryService.getBpmnModelInstance(definition.getId()).getModelElementsByType(FlowNode.class)
                .stream().map(FlowNode::getId).toArray(String[]::new);
    }

    private ProcessDefinition latest(String processKey) {
        return repositoryService.createProcessDefinitionQuery().processDefinitionKey(processKey).latestVersion()
                .singleResult();
    }

    /**
     * Starts the breach follow-up of each follow-up task the instance holds (unless the breach has one already) and
     * cancels the task; returns how many it handed over.
     */
    private int handOverFollowUps(ProcessInstance instance) {
        List<ActivityInstance> followUps = new ArrayList<>();
        collectFollowUps(runtimeService.getActivityInstance(instance.getId()), followUps);
        for (ActivityInstance followUp : followUps) {
            LegalClock clock = EARLIER_FOLLOW_UP_TASKS.get(followUp.getActivityId());
            Object dueAt = runtimeService.getVariable(instance.getId(),
                    StartBreachFollowUpDelegate.DEADLINE_VARIABLE.get(clock));
            breachFollowUps.followUp(instance.getBusinessKey(), clock,
                    dueAt instanceof Date date ? date.toInstant() : ClockUtil.getCurrentTime().toInstant());
            runtimeService.createProcessInstanceModification(instance.getId())
                    .cancelActivityInstance(followUp.getId()).execute(true, false);
        }
        return followUps.size();
    }

    private static void collectFollowUps(ActivityInstance activity, List<ActivityInstance> followUps) {
        if (activity == null) {
            return;
        }
        if (EARLIER_FOLLOW_UP_TASKS.containsKey(activity.getActivityId())) {
            followUps.add(activity);
        }
        for (ActivityInstance child : activity.getChildActivityInstances()) {
            collectFollowUps(child, followUps);
        }
    }
}
