package org.bordercustody.release;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.bordercustody.release.IntendedAddress.BuildingType;
import org.bordercustody.custody.TaskForms;
import org.bordercustody.system.InvalidRequestException;
import org.springframework.stereotype.Component;

/**
 * What makes an intended address usable for ICE to find the person: a street with a number, the unit of a
 * multi-unit building, a city, a real state code and a 5- or 9-digit ZIP code of that state.
 */
@Component
public class AddressRules {

    private final ZipPrefixes zipPrefixes;

    public AddressRules(ZipPrefixes zipPrefixes) {
        this.zipPrefixes = zipPrefixes;
    }

    /** The 50 states, DC, the territories and the military "states" the Postal Service delivers to. */
    static final Set<String> STATE_CODES = Set.of("AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "FL", "GA", "HI",
            "ID", "IL", "IN", "IA", "KS", "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH",
            "NJ", "NM", "NY", "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA",
            "WV", "WI", "WY", "DC", "PR", "GU", "VI", "AS", "MP", "AA", "AE", "AP");
    /** The longest answer of each field the release address table keeps (V2's columns); the forms' limits are these. */
    public static final Map<String, Integer> MAX_LENGTHS = Map.of("addressStreet", 100, "addressUnit", 20,
            "addressCity", 60, "addressState", 2, "addressZip", 10, "contactPhone", 20);
    private static final Pattern STREET = Pattern.compile("\\d+[A-Za-z]?(-\\d+)?\\s+\\S.*");
    private static final Pattern ZIP = Pattern.compile("\\d{5}(-\\d{4})?");
    private static final Pattern CITY = Pattern.compile("[\\p{L}][\\p{L} .'-]*");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9 ()-]{7,20}");
    private static final Pattern UNIT = Pattern.compile("[A-Za-z0-9 #-]{1,20}");

    /** The address, or a refusal naming every fault at once, each with its field, in the form's order. */
    public IntendedAddress check(String street, String unit, String buildingType, String city, String state,
            String zip, String contactPhone) {
        List<InvalidRequestException.Problem> problems = new ArrayList<>();
        String checkedStreet = blankToNull(street);
        if (checkedStreet == null) {
            problems.add(problem("addressStreet", "is required"));
        } else if (!STREET.matcher(checkedStreet).matches()) {
            problems.add(problem("addressStreet", "must start with the house number, such as 1208 Maple Ave"));
        }
        BuildingType building = null;
        String checkedBuilding = blankToNull(buildingType);
        if (checkedBuilding == null) {
            problems.add(problem("addressBuildingType", "is required"));
        } else {
            building = Arrays.stream(BuildingType.values()).filter(type -> type.name().equals(checkedBuilding))
                    .findFirst().orElse(null);
            if (building == null) {
                problems.add(problem("addressBuildingType", "must be one of: " + String.join("; ",
                        TaskForms.deployed().choicesOf("addressBuildingType").values())));
            }
        }
        String checkedUnit = blankToNull(unit);
        if (building == BuildingType.MULTI_UNIT && checkedUnit == null) {
            problems.add(problem("addressUnit", "is required for an apartment or other multi-unit building"));
        } else if (checkedUnit != null && !UNIT.matcher(checkedUnit).matches()) {
            problems.add(problem("addressUnit", "must be up to 20 letters, digits, spaces, # or -"));
        }
        String checkedCity = blankToNull(city);
        if (checkedCity == null) {
            problems.add(problem("addressCity", "is required"));
        } else if (!CITY.matcher(checkedCity).matches()) {
            problems.add(problem("addressCity", "must be a city name"));
        }
        String checkedState = blankToNull(state) == null ? null : blankToNull(state).toUpperCase(java.util.Locale.ROOT);
        if (checkedState == null) {
            problems.add(problem("addressState", "is required"));
        } else if (!STATE_CODES.contains(checkedState)) {
            problems.add(problem("addressState", "'" + checkedState + "' is not a U.S. state or territory code"));
        }
        String checkedZip = blankToNull(zip);
        if (checkedZip == null) {
            problems.add(problem("addressZip", "is required"));
        } else if (!ZIP.matcher(checkedZip).matches()) {
            problems.add(problem("addressZip", "must be 5 digits or 5+4 digits, such as 78520 or 78520-1234"));
        }
        if (checkedZip != null && ZIP.matcher(checkedZip).matches() && checkedState != null
                && STATE_CODES.contains(checkedState) && !zipPrefixes.inState(checkedZip, checkedState)) {
            problems.add(problem("addressZip", notInState(checkedZip, checkedState)));
        }
        String phone = blankToNull(contactPhone);
        if (phone != null && !PHONE.matcher(phone).matches()) {
            problems.add(problem("contactPhone", "must be a phone number"));
        }
        Map<String, String> given = new java.util.HashMap<>();
        given.put("addressStreet", street);
        given.put("addressUnit", unit);
        given.put("addressCity", city);
        given.put("addressState", state);
        given.put("addressZip", zip);
        given.put("contactPhone", contactPhone);
        for (String field : List.of("addressStreet", "addressUnit", "addressCity", "addressState", "addressZip",
                "contactPhone")) {
            String value = blankToNull(given.get(field));
            if (value != null && value.length() > MAX_LENGTHS.get(field)
                    && problems.stream().noneMatch(problem -> problem.field().equals(field))) {
                problems.add(problem(field, "must be at most " + MAX_LENGTHS.get(field) + " characters"));
            }
        }
        if (!problems.isEmpty()) {
            problems.sort(java.util.Comparator.comparingInt(problem -> FIELD_ORDER.indexOf(problem.field())));
            throw new InvalidRequestException(problems);
        }
        return new IntendedAddress(checkedStreet, checkedUnit, building, checkedCity, checkedState, checkedZip, phone);
    }

    private String notInState(String zip, String state) {
        java.util.Set<String> states = zipPrefixes.statesOf(zip);
        if (states.isEmpty()) {
            return "is not a ZIP code of any state: no ZIP code begins with " + zip.substring(0, 3);
        }
        return "is a ZIP code of " + String.join(" or ", new java.util.TreeSet<>(states)) + ", not of " + state;
    }

    private static final List<String> FIELD_ORDER = List.of("addressStreet", "addressBuildingType", "addressUnit",
            "addressCity", "addressState", "addressZip", "contactPhone");

    private static InvalidRequestException.Problem problem(String field, String reason) {
        return new InvalidRequestException.Problem(field, null, reason);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip().replaceAll("\\s+", " ");
    }
}
