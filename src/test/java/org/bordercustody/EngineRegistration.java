package org.bordercustody;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * Camunda's REST API finds its engine by name in a registry shared by the whole JVM, where each cached test
 * context registers an engine named "default". Before each test the test's own engine is registered again,
 * so that its REST calls reach its own database.
 */
public class EngineRegistration implements TestExecutionListener {

    @Override
    public void beforeTestMethod(TestContext testContext) {
        ProcessEngines.registerProcessEngine(testContext.getApplicationContext().getBean(ProcessEngine.class));
    }
}
