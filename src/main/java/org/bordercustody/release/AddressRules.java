package org.bordercustody.release;

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
    private static final Pattern STREET = Pattern.compile("\\d+[A-Za-z]?(-\\d+)?\\s+\\S.*");
    private static final Pattern ZIP = Pattern.compile("\\d{5}(-\\d{4})?");
    private static final Pattern CITY = Pattern.compile("[\\p{L}][\\p{L} .'-]*");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9 ()-]{7,20}");
    private static final Pattern UNIT = Pattern.compile("[A-Za-z0-9 #-]{1,20}");

    public IntendedAddress check(String street, String unit, String buildingType, String city, String state,
            String zip, String contactPhone) {
        String checkedStreet = required("addressStreet", street);
        if (!STREET.matcher(checkedStreet).matches()) {
            throw new InvalidRequestException("addressStreet", "must start with the house number, such as 1208 Maple Ave");
        }
        BuildingType building = buildingType(buildingType);
        String checkedUnit = blankToNull(unit);
        if (building == BuildingType.MULTI_UNIT && checkedUnit == null) {
            throw new InvalidRequestException("addressUnit", "is required for an apartment or other multi-unit building");
        }
        if (checkedUnit != null && !UNIT.matcher(checkedUnit).matches()) {
            throw new InvalidRequestException("addressUnit", "must be up to 20 letters, digits, spaces, # or -");
        }
        String checkedCity = required("addressCity", city);
        if (!CITY.matcher(checkedCity).matches()) {
            throw new InvalidRequestException("addressCity", "must be a city name");
        }
        String checkedState = required("addressState", state).toUpperCase(java.util.Locale.ROOT);
        if (!STATE_CODES.contains(checkedState)) {
            throw new InvalidRequestException("addressState", "'" + checkedState + "' is not a U.S. state or territory code");
        }
        String checkedZip = required("addressZip", zip);
        if (!ZIP.matcher(checkedZip).matches()) {
            throw new InvalidRequestException("addressZip", "must be 5 digits or 5+4 digits, such as 78520 or 78520-1234");
        }
        if (!zipPrefixes.inState(checkedZip, checkedState)) {
            throw new InvalidRequestException("addressZip", notInState(checkedZip, checkedState));
        }
        String phone = blankToNull(contactPhone);
        if (phone != null && !PHONE.matcher(phone).matches()) {
            throw new InvalidRequestException("contactPhone", "must be a phone number");
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

    private static BuildingType buildingType(String value) {
        try {
            return BuildingType.valueOf(required("addressBuildingType", value));
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("addressBuildingType", "must be one of: " + String.join("; ",
                    TaskForms.deployed().choicesOf("addressBuildingType").values()));
        }
    }

    private static String required(String field, String value) {
        String checked = blankToNull(value);
        if (checked == null) {
            throw new InvalidRequestException(field, "is required");
        }
        return checked;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip().replaceAll("\\s+", " ");
    }
}
