package org.bordercustody.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.bordercustody.CustodyApplicationTest;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@CustodyApplicationTest
class ApplicationStartsOnH2Test {

    @Autowired
    ProcessEngine processEngine;
    @Autowired
    JdbcClient jdbc;

    @Test
    void deploysTheCustodyProcessItsDecisionsAndItsForms() {
        var repository = processEngine.getRepositoryService();
        assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("migrantCustody").count()).isEqualTo(1);
        assertThat(repository.createDecisionDefinitionQuery().list())
                .extracting("key").contains("familyStatus", "familyUnitPlacement", "releaseEligibility");
        String deploymentId = repository.createProcessDefinitionQuery().processDefinitionKey("migrantCustody")
                .singleResult().getDeploymentId();
        assertThat(repository.getDeploymentResourceNames(deploymentId))
                .anyMatch(name -> name.endsWith("record-intake.form"));
    }

    @Test
    void flywayCreatedTheCaseTables() {
        assertThat(jdbc.sql("SELECT \"version\" FROM \"flyway_schema_history\" WHERE \"success\"")
                .query(String.class).list()).contains("1", "2");
        assertThat(jdbc.sql("SELECT COLUMN_NAME FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_NAME = 'CUSTODY_CASE'")
                .query(String.class).list()).as("the case table as the migrations leave it")
                .contains("CASE_NUMBER", "EVENT_NUMBER", "STATUS", "CUSTODY_DEADLINE", "PERSON_ID");
    }

    @Test
    void engineRunsWithAuthorizationOnJavaSerializationOffAndHistoryTimeToLiveEnforced() {
        var configuration = (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
        assertThat(configuration.isAuthorizationEnabled()).isTrue();
        assertThat(configuration.isJavaSerializationFormatEnabled()).isFalse();
        assertThat(configuration.isEnforceHistoryTimeToLive()).isTrue();
        assertThat(configuration.isEnableExpressionsInAdhocQueries()).isFalse();
    }

    @Test
    void engineKeepsAuditHistoryAndTakesDueTimersFirstThroughTheDueDateIndex() {
        var configuration = (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
        assertThat(configuration.getHistoryLevel().getName()).isEqualTo("audit");
        assertThat(configuration.isJobExecutorPreferTimerJobs()).isTrue();
        assertThat(configuration.isJobExecutorAcquireByDueDate()).isTrue();
        assertThat(jdbc.sql("SELECT INDEX_NAME FROM INFORMATION_SCHEMA.INDEXES WHERE TABLE_NAME IN ('ACT_RU_JOB',"
                + " 'ACT_RU_TASK', 'ACT_RU_EVENT_SUBSCR')").query(String.class).list())
                .contains("IX_ACT_RU_JOB_DUEDATE", "IX_ACT_RU_TASK_DUE_DATE", "IX_ACT_RU_EVENT_SUBSCR_PROC_INST");
    }

    @Test
    void everyGroupAndDemoUserExists() {
        var identity = processEngine.getIdentityService();
        assertThat(identity.createGroupQuery().list()).extracting("id").contains("camunda-admin",
                "border-patrol-agent", "border-patrol-supervisor", "ice-ero-officer", "orr-liaison", "custody-manager");
        assertThat(identity.createUserQuery().list()).extracting("id")
                .contains("admin", "agent", "supervisor", "ice-officer", "orr-liaison", "manager");
    }
}
