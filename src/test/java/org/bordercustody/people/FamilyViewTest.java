package org.bordercustody.people;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bordercustody.ApiClient;
import org.bordercustody.CustodyApplicationTest;
import org.bordercustody.Journeys;
import org.bordercustody.TasklistClient;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * GET /api/cases/{caseNumber}/family for each journey: who the members are, how they are related, where each is now
 * (a station, an ICE facility, an ORR care provider, a release's city and state) and the separations; and what each
 * role sees of it.
 */
@CustodyApplicationTest
class FamilyViewTest {

    @LocalServerPort
    int port;

    @Test
    void aSeparatedFatherAndSonAreFoundTogetherWithTheSeparationAndWhereEachIs() {
        Journeys journeys = new Journeys(port);
        String son = journeys.separatedChild("FVW0001");
        String father = "FVW0001-01";

        JsonNode family = family("supervisor", son);

        assertThat(family.get("members")).extracting(member -> member.get("caseNumber").asText())
                .containsExactly(father, son);
        JsonNode dad = member(family, father);
        assertThat(dad.get("familyName").asText()).isEqualTo("Castillo");
        assertThat(dad.get("givenNames").asText()).isEqualTo("Mario");
        assertThat(dad.get("relationship").asText()).isEqualTo("PARENT");
        assertThat(dad.get("status").asText()).isEqualTo("IN_CBP_CUSTODY");
        assertThat(dad.at("/whereNow/agency").asText()).isEqualTo("CBP");
        assertThat(dad.at("/whereNow/station").asText()).isEqualTo("BRF");
        assertThat(dad.at("/whereNow/facilityKind").asText()).isEqualTo("CBP_HOLDING");
        JsonNode boy = member(family, son);
        assertThat(boy.get("age").asInt()).isEqualTo(10);
        assertThat(boy.get("relationship").asText()).isEqualTo("CHILD");
        JsonNode separation = family.get("separations").get(0);
        assertThat(family.get("separations")).hasSize(1);
        assertThat(separation.get("caseNumbers")).extracting(JsonNode::asText).containsExactly(son, father);
        assertThat(separation.get("reason").asText()).isEqualTo("CRIMINAL_HISTORY_OR_WARRANT");
        assertThat(separation.get("reasonWords").asText()).isEqualTo("Criminal history or warrant of the adult");
        assertThat(separation.get("note").asText()).isEqualTo("warrant for assault");
        assertThat(separation.get("decidedBy").asText()).isEqualTo("supervisor");
        assertThat(separation.get("reunifiedAt").isNull()).isTrue();
        assertThat(family("agent", father).get("members")).as("the same family from the father's case").hasSize(2);

        new TasklistClient(ApiClient.as(port, "agent")).complete(father, "Task_PrepareIceTransfer",
                Map.of("iceFacility", "ELOY", "transferRecord", "father alone"));
        assertThat(ApiClient.as(port, "ice-system").post("/api/cases/" + father + "/ice-book-in",
                "{ \"facility\": \"ELOY\", \"bookInNumber\": \"E-FVW1\", \"familyCustody\": false }").status())
                .isEqualTo(201);
        JsonNode booked = member(family("ice-officer", son), father);
        assertThat(booked.at("/whereNow/agency").asText()).isEqualTo("ICE");
        assertThat(booked.at("/whereNow/facility").asText()).isEqualTo("ELOY");
        assertThat(booked.at("/whereNow/facilityName").asText()).isEqualTo("Eloy Detention Center");
        assertThat(booked.at("/whereNow/facilityKind").asText()).isEqualTo("ICE_ADULT_DETENTION");
        assertThat(member(family("ice-officer", son), son).at("/whereNow/agency").asText()).isEqualTo("CBP");
    }

    @Test
    void orrSeesTheChildAndWhatItsReunificationNeedsOfTheParentAndNothingOfTheParentsOwnCase() {
        String son = new Journeys(port).separatedChild("FVW0002");
        String father = "FVW0002-01";

        JsonNode family = family("orr-liaison", son);

        JsonNode dad = member(family, father);
        assertThat(dad.get("givenNames").asText()).isEqualTo("Mario");
        assertThat(dad.get("relationship").asText()).isEqualTo("PARENT");
        assertThat(dad.at("/whereNow/station").asText()).isEqualTo("BRF");
        assertThat(dad.get("age").isNull()).as("no more of the adult than the reunification needs").isTrue();
        assertThat(dad.get("status").isNull()).isTrue();
        assertThat(member(family, son).get("status").asText()).isEqualTo("IN_CBP_CUSTODY");
        assertThat(family.get("separations")).hasSize(1);
        assertThat(ApiClient.as(port, "orr-liaison").get("/api/cases/" + father + "/family").status())
                .as("the adult's own case is not known to ORR").isEqualTo(404);
    }

    @Test
    void aChildWithAnAuntTransferredToOrrIsAtTheCareProviderAndOrrDoesNotSeeTheAunt() {
        String child = new Journeys(port).childAwaitingPlacement("FVW0003");
        String aunt = "FVW0003-01";
        ApiClient.as(port, "orr-system").post("/api/cases/" + child + "/orr-placement",
                "{ \"facility\": \"ORR-SH-TX-01\", \"placementType\": \"SHELTER\" }");
        new TasklistClient(ApiClient.as(port, "orr-liaison")).complete(child, "Task_ConfirmTransferToOrr",
                Map.of("orrReceivedBy", "M. Garza"));

        JsonNode asAgent = family("agent", child);
        assertThat(asAgent.get("members")).extracting(member -> member.get("caseNumber").asText())
                .containsExactly(aunt, child);
        assertThat(member(asAgent, aunt).get("relationship").asText()).isEqualTo("OTHER_RELATIVE");
        JsonNode carla = member(asAgent, child);
        assertThat(carla.get("status").asText()).isEqualTo("TRANSFERRED_TO_ORR");
        assertThat(carla.at("/whereNow/agency").asText()).isEqualTo("ORR");
        assertThat(carla.at("/whereNow/facility").asText()).isEqualTo("ORR-SH-TX-01");
        assertThat(carla.at("/whereNow/facilityKind").asText()).isEqualTo("ORR_SHELTER");

        assertThat(family("orr-liaison", child).get("members")).extracting(member -> member.get("caseNumber").asText())
                .containsExactly(child);
    }

    @Test
    void aReleasedPersonIsAFamilyOfOneReleasedToACityAndState() {
        String person = new Journeys(port).releasedAdult("FVW0004");

        JsonNode family = family("manager", person);

        assertThat(family.get("members")).hasSize(1);
        JsonNode member = member(family, person);
        assertThat(member.at("/whereNow/releasedToCity").asText()).isEqualTo("Dallas");
        assertThat(member.at("/whereNow/releasedToState").asText()).isEqualTo("TX");
        assertThat(member.at("/whereNow/words").asText()).isEqualTo("Released to Dallas, TX; check-in with ICE due");
        assertThat(family.get("separations")).isEmpty();
    }

    @Test
    void everyPersonReadsTheFamilyOfACaseTheyMayReadPartnersAndStrangersDoNot() {
        String son = new Journeys(port).separatedChild("FVW0005");
        for (String role : List.of("agent", "supervisor", "ice-officer", "orr-liaison", "manager", "admin")) {
            assertThat(ApiClient.as(port, role).get("/api/cases/" + son + "/family").status()).as(role).isEqualTo(200);
        }
        for (String partner : List.of("ice-system", "orr-system")) {
            assertThat(ApiClient.as(port, partner).get("/api/cases/" + son + "/family").status()).as(partner)
                    .isEqualTo(403);
        }
        assertThat(ApiClient.anonymous(port).get("/api/cases/" + son + "/family").status()).isEqualTo(401);
        assertThat(ApiClient.as(port, "agent").get("/api/cases/NOSUCH0001-01/family").status()).isEqualTo(404);
        assertThat(ApiClient.as(port, "agent").get("/api/cases/not%20a%20case/family").status()).isEqualTo(400);
    }

    private JsonNode family(String user, String caseNumber) {
        ApiClient.Response response = ApiClient.as(port, user).get("/api/cases/" + caseNumber + "/family");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private static JsonNode member(JsonNode family, String caseNumber) {
        List<JsonNode> members = new ArrayList<>();
        family.get("members").forEach(members::add);
        return members.stream().filter(member -> member.get("caseNumber").asText().equals(caseNumber)).findFirst()
                .orElseThrow(() -> new AssertionError(caseNumber + " is not among " + family.get("members")));
    }
}
