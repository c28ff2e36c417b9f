package org.bordercustody.identity;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Who a token names: the user id, the groups and, from the sectors and ICE field offices it names, the sectors of
 * their need to know. Read from the token alone: no user table, no call to the identity provider.
 */
public final class TokenClaims {

    private final OidcProperties.Claims names;
    private final SectorScopes sectorScopes;

    public TokenClaims(OidcProperties.Claims names, SectorScopes sectorScopes) {
        this.names = names;
        this.sectorScopes = sectorScopes;
    }

    /** The caller, or null when the token names no user id. */
    public CustodyUser userOf(Map<String, Object> claims) {
        Object userId = claims.get(names.userId());
        if (!(userId instanceof String id) || id.isBlank()) {
            return null;
        }
        List<String> groups = strings(claims.get(names.groups()));
        List<String> sectors = sectorScopes.sectorsOf(groups, strings(claims.get(names.sectors())),
                strings(claims.get(names.fieldOffices())));
        return new CustodyUser(id, groups, sectors);
    }

    /** A claim of one string or a list of strings; anything else counts as none. */
    private static List<String> strings(Object claim) {
        if (claim instanceof String one) {
            return one.isBlank() ? List.of() : List.of(one);
        }
        if (claim instanceof Collection<?> many) {
            return many.stream().filter(String.class::isInstance).map(String.class::cast).distinct().toList();
        }
        return List.of();
    }
}
