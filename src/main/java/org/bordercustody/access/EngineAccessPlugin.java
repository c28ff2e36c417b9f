package org.bordercustody.access;

import java.util.ArrayList;
import java.util.List;
import org.bordercustody.custody.CaseAnswerRules;
import org.bordercustody.custody.CustodyCaseRepository;
import org.bordercustody.custody.DeclaredAnswersInterceptor;
import org.bordercustody.custody.TaskForms;
import org.bordercustody.privacy.ReadLog;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.camunda.bpm.spring.boot.starter.configuration.impl.AbstractCamundaConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/**
 * Closes the engine to everything a signed-in user's work does not need: the command allow-list per role with
 * the task-work rules, task queries without expressions, query expressions confined to Tasklist's functions,
 * and no self-service or assignment grants. All of it inside the engine, so every path to it is covered.
 */
@Component
class EngineAccessPlugin extends AbstractCamundaConfiguration {

    private final ApplicationContext applicationContext;
    private final TaskForms forms;

    EngineAccessPlugin(ApplicationContext applicationContext, TaskForms forms) {
        this.applicationContext = applicationContext;
        this.forms = forms;
    }

    @Override
    public void preInit(SpringProcessEngineConfiguration configuration) {
        // One interceptor per chain: an interceptor holds the next one of its own chain.
        var taskWork = new TaskWorkRules(forms, applicationContext.getBeanProvider(CaseAnswerRules.class));
        var cases = applicationContext.getBeanProvider(CustodyCaseRepository.class);
        var taskReads = new TaskReads(applicationContext.getBeanProvider(ReadLog.class),
                taskId -> cases.getObject().caseNumberOfTask(taskId));
        configuration.setCustomPreCommandInterceptorsTxRequired(withFirst(new EngineAccessInterceptor(configuration,
                taskWork, taskReads), configuration.getCustomPreCommandInterceptorsTxRequired()));
        configuration.setCustomPreCommandInterceptorsTxRequiresNew(withFirst(new EngineAccessInterceptor(configuration,
                taskWork, taskReads), configuration.getCustomPreCommandInterceptorsTxRequiresNew()));
        configuration.setTaskService(new ExpressionFreeTaskQueries());
        configuration.setExpressionManager(
                new QuerySandboxExpressionManager(applicationContext, configuration.getBeans()));
        configuration.setResourceAuthorizationProvider(new CustodyAuthorizationProvider());
        List<SessionFactory> sessions = new ArrayList<>(configuration.getCustomSessionFactories() == null ? List.of()
                : configuration.getCustomSessionFactories());
        sessions.add(new SectorScopedEntities(configuration));
        configuration.setCustomSessionFactories(sessions);
    }

    /**
     * The access interceptor before every other custom one, except the one that turns a completion's answers into
     * the process's declared data: that one must see the completion as sent, before the access rules wrap it.
     */
    private static List<CommandInterceptor> withFirst(CommandInterceptor first, List<CommandInterceptor> others) {
        List<CommandInterceptor> interceptors = new ArrayList<>(others == null ? List.of() : others);
        int position = interceptors.isEmpty() || !(interceptors.get(0) instanceof DeclaredAnswersInterceptor) ? 0 : 1;
        interceptors.add(position, first);
        return interceptors;
    }
}
