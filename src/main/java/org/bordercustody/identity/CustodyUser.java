package org.bordercustody.identity;

import java.security.Principal;
import java.util.List;

/**
 * Who calls, however they signed in (a password, a web app session, a token): the user id, the custody groups and
 * the sectors of their need to know. The sectors are the engine's tenants, so that Tasklist, Cockpit,
 * {@code /engine-rest} and the case API scope every query alike.
 */
public record CustodyUser(String userId, List<String> groups, List<String> sectors) implements Principal {

    public CustodyUser {
        groups = List.copyOf(groups);
        sectors = List.copyOf(sectors);
    }

    @Override
    public String getName() {
        return userId;
    }
}
