package org.bordercustody.custody;

import static org.bordercustody.identity.CustodyGroups.ORR_LIAISON;

import java.util.Set;
import java.util.stream.Collectors;
import org.bordercustody.identity.CustodyGroups;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Who may read which case: HHS ORR liaisons and ORR's system see unaccompanied children's cases only, ICE's system
 * every case but theirs; everyone else with access
 * to the API sees every case. A case a caller may not read answers exactly as one that does not exist, so that
 * case numbers cannot be probed.
 */
@Component
public class CaseAccess {

    private final CustodyCaseRepository cases;

    public CaseAccess(CustodyCaseRepository cases) {
        this.cases = cases;
    }

    public void checkReadable(String caseNumber, Authentication caller) {
        Set<String> groups = groupsOf(caller);
        if ((onlyOrr(groups) || onlyIceSystem(groups)) && cases.find(Cases.checked(caseNumber))
                .filter(custodyCase -> mayRead(custodyCase, groups)).isEmpty()) {
            throw new CaseNotFoundException(caseNumber);
        }
    }

    /** Whether the caller may read this case; for many cases at once, as a search does. */
    public boolean mayRead(CustodyCase custodyCase, Authentication caller) {
        return mayRead(custodyCase, groupsOf(caller));
    }

    private static boolean mayRead(CustodyCase custodyCase, Set<String> groups) {
        boolean child = custodyCase.classification() == Classification.UNACCOMPANIED_CHILD;
        if (onlyOrr(groups)) {
            return child;
        }
        // ICE's system answers for adults and families: an unaccompanied child's case is ORR's, not known to it.
        return !onlyIceSystem(groups) || !child;
    }

    private static Set<String> groupsOf(Authentication caller) {
        return caller.getAuthorities().stream().map(GrantedAuthority::getAuthority).collect(Collectors.toSet());
    }

    private static boolean onlyOrr(Set<String> groups) {
        return (groups.contains(ORR_LIAISON) || groups.contains(CustodyGroups.PARTNER_ORR))
                && groups.stream().noneMatch(group -> !group.equals(ORR_LIAISON) && CustodyGroups.ALL.contains(group));
    }

    private static boolean onlyIceSystem(Set<String> groups) {
        return CustodyGroups.isPartnerOnly(groups) && groups.contains(CustodyGroups.PARTNER_ICE);
    }
}
