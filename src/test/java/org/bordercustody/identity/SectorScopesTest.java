package org.bordercustody.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which sectors a sign-in's groups, sectors and ICE field offices give a person. */
class SectorScopesTest {

    static final List<String> EVERY_SECTOR = List.of("BBT", "DRT", "ELC", "EPT", "LRT", "RGV", "SDC", "TCA", "YUM");
    final SectorScopes scopes = new SectorScopes(new Sectors(), new IdentityProperties(false,
            new IdentityProperties.Administrator("admin", "admin"), Map.of("HOU", List.of("RGV", "LRT", "XYZ"))));

    @Test
    void agentsAndSupervisorsHaveTheSectorsNamedAndNoOther() {
        assertThat(scopes.sectorsOf(List.of(CustodyGroups.BORDER_PATROL_AGENT), List.of("SDC", "XYZ"), List.of()))
                .as("a sector off the list is ignored").containsExactly("SDC");
        assertThat(scopes.sectorsOf(List.of(CustodyGroups.BORDER_PATROL_SUPERVISOR), List.of(), List.of("SND")))
                .as("a field office is an ICE officer's, not an agent's").isEmpty();
    }

    @Test
    void managersHaveEverySectorUnlessTheirSignInNamesSome() {
        assertThat(scopes.sectorsOf(List.of(CustodyGroups.CUSTODY_MANAGER), List.of(), List.of()))
                .isEqualTo(EVERY_SECTOR);
        assertThat(scopes.sectorsOf(List.of(CustodyGroups.CUSTODY_MANAGER), List.of("TCA"), List.of()))
                .containsExactly("TCA");
    }

    @Test
    void iceOfficersHaveTheSectorsOfTheirFieldOfficesAsTheReferenceListOrTheSettingsMapThem() {
        assertThat(scopes.sectorsOf(List.of(CustodyGroups.ICE_ERO_OFFICER), List.of(), List.of("SND")))
                .containsExactly("ELC", "SDC");
        assertThat(scopes.sectorsOf(List.of(CustodyGroups.ICE_ERO_OFFICER), List.of(), List.of("HOU")))
                .as("the setting overrides the list").containsExactly("LRT", "RGV");
        assertThat(scopes.sectorsOf(List.of(CustodyGroups.ICE_ERO_OFFICER), List.of(), List.of("NOWHERE"))).isEmpty();
    }

    @Test
    void liaisonsPartnersAndAdministratorsHaveEverySectorAndPrivacyOfficersNone() {
        for (String group : List.of(CustodyGroups.ORR_LIAISON, CustodyGroups.PARTNER_ICE, CustodyGroups.PARTNER_ORR,
                CustodyGroups.ADMIN)) {
            assertThat(scopes.sectorsOf(List.of(group), List.of(), List.of())).as(group).isEqualTo(EVERY_SECTOR);
        }
        assertThat(scopes.sectorsOf(List.of(CustodyGroups.PRIVACY_OFFICER), List.of("SDC"), List.of())).isEmpty();
        assertThat(scopes.sectorsOf(List.of(), List.of("SDC"), List.of())).as("no group, no sector").isEmpty();
    }
}
