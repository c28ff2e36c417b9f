package org.bordercustody.identity;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** A caller authenticated by a bearer token: the custody user it names, its groups as authorities. */
public class CustodyUserAuthentication extends AbstractAuthenticationToken {

    private final CustodyUser user;
    private final transient Object token;

    public CustodyUserAuthentication(CustodyUser user, Object token) {
        super(user.groups().stream().map(SimpleGrantedAuthority::new).toList());
        this.user = user;
        this.token = token;
        setAuthenticated(true);
    }

    @Override
    public CustodyUser getPrincipal() {
        return user;
    }

    @Override
    public Object getCredentials() {
        return token;
    }

    @Override
    public String getName() {
        return user.userId();
    }
}
