package org.bordercustody.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.bordercustody.ApiClient;
import org.bordercustody.CustodyApplicationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A rate with nothing to measure is null, never a made-up 0% or 100%. */
@CustodyApplicationTest
class CustodyReportsTest {

    @LocalServerPort
    int port;

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
}
