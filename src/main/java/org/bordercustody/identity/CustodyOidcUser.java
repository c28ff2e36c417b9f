package org.bordercustody.identity;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;

/** A person signed in to the web apps through the identity provider, as the custody user their ID token names. */
public class CustodyOidcUser extends DefaultOidcUser {

    private final CustodyUser custodyUser;

    public CustodyOidcUser(CustodyUser custodyUser, OidcIdToken idToken, OidcUserInfo userInfo) {
        super(custodyUser.groups().stream().map(SimpleGrantedAuthority::new).toList(), idToken, userInfo);
        this.custodyUser = custodyUser;
    }

    public CustodyUser custodyUser() {
        return custodyUser;
    }

    @Override
    public String getName() {
        return custodyUser.userId();
    }
}
