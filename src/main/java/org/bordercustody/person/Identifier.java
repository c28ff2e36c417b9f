package org.bordercustody.person;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.bordercustody.system.InvalidRequestException;

/**
 * One identifier of a person, as DHS and its partners match people: the A-number (Alien Registration Number), the
 * FIN the biometric system assigns from fingerprints, or a travel document. Each is kept in one written form, so
 * that the same identifier typed two ways is found as one; an identifier belongs to one person only.
 */
public record Identifier(Kind kind, String value, String documentType, String documentNumber, String documentCountry) {

    public enum Kind {
        A_NUMBER("A-number"), FIN("FIN"), DOCUMENT("document");

        private final String words;

        Kind(String words) {
            this.words = words;
        }

        public String words() {
            return words;
        }
    }

    /** The kinds of travel document recorded, in the codes partner systems use. */
    public static final Set<String> DOCUMENT_TYPES = Set.of("PASSPORT", "NATIONAL_ID", "BIRTH_CERTIFICATE",
            "CONSULAR_ID", "VISA", "OTHER");
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    private static final Pattern WRITTEN_APART = Pattern.compile("[\\s-]");
    private static final Pattern A_NUMBER = Pattern.compile("[Aa]([0-9]{8,9})");
    private static final Pattern FIN = Pattern.compile("[0-9]{6,20}");
    private static final Pattern DOCUMENT_NUMBER = Pattern.compile("[A-Z0-9]{3,30}");

    /** "A" and 8 or 9 digits, dashes and spaces allowed; kept as A and 9 digits. */
    public static Identifier aNumber(String text, String field) {
        var matcher = A_NUMBER.matcher(compact(text, field));
        if (!matcher.matches()) {
            throw new InvalidRequestException(field, "must be A followed by 8 or 9 digits, such as A201555012");
        }
        String digits = matcher.group(1);
        return new Identifier(Kind.A_NUMBER, "A" + (digits.length() == 8 ? "0" + digits : digits), null, null, null);
    }

    /** The biometric system's number: 6 to 20 digits, spaces and dashes allowed. */
    public static Identifier fin(String text, String field) {
        String digits = compact(text, field);
        if (!FIN.matcher(digits).matches()) {
            throw new InvalidRequestException(field, "must be 6 to 20 digits");
        }
        return new Identifier(Kind.FIN, digits, null, null, null);
    }

    /** A travel document: its type, its number (letters and digits) and the country that issued it. */
    public static Identifier document(String type, String number, String country, String field) {
        if (type == null || !DOCUMENT_TYPES.contains(type)) {
            throw new InvalidRequestException(field + ".type", "must be one of " + String.join(", ",
                    DOCUMENT_TYPES.stream().sorted().toList()));
        }
        String compact = compact(number, field + ".number").toUpperCase(Locale.ROOT);
        if (!DOCUMENT_NUMBER.matcher(compact).matches()) {
            throw new InvalidRequestException(field + ".number", "must be 3 to 30 letters and digits");
        }
        if (country == null || !COUNTRIES.contains(country)) {
            throw new InvalidRequestException(field + ".country", "must be the ISO 3166 code of the issuing country");
        }
        return new Identifier(Kind.DOCUMENT, type + "/" + country + "/" + compact, type, compact, country);
    }

    /** What a person reads: "A-number A201555012", "passport G1234567 (Honduras)". */
    public String words() {
        if (kind != Kind.DOCUMENT) {
            return kind.words() + " " + value;
        }
        String type = documentType.toLowerCase(Locale.ROOT).replace('_', ' ');
        return type + " " + documentNumber + " (" + new Locale("", documentCountry).getDisplayCountry(Locale.ENGLISH)
                + ")";
    }

    private static String compact(String text, String field) {
        if (text == null || text.isBlank()) {
            throw new InvalidRequestException(field, "is empty; leave it out when unknown");
        }
        if (text.length() > 60) {
            throw new InvalidRequestException(field, "is longer than 60 characters");
        }
        return WRITTEN_APART.matcher(text.strip()).replaceAll("");
    }
}
