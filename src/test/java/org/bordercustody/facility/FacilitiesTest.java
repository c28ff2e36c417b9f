package org.bordercustody.facility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.bordercustody.custody.TaskForms;
import org.bordercustody.system.InvalidRequestException;
import org.junit.jupiter.api.Test;

/** The reference list of facilities as the application reads it, and the forms' lists held to it. */
class FacilitiesTest {

    final Facilities facilities = new Facilities();

    @Test
    void theListKnowsEloyAsAdultDetentionAndDilleyAndKarnesAsTheFamilyResidentialCenters() {
        assertThat(facilities.find("ELOY")).get().satisfies(eloy -> {
            assertThat(eloy.name()).isEqualTo("Eloy Detention Center");
            assertThat(eloy.kind()).isEqualTo(FacilityKind.ICE_ADULT_DETENTION);
            assertThat(eloy.state()).isEqualTo("AZ");
            assertThat(eloy.minAge()).isEqualTo(18);
        });
        assertThat(facilities.ofKind(FacilityKind.ICE_FAMILY_RESIDENTIAL_CENTER)).extracting(Facility::code)
                .containsExactly("DILLEY", "KARNES");
        assertThat(facilities.all()).extracting(Facility::kind).contains(FacilityKind.values());
    }

    @Test
    void theCbpStationsAreTheStationsAndSectorsApprehensionsCarry() {
        assertThat(facilities.ofKind(FacilityKind.CBP_HOLDING)).extracting(facility -> facility.sector() + "/"
                + facility.code()).contains("TCA/NOG", "SDC/CHU", "RGV/MCA");
    }

    @Test
    void onlyFamilyResidentialCentersAmongIceFacilitiesHoldChildren() {
        assertThat(facilities.ofAgency(Agency.ICE)).allSatisfy(facility -> assertThat(facility.minAge() < 18)
                .as(facility.code()).isEqualTo(facility.kind() == FacilityKind.ICE_FAMILY_RESIDENTIAL_CENTER));
        assertThat(facilities.ofAgency(Agency.ORR)).allSatisfy(facility ->
                assertThat(facility.maxAge()).as(facility.code()).isLessThan(18));
    }

    @Test
    void aFacilityRefusesAPersonOutsideItsAgesOrSexes() {
        Facility florence = facilities.find("FLORENCE").orElseThrow();
        assertThat(florence.refusal("F", 30)).get().asString().contains("men and boys only");
        assertThat(florence.refusal("M", 30)).isEmpty();
        assertThat(florence.refusal("M", 10)).get().asString().contains("aged 18 and over, not a person aged 10");
        assertThat(florence.refusal("M", null)).get().asString().contains("record the date of birth first");
        Facility staffSecure = facilities.find("ORR-SS-VA-01").orElseThrow();
        assertThat(staffSecure.refusal("F", 9)).get().asString().contains("aged 13 to 17");
        assertThat(staffSecure.refusal("F", 15)).isEmpty();
    }

    @Test
    void aCodeOfAnotherAgencyOrNoneIsRefusedNamingTheField() {
        assertThat(facilities.ofAgency("ELOY", Agency.ICE, "facility").code()).isEqualTo("ELOY");
        assertThatThrownBy(() -> facilities.ofAgency("Eloy Detention Center", Agency.ICE, "facility"))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                    assertThat(e.field()).isEqualTo("facility");
                    assertThat(e.reason()).contains("not a facility code");
                });
        assertThatThrownBy(() -> facilities.ofAgency("ORR-SH-TX-01", Agency.ICE, "iceFacility"))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                    assertThat(e.field()).isEqualTo("iceFacility");
                    assertThat(e.reason()).contains("must be a facility of ICE").contains("a facility of ORR");
                });
        assertThatThrownBy(() -> FacilityKind.named("PRISON", "kind"))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.field()).isEqualTo("kind"));
    }

    @Test
    void theFormsOfferEachAgencysFacilitiesOfTheListInTheListsWords() {
        Map<String, String> ice = choices(Agency.ICE);
        Map<String, String> orr = choices(Agency.ORR);
        TaskForms forms = TaskForms.deployed();
        assertThat(forms.byId("prepareIceTransfer").orElseThrow().fields().get("iceFacility").options())
                .containsExactlyEntriesOf(ice);
        assertThat(forms.byId("acceptIceTransfer").orElseThrow().fields().get("iceFacility").options())
                .containsExactlyEntriesOf(ice);
        assertThat(forms.byId("designateOrrPlacement").orElseThrow().fields().get("orrFacility").options())
                .containsExactlyEntriesOf(orr);
        assertThat(forms.byId("confirmTransferToOrr").orElseThrow().fields().get("orrFacility").options())
                .containsExactlyEntriesOf(orr);
    }

    private Map<String, String> choices(Agency agency) {
        Map<String, String> choices = new LinkedHashMap<>();
        facilities.ofAgency(agency).forEach(facility -> choices.put(facility.code(), facility.choiceLabel()));
        return choices;
    }
}
