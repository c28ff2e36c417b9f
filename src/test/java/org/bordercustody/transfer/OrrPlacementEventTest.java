package org.bordercustody.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.bordercustody.ApiClient;
import org.bordercustody.CustodyApplicationTest;
import org.bordercustody.Journeys;
import org.bordercustody.TasklistClient;
import org.bordercustody.partner.PartnerTests;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * ORR's placement of a child writes the same timeline entry and the same orr-placement-designated event whichever
 * way it comes: the liaison's form in Tasklist or ORR's system through the case API.
 */
@CustodyApplicationTest
class OrrPlacementEventTest {

    @LocalServerPort
    int port;

    @Test
    void thePlacementInTasklistAndThroughTheCaseApiEachWriteTheEventAndTheTimelineEntry() {
        Journeys journeys = new Journeys(port);
        String inTasklist = journeys.childAwaitingPlacement("OPE0001");
        String byOrrSystem = journeys.childAwaitingPlacement("OPE0002");

        ApiClient.Response completed = new TasklistClient(ApiClient.as(port, "orr-liaison")).complete(inTasklist,
                "Task_DesignateOrrPlacement", Map.of("orrFacility", "ORR-SH-TX-01", "orrPlacementType", "SHELTER"));
        assertThat(completed.status()).as(completed.body()).isEqualTo(204);
        ApiClient.Response placed = ApiClient.as(port, "orr-system").post("/api/cases/" + byOrrSystem
                + "/orr-placement", "{ \"facility\": \"ORR-SH-TX-01\", \"placementType\": \"SHELTER\" }");
        assertThat(placed.status()).as(placed.body()).isEqualTo(202);

        List<JsonNode> events = PartnerTests.allEvents(ApiClient.as(port, "orr-system"));
        for (String[] path : new String[][] {{inTasklist, "orr-liaison"}, {byOrrSystem, "orr-system"}}) {
            String caseNumber = path[0];
            assertThat(events.stream().filter(event -> event.get("subject").asText().equals(caseNumber))
                    .filter(event -> event.get("type").asText().endsWith(".orr-placement-designated")))
                    .as("one event for " + caseNumber).singleElement()
                    .satisfies(event -> assertThat(event.at("/data/summary").asText()).isEqualTo(
                            "ORR designated a placement (Shelter) at ORR shelter care provider (Brownsville)"
                                    + " (ORR-SH-TX-01)"));
            JsonNode timeline = ApiClient.as(port, "supervisor").get("/api/cases/" + caseNumber + "/timeline").json();
            assertThat(timeline.findValues("type")).extracting(JsonNode::asText)
                    .containsOnlyOnce("ORR_PLACEMENT_DESIGNATED");
            for (JsonNode entry : timeline) {
                if (entry.get("type").asText().equals("ORR_PLACEMENT_DESIGNATED")) {
                    assertThat(entry.get("actor").asText()).as("who placed " + caseNumber).isEqualTo(path[1]);
                }
            }
        }
    }
}
