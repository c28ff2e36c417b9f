package org.bordercustody.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Who a token names, read from its claims alone, under the claim names the application is told. */
class TokenClaimsTest {

    private static final SectorScopes SCOPES = new SectorScopes(new Sectors(), new IdentityProperties(false,
            new IdentityProperties.Administrator("admin", "admin"), Map.of()));
    private static final TokenClaims DEFAULT_NAMES = new TokenClaims(
            new OidcProperties.Claims("preferred_username", "groups", "sectors", "ice_field_office"), SCOPES);

    @Test
    void anAgentIsTheUserIdGroupsAndSectorsTheTokenNames() {
        CustodyUser agent = DEFAULT_NAMES.userOf(Map.of("preferred_username", "agent", "sub", "3f2a",
                "groups", List.of("border-patrol-agent"), "sectors", List.of("SDC")));

        assertThat(agent).isEqualTo(new CustodyUser("agent", List.of("border-patrol-agent"), List.of("SDC")));
    }

    @Test
    void anIceOfficerSeesTheSectorsOfTheirFieldOffice() {
        CustodyUser officer = DEFAULT_NAMES.userOf(Map.of("preferred_username", "ice-officer",
                "groups", List.of("ice-ero-officer"), "ice_field_office", "SND"));

        assertThat(officer.sectors()).as("San Diego field office: San Diego and El Centro sectors")
                .containsExactly("ELC", "SDC");
    }

    @Test
    void theClaimNamesAreTheConfiguredOnesAndOneStringCountsAsAList() {
        TokenClaims renamed = new TokenClaims(new OidcProperties.Claims("upn", "roles", "bp_sector", "office"), SCOPES);

        CustodyUser supervisor = renamed.userOf(Map.of("upn", "j.doe", "preferred_username", "ignored",
                "roles", "border-patrol-supervisor", "bp_sector", "RGV", "sectors", List.of("SDC")));

        assertThat(supervisor).isEqualTo(new CustodyUser("j.doe", List.of("border-patrol-supervisor"), List.of("RGV")));
    }

    @Test
    void aSectorOffTheReferenceListAndClaimsOfAnotherKindAreIgnored() {
        CustodyUser agent = DEFAULT_NAMES.userOf(Map.of("preferred_username", "agent",
                "groups", List.of("border-patrol-agent", 7), "sectors", List.of("SDC", "XXX"), "ice_field_office", 12));

        assertThat(agent).isEqualTo(new CustodyUser("agent", List.of("border-patrol-agent"), List.of("SDC")));
    }

    @Test
    void aTokenWithoutAUserIdNamesNobody() {
        assertThat(DEFAULT_NAMES.userOf(Map.of("groups", List.of("custody-manager")))).isNull();
        assertThat(DEFAULT_NAMES.userOf(Map.of("preferred_username", " ", "groups", List.of("custody-manager"))))
                .isNull();
    }
}
