package org.bordercustody.identity;

import static org.bordercustody.identity.CustodyGroups.ADMIN;
import static org.bordercustody.identity.CustodyGroups.BORDER_PATROL_AGENT;
import static org.bordercustody.identity.CustodyGroups.BORDER_PATROL_SUPERVISOR;
import static org.bordercustody.identity.CustodyGroups.CUSTODY_MANAGER;
import static org.bordercustody.identity.CustodyGroups.ICE_ERO_OFFICER;
import static org.bordercustody.identity.CustodyGroups.ORR_LIAISON;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.stereotype.Component;

/**
 * Which sectors a person's work needs, from their groups and what their sign-in names:
 * <ul>
 * <li>Border Patrol agents and supervisors: the sectors named, nothing else (none named, no case);</li>
 * <li>custody managers: the sectors named, every sector when none is;</li>
 * <li>ICE officers: the sectors named and those of their field offices (reference/sectors.csv, or
 * {@code custody.identity.field-offices.<office>} where set);</li>
 * <li>HHS ORR liaisons, partner systems and administrators: every sector (a liaison reads unaccompanied children's
 * cases only, {@code custody/CaseAccess});</li>
 * <li>privacy officers: none (they read the read log, which is not a case).</li>
 * </ul>
 * A sector that is not on the reference list is ignored.
 */
@Component
public class SectorScopes {

    /** The groups whose members see every sector whatever their sign-in names. */
    public static final List<String> EVERY_SECTOR = List.of(ADMIN, ORR_LIAISON, CustodyGroups.PARTNER_ICE,
            CustodyGroups.PARTNER_ORR);

    private final Sectors sectors;
    private final Map<String, List<String>> fieldOffices;

    public SectorScopes(Sectors sectors, IdentityProperties properties) {
        this.sectors = sectors;
        this.fieldOffices = properties.fieldOffices();
    }

    /** The sectors, sorted, for a sign-in that names these groups, sectors and ICE field offices. */
    public List<String> sectorsOf(Collection<String> groups, Collection<String> namedSectors,
            Collection<String> fieldOffices) {
        Set<String> known = sectors.codes();
        if (groups.stream().anyMatch(EVERY_SECTOR::contains)) {
            return List.copyOf(new TreeSet<>(known));
        }
        Set<String> scope = new TreeSet<>();
        List<String> named = namedSectors.stream().filter(known::contains).toList();
        if (groups.contains(BORDER_PATROL_AGENT) || groups.contains(BORDER_PATROL_SUPERVISOR)) {
            scope.addAll(named);
        }
        if (groups.contains(CUSTODY_MANAGER)) {
            scope.addAll(named.isEmpty() ? known : named);
        }
        if (groups.contains(ICE_ERO_OFFICER)) {
            scope.addAll(named);
            for (String office : fieldOffices) {
                scope.addAll(this.fieldOffices.containsKey(office)
                        ? this.fieldOffices.get(office).stream().filter(known::contains).toList()
                        : sectors.ofFieldOffices(List.of(office)));
            }
        }
        return List.copyOf(scope);
    }
}
