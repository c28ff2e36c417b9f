package org.bordercustody.custody;

import static org.bordercustody.identity.CustodyGroups.ORR_LIAISON;

import java.util.Set;
import java.util.stream.Collectors;
import org.bordercustody.identity.CustodyGroups;
import org.bordercustody.identity.CustodyUser;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Who may read which case: a person sees the cases of their sectors only (the sector holding the person:
 * {@link org.bordercustody.identity.SectorScopes}); HHS ORR liaisons and ORR's system see unaccompanied children's
 * cases only, ICE's system every case but theirs; administrators and partner systems every sector. A case a caller
 * may not read answers exactly as one that does not exist, so that case numbers cannot be probed.
 */
@Component
public class CaseAccess {

    private final CustodyCaseRepository cases;

    public CaseAccess(CustodyCaseRepository cases) {
        this.cases = cases;
    }

    public void checkReadable(String caseNumber, Authentication caller) {
        if (cases.find(Cases.checked(caseNumber)).filter(custodyCase -> mayRead(custodyCase, caller)).isEmpty()) {
            throw new CaseNotFoundException(caseNumber);
        }
    }

    /** Whether the caller may read this case; for many cases at once, as a search does. */
    public boolean mayRead(CustodyCase custodyCase, Authentication caller) {
        Set<String> groups = groupsOf(caller);
        return inScope(custodyCase, caller, groups) && mayRead(custodyCase, groups);
    }

    /** The case is held in one of the caller's sectors, or the caller sees every sector. */
    private static boolean inScope(CustodyCase custodyCase, Authentication caller, Set<String> groups) {
        if (groups.contains(CustodyGroups.ADMIN) || CustodyGroups.isPartnerOnly(groups)) {
            return true;
        }
        return CustodyUser.of(caller).map(user -> user.sectors().contains(custodyCase.sector())).orElse(false);
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
