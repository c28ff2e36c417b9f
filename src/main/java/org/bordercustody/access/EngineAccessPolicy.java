package org.bordercustody.access;

import static org.bordercustody.access.EngineOperation.READ_OPERATIONS;
import static org.bordercustody.access.EngineOperation.READ_TASKS;
import static org.bordercustody.access.EngineOperation.WORK_TASKS;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bordercustody.identity.CustodyGroups;
import org.camunda.bpm.engine.impl.AbstractQuery;
import org.camunda.bpm.engine.impl.AuthorizationQueryImpl;
import org.camunda.bpm.engine.impl.GetDeployedTaskFormCmd;
import org.camunda.bpm.engine.impl.GroupQueryImpl;
import org.camunda.bpm.engine.impl.ProcessDefinitionQueryImpl;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.TenantQueryImpl;
import org.camunda.bpm.engine.impl.UserOperationLogQueryImpl;
import org.camunda.bpm.engine.impl.UserQueryImpl;
import org.camunda.bpm.engine.impl.VariableInstanceQueryImpl;
import org.camunda.bpm.engine.impl.cmd.*;
import org.camunda.bpm.engine.impl.dmn.cmd.GetDeploymentDecisionDefinitionCmd;
import org.camunda.bpm.engine.impl.dmn.cmd.GetDeploymentDecisionDiagramCmd;
import org.camunda.bpm.engine.impl.dmn.cmd.GetDeploymentDecisionModelCmd;
import org.camunda.bpm.engine.impl.dmn.cmd.GetDeploymentDecisionRequirementsDefinitionCmd;
import org.camunda.bpm.engine.impl.dmn.cmd.GetDeploymentDecisionRequirementsDiagramCmd;
import org.camunda.bpm.engine.impl.dmn.cmd.GetDeploymentDecisionRequirementsModelCmd;
import org.camunda.bpm.engine.impl.dmn.cmd.GetDeploymentDmnModelInstanceCmd;
import org.camunda.bpm.engine.impl.filter.FilterQueryImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;

/**
 * Default deny for the engine: which engine commands make up each {@link EngineOperation}, and which roles have
 * which operations. A command a role's operations do not name is refused before it runs, whatever path it came
 * by (Camunda's REST API, the web apps' API, any encoding). Administrators have every operation. The engine's
 * own authorizations still decide which rows a permitted command sees.
 */
public final class EngineAccessPolicy {

    /** Roles and their operations; docs/security.md shows this table. */
    static final Map<String, Set<EngineOperation>> OPERATIONS_BY_GROUP = Map.of(
            CustodyGroups.BORDER_PATROL_AGENT, EnumSet.of(READ_TASKS, WORK_TASKS),
            CustodyGroups.BORDER_PATROL_SUPERVISOR, EnumSet.of(READ_TASKS, WORK_TASKS),
            CustodyGroups.ICE_ERO_OFFICER, EnumSet.of(READ_TASKS, WORK_TASKS),
            CustodyGroups.ORR_LIAISON, EnumSet.of(READ_TASKS, WORK_TASKS),
            CustodyGroups.CUSTODY_MANAGER, EnumSet.of(READ_OPERATIONS));

    /**
     * The queries Tasklist runs (and their identity-provider subclasses); the engine's authorizations limit their
     * rows to what the user may see. Native queries, which take SQL, are none of them.
     */
    private static final Set<Class<?>> TASKLIST_QUERIES = Set.of(TaskQueryImpl.class, FilterQueryImpl.class,
            ProcessDefinitionQueryImpl.class, UserQueryImpl.class, GroupQueryImpl.class, TenantQueryImpl.class,
            UserOperationLogQueryImpl.class, VariableInstanceQueryImpl.class);

