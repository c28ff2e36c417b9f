package org.bordercustody.access;

import org.camunda.bpm.engine.impl.cfg.IdGenerator;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.DbEntity;
import org.camunda.bpm.engine.impl.db.PersistenceSession;
import org.camunda.bpm.engine.impl.db.entitymanager.DbEntityManager;
import org.camunda.bpm.engine.impl.db.entitymanager.DbEntityManagerFactory;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceEntity;

/**
 * A task, execution, job or variable of another sector is, for a signed-in user, one that does not exist: the
 * engine's queries already leave other tenants out, and a command by id (claim, complete, a form, variables,
 * retries) now finds nothing either, so it answers exactly as for a missing id instead of naming the tenant
 * that owns it. The process itself, timers and the engine's own steps are not signed in and see everything;
 * so do administrators, as the engine's tenant check has it.
 */
final class SectorScopedEntities extends DbEntityManagerFactory {

    private final ProcessEngineConfigurationImpl configuration;

    /** The engine's id generator exists once the configuration is built, after this factory is registered. */
    SectorScopedEntities(ProcessEngineConfigurationImpl configuration) {
        super(null);
        this.configuration = configuration;
    }

    @Override
    public DbEntityManager openSession() {
        PersistenceSession persistence = Context.getCommandContext().getSession(PersistenceSession.class);
        return new ScopedEntityManager(configuration.getIdGenerator(), persistence);
    }

    private static final class ScopedEntityManager extends DbEntityManager {

        ScopedEntityManager(IdGenerator idGenerator, PersistenceSession persistence) {
            super(idGenerator, persistence);
        }

        @Override
        public <T extends DbEntity> T selectById(Class<T> entityClass, String id) {
            T entity = super.selectById(entityClass, id);
            return entity != null && outOfScope(entity) ? null : entity;
        }

        private static boolean outOfScope(DbEntity entity) {
            String tenant = null;
            if (entity instanceof TaskEntity task) {
                tenant = task.getTenantId();
            } else if (entity instanceof ExecutionEntity execution) {
                tenant = execution.getTenantId();
            } else if (entity instanceof JobEntity job) {
                tenant = job.getTenantId();
            } else if (entity instanceof VariableInstanceEntity variable) {
                tenant = variable.getTenantId();
            }
            if (tenant == null) {
                return false;
            }
            CommandContext command = Context.getCommandContext();
            var tenants = command.getTenantManager();
            return tenants.isTenantCheckEnabled() && !tenants.isAuthenticatedTenant(tenant);
        }
    }
}
