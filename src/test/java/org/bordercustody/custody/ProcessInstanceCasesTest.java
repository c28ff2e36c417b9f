package org.bordercustody.custody;

import static org.assertj.core.api.Assertions.assertThat;

import org.bordercustody.ApiClient;
import org.bordercustody.CustodyApplicationTest;
import org.bordercustody.apprehension.ApprehensionFixtures;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Cockpit's case tab finds a process instance's case for those who may read the case, and for no one else. */
@CustodyApplicationTest
class ProcessInstanceCasesTest {

    @LocalServerPort
    int port;
    @Autowired
    RuntimeService runtimeService;

    @Test
    void aManagerFindsTheCaseOfAnInstanceAnOrrLiaisonNotAnAdultsAndNobodyAnUnknownOnes() {
        assertThat(ApiClient.as(port, "agent").post("/api/apprehensions", ApprehensionFixtures.singleAdult("PIC0001"))
                .status()).isEqualTo(201);
        String instance = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey("PIC0001-01")
                .singleResult().getId();

        ApiClient.Response manager = ApiClient.as(port, "manager").get("/api/process-instances/" + instance + "/case");
        assertThat(manager.status()).isEqualTo(200);
        assertThat(manager.json().get("caseNumber").asText()).isEqualTo("PIC0001-01");

        ApiClient.Response orr = ApiClient.as(port, "orr-liaison").get("/api/process-instances/" + instance + "/case");
        ApiClient.Response unknown = ApiClient.as(port, "orr-liaison").get("/api/process-instances/no-such-instance/case");
        assertThat(orr.status()).isEqualTo(404);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(orr.body()).doesNotContain("PIC0001");
    }
}
