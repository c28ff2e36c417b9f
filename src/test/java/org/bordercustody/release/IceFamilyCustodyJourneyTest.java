package org.bordercustody.release;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bordercustody.ApiClient;
import org.bordercustody.CustodyApplicationTest;
import org.bordercustody.Journeys;
import org.bordercustody.TasklistClient;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A family held in ICE family custody and let go from there, by the people who work it: what the timeline of every
 * member says, with the officer's reason as a reason and never as a document number or a port.
 */
@CustodyApplicationTest
class IceFamilyCustodyJourneyTest {

    static final List<String> MEMBERS = List.of("-01", "-02", "-03");

    @LocalServerPort
    int port;

    @Test
    void aFamilyReleasedFromIceFamilyCustodyHasTheReasonAsAReasonInEveryTimeline() {
        String event = familyInIceFamilyCustody("ICE0001");
        Map<String, Object> decision = new HashMap<>(Map.of("iceFamilyOutcome", "RELEASE",
                "iceFamilyOutcomeReason", "sponsor confirmed in Houston", "addressStreet", "1200 Main St",
                "addressBuildingType", "SINGLE_UNIT", "addressCity", "Houston", "addressState", "TX",
                "addressZip", "77002", "contactPhone", "+17135550100"));

        ApiClient.Response response = ice().complete(event + "-01", "Task_DecideFamilyCustodyOutcome", decision);
        assertThat(response.status()).as(response.body()).isEqualTo(204);

        for (String member : MEMBERS) {
            JsonNode released = entry(event + member, "RELEASED");
            assertThat(released.get("description").asText())
                    .startsWith("Released from ICE family custody (sponsor confirmed in Houston) to 1200 Main St")
                    .doesNotContain("ICE_RELEASE");
            assertThat(released.get("actor").asText()).isEqualTo("ice-officer");
            assertThat(types(event + member)).containsSubsequence("TRANSFERRED_TO_ICE", "ADDRESS_RECORDED", "RELEASED");
        }
    }

    @Test
    void aFamilyRemovedFromIceFamilyCustodyHasTheReasonAndNoPortInEveryTimeline() {
        String event = familyInIceFamilyCustody("ICE0002");

        assertThat(ice().complete(event + "-01", "Task_DecideFamilyCustodyOutcome", Map.of("iceFamilyOutcome", "REMOVAL",
                "iceFamilyOutcomeReason", "final order of removal")).status()).isEqualTo(204);

        for (String member : MEMBERS) {
            JsonNode removed = entry(event + member, "REMOVED");
            assertThat(removed.get("description").asText())
                    .isEqualTo("Removed from ICE family custody: final order of removal");
            assertThat(types(event + member)).containsSubsequence("TRANSFERRED_TO_ICE", "REMOVED");
        }
        assertThat(timeline(event + "-01")).extracting(entry -> entry.get("description").asText())
                .as("every answer kept, with who gave it")
                .contains("Task completed: Hand over to ICE. Receiving ICE facility: South Texas Family Residential"
                        + " Center, Dilley TX: family residential center, children with a parent or legal guardian; "
                        + "Transfer record: medical summary, property, documents: family of three")
                .anySatisfy(description -> assertThat(description)
                        .contains("Decision: Removal of the family; Reason: final order of removal"));
    }

    /** A mother with a public-safety record and her two children, booked into a family residential center. */
    private String familyInIceFamilyCustody(String event) {
        return new Journeys(port).familyInIceFamilyCustody(event);
    }

    private TasklistClient ice() {
        return new TasklistClient(ApiClient.as(port, "ice-officer"));
    }

    private JsonNode entry(String caseNumber, String type) {
        return timeline(caseNumber).stream().filter(entry -> entry.get("type").asText().equals(type)).findFirst()
                .orElseThrow(() -> new AssertionError(caseNumber + " has no " + type + ": " + types(caseNumber)));
    }

    private List<String> types(String caseNumber) {
        return timeline(caseNumber).stream().map(entry -> entry.get("type").asText()).toList();
    }

    private List<JsonNode> timeline(String caseNumber) {
        List<JsonNode> entries = new ArrayList<>();
        ApiClient.as(port, "supervisor").get("/api/cases/" + caseNumber + "/timeline").json().forEach(entries::add);
        return entries;
    }
}
