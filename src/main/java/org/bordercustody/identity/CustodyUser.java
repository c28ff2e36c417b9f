package org.bordercustody.identity;

import java.security.Principal;
import java.util.List;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

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

    /** The caller as Spring Security holds it: this user as principal, its groups as authorities. */
    public Authentication authenticated() {
        return UsernamePasswordAuthenticationToken.authenticated(this, null,
                groups.stream().map(SimpleGrantedAuthority::new).toList());
    }

    /** The sectors of a call's user; none when the call has no user of this application. */
    public static List<String> sectorsOf(Authentication authentication) {
        return of(authentication).map(CustodyUser::sectors).orElse(List.of());
    }

    /** Whether the call is an administrator's, who sees every sector. */
    public static boolean isAdministrator(Authentication authentication) {
        return authentication.getAuthorities().stream()
                .anyMatch(authority -> CustodyGroups.ADMIN.equals(authority.getAuthority()));
    }

    /** The user of a call, if it is one: the principal of an authentication by this application. */
    public static java.util.Optional<CustodyUser> of(Authentication authentication) {
        return authentication != null && authentication.getPrincipal() instanceof CustodyUser user
                ? java.util.Optional.of(user) : java.util.Optional.empty();
    }
}
