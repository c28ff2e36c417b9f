package org.bordercustody.system;

import jakarta.servlet.http.HttpServletRequest;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Camunda's HTTP Basic authentication of a REST call, with the password check, the user's groups and tenants read
 * in one read-only transaction instead of three (the REST filter would otherwise query the groups and tenants in
 * their own transactions after the check).
 */
public class BasicAuthenticationInOneTransaction extends HttpBasicAuthenticationProvider {

    @Override
    public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
        var configuration = (SpringProcessEngineConfiguration) engine.getProcessEngineConfiguration();
        TransactionTemplate readOnly = new TransactionTemplate(configuration.getTransactionManager());
        readOnly.setReadOnly(true);
        return readOnly.execute(status -> {
            AuthenticationResult result = super.extractAuthenticatedUser(request, engine);
            if (result.isAuthenticated()) {
                IdentityService identity = engine.getIdentityService();
                String userId = result.getAuthenticatedUser();
                result.setGroups(identity.createGroupQuery().groupMember(userId).list().stream()
                        .map(Group::getId).toList());
                result.setTenants(identity.createTenantQuery().userMember(userId).includingGroupsOfUser(true).list()
                        .stream().map(Tenant::getId).toList());
            }
            return result;
        });
    }
}
