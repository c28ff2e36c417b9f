package org.bordercustody.custody;

import static org.bordercustody.custody.CustodyProcess.Variables.CASE_SECTOR;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.context.BpmnExecutionContext;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProvider;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderCaseInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderHistoricDecisionInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderProcessInstanceContext;

/**
 * Every process of a case runs in the tenant of the sector holding the person, so that the engine scopes each
 * query and command of Tasklist, Cockpit and {@code /engine-rest} to the caller's sectors. The models are
 * deployed once, without a tenant, and shared by every sector. The sector comes with the start
 * ({@code caseSector}, never stored), else from the process that starts it; a case's process without a sector
 * does not start: it would be visible to every sector.
 */
class CaseSectorTenants implements TenantIdProvider {

    @Override
    public String provideTenantIdForProcessInstance(TenantIdProviderProcessInstanceContext context) {
        if (!CaseProcesses.isCaseProcess(context.getProcessDefinition().getKey())) {
            return null;
        }
        if (context.getVariables() != null && context.getVariables().get(CASE_SECTOR) instanceof String sector) {
            return sector;
        }
        if (context.getSuperExecution() != null && context.getSuperExecution().getTenantId() != null) {
            return context.getSuperExecution().getTenantId();
        }
        BpmnExecutionContext running = Context.getBpmnExecutionContext();
        DelegateExecution starter = running == null ? null : running.getExecution();
        if (starter != null && starter.getTenantId() != null) {
            return starter.getTenantId();
        }
        throw new BadUserRequestException("A process of a case starts with the sector holding the person: give the"
                + " variable " + CASE_SECTOR + " (" + context.getProcessDefinition().getKey() + ")");
    }

    @Override
    public String provideTenantIdForCaseInstance(TenantIdProviderCaseInstanceContext context) {
        return null;
    }

    @Override
    public String provideTenantIdForHistoricDecisionInstance(TenantIdProviderHistoricDecisionInstanceContext context) {
        return context.getExecution() == null ? null : context.getExecution().getTenantId();
    }
}
