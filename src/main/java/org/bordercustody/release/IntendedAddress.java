package org.bordercustody.release;

import java.util.Locale;

/** A structured intended U.S. address. A multi-unit building needs its unit (OIG-23-47: 90,000+ lacked one). */
public record IntendedAddress(
        String street,
        String unit,
        BuildingType buildingType,
        String city,
        String state,
        String zip,
        String contactPhone) {

    public enum BuildingType { SINGLE_UNIT, MULTI_UNIT }

    /** The same place however it was typed: upper case, single spaces, no punctuation, 5-digit ZIP. */
    public String key() {
        return String.join("|", normalize(street), normalize(unit), normalize(city), state, zip.substring(0, 5));
    }

    public String text() {
        return street + (unit == null ? "" : ", unit " + unit) + ", " + city + ", " + state + " " + zip;
    }

    private static String normalize(String value) {
        return value == null ? "" : value.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9 ]", " ").replaceAll("\\s+", " ").strip();
    }
}
