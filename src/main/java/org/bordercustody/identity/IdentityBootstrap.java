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

import java.util.List;
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
import org.camunda.bpm.engine.identity.Tenant;
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
            "agent-rgv", BORDER_PATROL_AGENT,
            "supervisor-rgv", BORDER_PATROL_SUPERVISOR,
            "ice-officer", ICE_ERO_OFFICER,
            "orr-liaison", ORR_LIAISON,
            "manager", CUSTODY_MANAGER,
            "ice-system", PARTNER_ICE,
            "orr-system", PARTNER_ORR,
            "privacy-officer", PRIVACY_OFFICER);

    /** The sector of each demo agent and supervisor; the other demo users' groups see every sector. */
    static final Map<String, String> DEMO_SECTORS = Map.of(
            "agent", "SDC",
            "supervisor", "SDC",
            "agent-rgv", "RGV",
            "supervisor-rgv", "RGV");

    /**
     * Groups whose members see every sector when they sign in with a password (a sign-in by token names its
     * sectors: {@link SectorScopes}); ICE officers are of every field office in the demo.
     */
    static final List<String> GROUPS_OF_EVERY_SECTOR = List.of(CUSTODY_MANAGER, ICE_ERO_OFFICER, ORR_LIAISON,
            PARTNER_ICE, PARTNER_ORR);

    private final IdentityProperties properties;
    private final Sectors sectors;

    IdentityBootstrap(IdentityProperties properties, Sectors sectors) {
        this.properties = properties;
        this.sectors = sectors;
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        var identity = engine.getIdentityService();
        var authorizations = engine.getAuthorizationService();
        GROUP_NAMES.forEach((id, name) -> createGroupIfMissing(identity, id, name));
        for (Sector sector : sectors.all()) {
            createTenantIfMissing(identity, sector);
            for (String group : GROUPS_OF_EVERY_SECTOR) {
                if (identity.createTenantQuery().tenantId(sector.code()).groupMember(group).count() == 0) {
                    identity.createTenantGroupMembership(sector.code(), group);
                }
            }
        }

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

    private static void createTenantIfMissing(IdentityService identity, Sector sector) {
        if (identity.createTenantQuery().tenantId(sector.code()).count() == 0) {
            Tenant tenant = identity.newTenant(sector.code());
            tenant.setName(sector.name());
            identity.saveTenant(tenant);
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
        String sector = DEMO_SECTORS.get(userId);
        if (identity.createUserQuery().userId(userId).count() > 0) {
            // a demo database of an earlier version: its agents had no sector yet
            if (sector != null && identity.createTenantQuery().tenantId(sector).userMember(userId).count() == 0) {
                identity.createTenantUserMembership(sector, userId);
            }
            return;
        }
        User user = identity.newUser(userId);
        user.setFirstName(userId);
        user.setLastName("(demo)");
        user.setPassword(userId);
        user.setEmail(userId + "@demo.invalid");
        identity.saveUser(user);
        identity.createMembership(userId, groupId);
        if (sector != null) {
            identity.createTenantUserMembership(sector, userId);
        }
        LOG.info("Demo user '{}' created in group '{}'{} (password: the user id)", userId, groupId,
                sector == null ? "" : ", sector " + sector);
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
