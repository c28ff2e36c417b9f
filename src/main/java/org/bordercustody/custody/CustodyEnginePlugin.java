package org.bordercustody.custody;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.camunda.bpm.spring.boot.starter.configuration.impl.AbstractCamundaConfiguration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * What the custody process needs of the engine: {@link TaskLifecycleListener} on every user task at deployment, so
 * no model can forget it; the form service that shows each form what the case tables hold
 * ({@link CaseFormVariables}); every completion's answers as the process declares them
 * ({@link DeclaredAnswersInterceptor}); and the history it keeps ({@link KeptHistory}).
 */
@Component
class CustodyEnginePlugin extends AbstractCamundaConfiguration {

    private final TaskLifecycleListener listener;
    private final CustodyCaseRepository cases;
    private final ObjectProvider<ShownOnForms> shownOnForms;

    CustodyEnginePlugin(TaskLifecycleListener listener, CustodyCaseRepository cases,
            ObjectProvider<ShownOnForms> shownOnForms) {
        this.listener = listener;
        this.cases = cases;
        this.shownOnForms = shownOnForms;
    }

    @Override
    public void preInit(SpringProcessEngineConfiguration configuration) {
        configuration.setFormService(new CaseFormVariables(cases, shownOnForms));
        withDeclaredAnswers(configuration);
        configuration.setHistoryEventHandler(new KeptHistory());
        configuration.setTenantIdProvider(new CaseSectorTenants());
        if (configuration.getCustomPostBPMNParseListeners() == null) {
            configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
        }
        configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
                var definition = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
                definition.addTaskListener(TaskListener.EVENTNAME_CREATE, listener);
                definition.addTaskListener(TaskListener.EVENTNAME_COMPLETE, listener);
            }
        });
    }

    /**
     * Puts {@link DeclaredAnswersInterceptor} first in both command chains of an engine configuration, so that it
     * sees each completion as the caller sent it (the access plugin puts its interceptor right after this one).
     */
    public static void withDeclaredAnswers(ProcessEngineConfigurationImpl configuration) {
        configuration.setCustomPreCommandInterceptorsTxRequired(
                with(configuration.getCustomPreCommandInterceptorsTxRequired()));
        configuration.setCustomPreCommandInterceptorsTxRequiresNew(
                with(configuration.getCustomPreCommandInterceptorsTxRequiresNew()));
    }

    private static List<CommandInterceptor> with(List<CommandInterceptor> interceptors) {
        List<CommandInterceptor> all = new ArrayList<>();
        all.add(new DeclaredAnswersInterceptor());
        if (interceptors != null) {
            all.addAll(interceptors);
        }
        return all;
    }
}
