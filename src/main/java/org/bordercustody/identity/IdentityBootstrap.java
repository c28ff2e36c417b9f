package org.bordercustody.identity;

import static org.bordercustody.identity.CustodyGroups.BORDER_PATROL_AGENT;
import static org.bordercustody.identity.CustodyGroups.BORDER_PATROL_SUPERVISOR;
import static org.bordercustody.identity.CustodyGroups.CUSTODY_MANAGER;
import static org.bordercustody.identity.CustodyGroups.ICE_ERO_OFFICER;
import static org.bordercustody.identity.CustodyGroups.ORR_LIAISON;
import static org.bordercustody.identity.CustodyGroups.PARTNER_ICE;
import static org.bordercustody.identity.CustodyGroups.PARTNER_ORR;
import static org.bordercustody.identity.CustodyGroups.PRIVACY_OFFICER;
import static org.bordercustody.identity.CustodyGroups.TASK_WORKERS;
import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.spring.boot.starter.configuration.Ordering;
import org.camunda.bpm.spring.boot.starter.configuration.impl.AbstractCamundaConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Creates the custody groups with the permissions their work needs, and in the demo profile one user per
 * group whose password is its user id. Runs at every start and adds only what is missing.
 */
@Component
@Order(Ordering.DEFAULT_ORDER + 1)
class IdentityBootstrap extends AbstractCamundaConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(IdentityBootstrap.class);

    private static final Map<String, String> GROUP_NAMES = Map.of(
            BORDER_PATROL_AGENT, "Border Patrol agents",
            BORDER_PATROL_SUPERVISOR, "Border Patrol supervisors",
            ICE_ERO_OFFICER, "ICE ERO officers",
            ORR_LIAISON, "HHS ORR liaisons",
            CUSTODY_MANAGER, "Custody managers",
            PARTNER_ICE, "ICE systems (partner)",
            PARTNER_ORR, "HHS ORR systems (partner)",
            PRIVACY_OFFICER, "Privacy officers");

    /** Demo users: user id (also the password) to group. */
    static final Map<String, String> DEMO_USERS = Map.of(
            "agent", BORDER_PATROL_AGENT,
            "supervisor", BORDER_PATROL_SUPERVISOR,
            "ice-officer", ICE_ERO_OFFICER,
            "orr-liaison", ORR_LIAISON,
            "manager", CUSTODY_MANAGER,
            "ice-system", PARTNER_ICE,
            "orr-system", PARTNER_ORR,
            "privacy-officer", PRIVACY_OFFICER);

    private final IdentityProperties properties;

    IdentityBootstrap(IdentityProperties properties) {
        this.properties = properties;
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        var identity = engine.getIdentityService();
        var authorizations = engine.getAuthorizationService();
        GROUP_NAMES.forEach((id, name) -> createGroupIfMissing(identity, id, name));

        for (String group : TASK_WORKERS) {
            grant(authorizations, group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
            grant(authorizations, group, Resources.PROCESS_DEFINITION, ANY, Permissions.READ);
        }
        grant(authorizations, CUSTODY_MANAGER, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
        grant(authorizations, CUSTODY_MANAGER, Resources.PROCESS_DEFINITION, ANY,
                ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.READ_INSTANCE,
                ProcessDefinitionPermissions.READ_HISTORY, ProcessDefinitionPermissions.READ_TASK);
        grant(authorizations, CUSTODY_MANAGER, Resources.PROCESS_INSTANCE, ANY, Permissions.READ);
        grant(authorizations, CUSTODY_MANAGER, Resources.TASK, ANY, Permissions.READ);
        grant(authorizations, CUSTODY_MANAGER, Resources.DECISION_DEFINITION, ANY,
                Permissions.READ, Permissions.READ_HISTORY);
        grant(authorizations, CUSTODY_MANAGER, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, Permissions.READ);
        grant(authorizations, CUSTODY_MANAGER, Resources.DEPLOYMENT, ANY, Permissions.READ);

        if (properties.demoUsers()) {
            DEMO_USERS.forEach((userId, group) -> createDemoUserIfMissing(identity, userId, group));
        }
    }

    private static void createGroupIfMissing(IdentityService identity, String id, String name) {
        if (identity.createGroupQuery().groupId(id).count() > 0) {
            return;
        }
        Group group = identity.newGroup(id);
        group.setName(name);
        group.setType("WORKFLOW");
        identity.saveGroup(group);
    }

    private static void createDemoUserIfMissing(IdentityService identity, String userId, String groupId) {
        if (identity.createUserQuery().userId(userId).count() > 0) {
            return;
        }
        User user = identity.newUser(userId);
        user.setFirstName(userId);
        user.setLastName("(demo)");
        user.setPassword(userId);
        user.setEmail(userId + "@demo.invalid");
        identity.saveUser(user);
        identity.createMembership(userId, groupId);
        LOG.info("Demo user '{}' created in group '{}' (password: the user id)", userId, groupId);
    }

    private static void grant(AuthorizationService authorizations, String groupId, Resource resource,
            String resourceId, Permission... permissions) {
        boolean exists = authorizations.createAuthorizationQuery()
                .groupIdIn(groupId)
                .resourceType(resource)
                .resourceId(resourceId)
                .count() > 0;
        if (exists) {
            return;
        }
        Authorization authorization = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
        authorization.setGroupId(groupId);
        authorization.setResource(resource);
        authorization.setResourceId(resourceId);
        for (Permission permission : permissions) {
            authorization.addPermission(permission);
        }
        authorizations.saveAuthorization(authorization);
    }
}
