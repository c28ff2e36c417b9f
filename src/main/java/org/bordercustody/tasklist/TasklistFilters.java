package org.bordercustody.tasklist;

import static org.bordercustody.custody.BreachFollowUpProcess.Elements.TASK_FOLLOW_UP_FLORES_LIMIT;
import static org.bordercustody.custody.BreachFollowUpProcess.Elements.TASK_FOLLOW_UP_LATE_HHS_NOTIFICATION;
import static org.bordercustody.custody.BreachFollowUpProcess.Elements.TASK_FOLLOW_UP_LATE_ORR_TRANSFER;
import static org.bordercustody.custody.BreachFollowUpProcess.Elements.TASK_FOLLOW_UP_LATE_SCREENING;
import static org.bordercustody.custody.BreachFollowUpProcess.Elements.TASK_RESOLVE_CUSTODY_LIMIT_BREACH;
import static org.bordercustody.custody.CustodyProcess.Elements.TASK_REVIEW_APPROACHING_CUSTODY_LIMIT;
import static org.bordercustody.custody.OrrTransferProcess.Elements.TASK_CONFIRM_TRANSFER_TO_ORR;
import static org.bordercustody.custody.OrrTransferProcess.Elements.TASK_DESIGNATE_ORR_PLACEMENT;
import static org.bordercustody.custody.OrrTransferProcess.Elements.TASK_NOTIFY_HHS_OF_CHILD;
import static org.bordercustody.custody.OrrTransferProcess.Elements.TASK_SCREEN_CONTIGUOUS_COUNTRY_CHILD;
import static org.bordercustody.custody.ReleaseFollowUpProcess.Elements.TASK_LOCATE_PERSON;
import static org.bordercustody.identity.CustodyGroups.BORDER_PATROL_AGENT;
import static org.bordercustody.identity.CustodyGroups.BORDER_PATROL_SUPERVISOR;
import static org.bordercustody.identity.CustodyGroups.ORR_LIAISON;
import static org.bordercustody.identity.CustodyGroups.TASK_WORKERS;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.camunda.bpm.spring.boot.starter.configuration.Ordering;
import org.camunda.bpm.spring.boot.starter.configuration.impl.AbstractCamundaConfiguration;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Shared Tasklist filters, so that every group finds its work at first login. Each list shows the case
 * number, the person and the custody clock of every task (custody-cards.js). The filters keep no order of their
 * own: Tasklist adds the order its sort label shows, by due date unless the user chooses another
 * (custody-sorting.js), and a stored order would come first, under a label that says otherwise.
 */
@Component
@Order(Ordering.DEFAULT_ORDER + 2)
class TasklistFilters extends AbstractCamundaConfiguration {

    static final String MY_GROUPS_TASKS = "My group's tasks by due date";
    static final String ESCALATIONS = "Escalations";
    static final String UNACCOMPANIED_CHILDREN = "Unaccompanied children";
    static final List<String> ESCALATION_TASKS = List.of(TASK_REVIEW_APPROACHING_CUSTODY_LIMIT,
            TASK_RESOLVE_CUSTODY_LIMIT_BREACH, TASK_FOLLOW_UP_LATE_HHS_NOTIFICATION, TASK_FOLLOW_UP_LATE_SCREENING,
            TASK_FOLLOW_UP_LATE_ORR_TRANSFER, TASK_LOCATE_PERSON, TASK_FOLLOW_UP_FLORES_LIMIT);
    /** The tasks only an unaccompanied child's case has: the HHS notification, the screening, the ORR transfer. */
    static final List<String> CHILDREN_TASKS = List.of(TASK_NOTIFY_HHS_OF_CHILD, TASK_FOLLOW_UP_LATE_HHS_NOTIFICATION,
            TASK_SCREEN_CONTIGUOUS_COUNTRY_CHILD, TASK_FOLLOW_UP_LATE_SCREENING, TASK_DESIGNATE_ORR_PLACEMENT,
            TASK_CONFIRM_TRANSFER_TO_ORR, TASK_FOLLOW_UP_LATE_ORR_TRANSFER);
    /** The filters' definition; a filter stored by an earlier one is brought up to it at start. */
    static final int VERSION = 2;
    private static final String CURRENT_USER_GROUPS = "${currentUserGroups()}";

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        var tasks = engine.getTaskService();
        create(engine, MY_GROUPS_TASKS, -10, "Tasks of your groups, the most urgent clock first",
                tasks.createTaskQuery().taskCandidateGroupInExpression(CURRENT_USER_GROUPS).includeAssignedTasks(),
                TASK_WORKERS);
        create(engine, ESCALATIONS, -5, "Custody limits approaching or exceeded, and other overdue legal clocks",
                tasks.createTaskQuery().taskCandidateGroupInExpression(CURRENT_USER_GROUPS).includeAssignedTasks()
                        .taskDefinitionKeyIn(ESCALATION_TASKS.toArray(String[]::new)),
                TASK_WORKERS);
        create(engine, UNACCOMPANIED_CHILDREN, 0, "Tasks of children without a parent or legal guardian",
                tasks.createTaskQuery().taskCandidateGroupInExpression(CURRENT_USER_GROUPS).includeAssignedTasks()
                        .taskDefinitionKeyIn(CHILDREN_TASKS.toArray(String[]::new)),
                List.of(BORDER_PATROL_AGENT, BORDER_PATROL_SUPERVISOR, ORR_LIAISON));
    }

    private static void create(ProcessEngine engine, String name, int priority, String description, TaskQuery query,
            List<String> groups) {
        var filters = engine.getFilterService();
        Filter filter = filters.createFilterQuery().filterName(name).singleResult();
        boolean earlierVersion = filter != null
                && !Integer.valueOf(VERSION).equals(filter.getProperties().get("version"));
        if (filter == null || earlierVersion) {
            filter = filter == null ? filters.newTaskFilter(name) : filter;
            try {
                filters.saveFilter(filter.setQuery(query).setProperties(Map.of("priority", priority, "description",
                        description, "refresh", true, "variables", List.of(), "version", VERSION)));
            } catch (OptimisticLockingException anotherNodeSavedIt) {
                filter = filters.createFilterQuery().filterName(name).singleResult();
            }
        }
        var authorizations = engine.getAuthorizationService();
        for (String group : groups) {
            boolean granted = authorizations.createAuthorizationQuery().resourceType(Resources.FILTER)
                    .resourceId(filter.getId()).groupIdIn(group).count() > 0;
            if (!granted) {
                Authorization read = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
                read.setGroupId(group);
                read.setResource(Resources.FILTER);
                read.setResourceId(filter.getId());
                read.addPermission(Permissions.READ);
                authorizations.saveAuthorization(read);
            }
        }
    }
}
