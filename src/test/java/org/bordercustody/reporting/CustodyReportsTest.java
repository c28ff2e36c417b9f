package org.bordercustody.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.bordercustody.ApiClient;
import org.bordercustody.CustodyApplicationTest;
import org.bordercustody.TasklistClient;
import org.bordercustody.apprehension.ApprehensionFixtures;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The reports a manager reads: a rate with nothing to measure is null, never a made-up 0% or 100%; everyone late
 * now is listed by name with the clock they are late on.
 */
@CustodyApplicationTest
class CustodyReportsTest {

    @LocalServerPort
    int port;
    @Autowired
    ManagementService managementService;

    @Test
    void aPeriodWithNobodyReleasedAndNoCheckInDueHasNoRates() {
        ApiClient.Response response = ApiClient.as(port, "manager")
                .get("/api/reports/custody-metrics?from=2001-01-01&to=2001-01-31");

        assertThat(response.status()).isEqualTo(200);
        JsonNode figures = response.json();
        assertThat(figures.get("released").asLong()).isZero();
        assertThat(figures.get("checkInsDue").asLong()).isZero();
        assertThat(figures.get("addressCaptureRate").isNull()).as(response.body()).isTrue();
        assertThat(figures.get("checkInComplianceRate").isNull()).as(response.body()).isTrue();
    }

    @Test
    void someoneHeld73HoursWithoutIntakeIsLateOnTheIntakeAndThe72HourLimitByName() {
        assertThat(ApiClient.as(port, "agent").post("/api/apprehensions",
                ApprehensionFixtures.singleAdult("LATE0001", ApprehensionFixtures.hoursAgo(73))).status()).isEqualTo(201);

        JsonNode now = ApiClient.as(port, "manager").get("/api/reports/custody-now").json();

        List<String> rows = new ArrayList<>();
        now.get("lateNow").forEach(row -> {
            if (row.get("caseNumber").asText().equals("LATE0001-01")) {
                rows.add(row.get("name").asText() + " | " + row.get("clock").asText() + " | "
                        + Math.round(row.get("hoursLate").asDouble()) + " | " + row.get("processInstanceId").isTextual());
            }
        });
        assertThat(rows).containsExactlyInAnyOrder("Ramirez, Jose | INTAKE | 61 | true",
                "Ramirez, Jose | CBP_HOLDING_LIMIT | 1 | true");
        assertThat(now.get("lateNow").get(0).get("hoursLate").asDouble())
                .as("the latest first").isGreaterThanOrEqualTo(61);
    }

    @Test
    void aChildWhoseHhsNotificationIsLateIsListedOnThatClockByName() {
        String child = ApprehensionFixtures.childWithAunt("LATE0002", ApprehensionFixtures.hoursAgo(50));
        assertThat(ApiClient.as(port, "agent").post("/api/apprehensions", child).status()).isEqualTo(201);
        TasklistClient agent = new TasklistClient(ApiClient.as(port, "agent"));
        agent.completeIntake("LATE0002-01", false);
        agent.completeIntake("LATE0002-02", false);
        for (Job job : managementService.createJobQuery().executable().list()) {
            managementService.executeJob(job.getId());
        }

        JsonNode now = ApiClient.as(port, "manager").get("/api/reports/custody-now").json();

        List<String> rows = new ArrayList<>();
        now.get("lateNow").forEach(row -> {
            if (row.get("caseNumber").asText().equals("LATE0002-02")) {
                rows.add(row.get("name").asText() + " | " + row.get("clock").asText());
            }
        });
        assertThat(rows).contains("Perez, Carla | HHS_NOTIFICATION");
    }
}