    private static final Set<Class<?>> TASKLIST_READS = Set.of(
            CreateUserQueryCmd.class, CreateGroupQueryCmd.class, CreateTenantQueryCmd.class,
            IsIdentityServiceReadOnlyCmd.class, GetPasswordPolicyCmd.class, AuthorizationCheckCmd.class,
            GetFilterCmd.class, ExecuteFilterListCmd.class, ExecuteFilterListPageCmd.class,
            ExecuteFilterCountCmd.class, ExecuteFilterSingleResultCmd.class,
            GetTaskFormCmd.class, GetRenderedTaskFormCmd.class, GetTaskFormVariablesCmd.class,
            GetDeployedTaskFormCmd.class, GetFormKeyCmd.class, GetCamundaFormDefinitionCmd.class,
            GetTaskVariableCmd.class, GetTaskVariableCmdTyped.class, GetTaskVariablesCmd.class,
            GetIdentityLinksForTaskCmd.class, GetTaskCommentsCmd.class, GetTaskCommentCmd.class,
            GetTaskAttachmentsCmd.class, GetTaskAttachmentCmd.class, GetSubTasksCmd.class,
            GetDeployedProcessDefinitionCmd.class, GetDeploymentProcessModelCmd.class,
            GetDeploymentBpmnModelInstanceCmd.class, GetDeploymentProcessDiagramCmd.class,
            GetDeploymentProcessDiagramLayoutCmd.class, GetProcessApplicationForDeploymentCmd.class,
            GetStartFormVariablesCmd.class);

    private static final Set<Class<?>> TASK_WORK = Set.of(ClaimTaskCmd.class, AssignTaskCmd.class,
            CompleteTaskCmd.class, SubmitTaskFormCmd.class);

    private static final Set<Class<?>> COCKPIT_READS = Set.of(
            GetActivityInstanceCmd.class, FindActiveActivityIdsCmd.class,
            GetExecutionVariableCmd.class, GetExecutionVariableTypedCmd.class, GetExecutionVariablesCmd.class,
            GetJobExceptionStacktraceCmd.class, GetHistoricJobLogExceptionStacktraceCmd.class,
            GetExternalTaskErrorDetailsCmd.class, GetHistoricExternalTaskLogErrorDetailsCmd.class,
            GetProcessInstanceCommentsCmd.class, GetProcessInstanceAttachmentsCmd.class,
            GetDeploymentResourceCmd.class, GetDeploymentResourceForIdCmd.class,
            GetDeploymentResourceNamesCmd.class, GetDeploymentResourcesCmd.class,
            GetStaticCalledProcessDefinitionCmd.class, GetIdentityLinksForProcessDefinitionCmd.class,
            GetDeploymentDecisionDefinitionCmd.class, GetDeploymentDecisionDiagramCmd.class,
            GetDeploymentDecisionModelCmd.class, GetDeploymentDmnModelInstanceCmd.class,
            GetDeploymentDecisionRequirementsDefinitionCmd.class, GetDeploymentDecisionRequirementsDiagramCmd.class,
            GetDeploymentDecisionRequirementsModelCmd.class);

    private EngineAccessPolicy() {
    }

    /** The operations a member of these groups has; several groups add up. */
    static Set<EngineOperation> operationsOf(Collection<String> groupIds) {
        Set<EngineOperation> operations = EnumSet.noneOf(EngineOperation.class);
        if (groupIds != null) {
            groupIds.stream().map(OPERATIONS_BY_GROUP::get).filter(java.util.Objects::nonNull)
                    .forEach(operations::addAll);
        }
        return operations;
    }

    /** Whether a caller with these operations may run this command at all (further checks may follow). */
    static boolean permits(Set<EngineOperation> operations, Command<?> command) {
        Class<?> type = command.getClass();
        boolean processQuery = command instanceof AbstractQuery<?, ?> && !(command instanceof AuthorizationQueryImpl);
        if (operations.contains(READ_OPERATIONS)
                && (processQuery || TASKLIST_READS.contains(type) || COCKPIT_READS.contains(type))) {
            return true;
        }
        boolean tasklistQuery = TASKLIST_QUERIES.stream().anyMatch(query -> query.isInstance(command));
        if (operations.contains(READ_TASKS) && (tasklistQuery || TASKLIST_READS.contains(type))) {
            return true;
        }
        return operations.contains(WORK_TASKS) && TASK_WORK.contains(type);
    }

    /** The engine commands of an operation, for documentation. */
    static List<String> commandsOf(EngineOperation operation) {
        return switch (operation) {
            case READ_TASKS -> names(TASKLIST_QUERIES, TASKLIST_READS);
            case WORK_TASKS -> names(TASK_WORK);
            case READ_OPERATIONS -> java.util.stream.Stream.concat(
                    java.util.stream.Stream.of("every query but AuthorizationQueryImpl and native (SQL) queries"),
                    names(TASKLIST_READS, COCKPIT_READS).stream()).toList();
            case ADMINISTER -> List.of("every other command");
        };
    }

    @SafeVarargs
    private static List<String> names(Set<Class<?>>... sets) {
        return java.util.Arrays.stream(sets).flatMap(Set::stream).map(Class::getSimpleName).sorted().toList();
    }
}
