package org.bordercustody.apprehension;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * Request bodies of POST /api/apprehensions, apprehended shortly before the engine's "now". Each person carries a FIN of
 * their own (made from the event number and the person's ref): the fixtures' people share names and dates of birth
 * across tests, and are told apart by their fingerprints as real people are. {@link #withoutIdentifiers} leaves it out.
 */
public final class ApprehensionFixtures {

    private ApprehensionFixtures() {
    }

    private static final Pattern GIVEN_NAMES = Pattern.compile("(\"givenNames\": \"([^\"]+)\",)");
    private static final Pattern IDENTIFIERS = Pattern.compile(" \"identifiers\": \\{ \"fin\": \"[0-9]+\" \\},");

    /** The apprehension with a FIN for each person, the same for the same event and person; written as it was. */
    static String identified(String apprehension) {
        String eventNumber = apprehension.replaceAll("(?s).*\"eventNumber\": \"([^\"]+)\".*", "$1");
        return GIVEN_NAMES.matcher(apprehension).replaceAll(person -> java.util.regex.Matcher.quoteReplacement(
                person.group(1) + " \"identifiers\": { \"fin\": \"" + fin(eventNumber + "/" + person.group(2))
                        + "\" },"));
    }

    /** The same apprehension with nobody's identifiers: they are recorded at intake, or never. */
    public static String withoutIdentifiers(String apprehension) {
        return IDENTIFIERS.matcher(apprehension).replaceAll("");
    }

    private static String fin(String seed) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(seed.getBytes(StandardCharsets.UTF_8));
            return String.format("%018d", new BigInteger(1, hash).mod(BigInteger.TEN.pow(18)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String hoursAgo(long hours) {
        Instant at = ClockUtil.getCurrentTime().toInstant().minus(Duration.ofHours(hours));
        return at.atOffset(ZoneOffset.ofHours(-7)).toString();
    }

    public static String singleAdult(String eventNumber) {
        return singleAdult(eventNumber, hoursAgo(2));
    }

    /** The same apprehension, made at another sector's station (the fixtures' people are held in SDC). */
    public static String inSector(String apprehension, String sector, String station) {
        return apprehension.replaceFirst("\"location\": \\{ \"sector\": \"[A-Z]+\", \"station\": \"[A-Z]+\" }",
                "\"location\": { \"sector\": \"" + sector + "\", \"station\": \"" + station + "\" }");
    }

    /** The same apprehension in the Rio Grande Valley, at McAllen Station. */
    public static String inRioGrandeValley(String apprehension) {
        return inSector(apprehension, "RGV", "MCA");
    }

    public static String singleAdult(String eventNumber, String apprehendedAt) {
        return identified(alone(eventNumber, apprehendedAt, "SDC", "CHU", "Ramirez", "Jose",
                "1988-03-14", "M", "HN"));
    }

    /** One person apprehended alone. */
    private static String alone(String eventNumber, String apprehendedAt, String sector, String station,
            String familyName, String givenNames, Object dateOfBirth, String sex, String country) {
        return """
                { "eventNumber": "%s", "apprehendedAt": "%s", "location": { "sector": "%s", "station": "%s" },
                  "persons": [ { "ref": "p1", "familyName": "%s", "givenNames": "%s", "dateOfBirth": "%s",
                                 "sex": "%s", "countryOfCitizenship": "%s" } ] }
                """.formatted(eventNumber, apprehendedAt, sector, station, familyName, givenNames, dateOfBirth, sex,
                country);
    }

    /** A mother with two children, 6 and 13. */
    public static String family(String eventNumber) {
        return identified("""
                { "eventNumber": "%s", "apprehendedAt": "%s", "location": { "sector": "SDC", "station": "CHU" },
                  "persons": [
                    { "ref": "mother", "familyName": "Lopez", "givenNames": "Ana", "dateOfBirth": "1992-04-02",
                      "sex": "F", "countryOfCitizenship": "GT" },
                    { "ref": "son", "familyName": "Lopez", "givenNames": "Luis", "dateOfBirth": "2020-06-30",
                      "sex": "M", "countryOfCitizenship": "GT",
                      "accompaniedBy": [ { "ref": "mother", "relationship": "PARENT" } ] },
                    { "ref": "daughter", "familyName": "Lopez", "givenNames": "Maria", "dateOfBirth": "2013-01-09",
                      "sex": "F", "countryOfCitizenship": "GT",
                      "accompaniedBy": [ { "ref": "mother", "relationship": "PARENT" } ] } ] }
                """.formatted(eventNumber, hoursAgo(3)));
    }

    /** A nine-year-old with an aunt: the child is unaccompanied. */
    public static String childWithAunt(String eventNumber) {
        return childWithAunt(eventNumber, hoursAgo(1));
    }

    public static String childWithAunt(String eventNumber, String apprehendedAt) {
        return womanWithGirl(eventNumber, apprehendedAt, "Perez", "SV", List.of("aunt", "Rosa", "1985-09-09"),
                List.of("child", "Carla", "2017-02-02"), "OTHER_RELATIVE");
    }

    /** The nine-year-old with her aunt, her date of birth unknown: her family status waits for it. */
    public static String childOfUnknownAgeWithAunt(String eventNumber) {
        return childWithAunt(eventNumber).replace("\"dateOfBirth\": \"2017-02-02\",", "");
    }

    /** A woman and the girl she came with, of one family and country: each as ref, given names, date of birth. */
    private static String womanWithGirl(String eventNumber, String apprehendedAt, String familyName, String country,
            List<Object> woman, List<Object> girl, String relationship) {
        return identified("""
                { "eventNumber": "%s", "apprehendedAt": "%s", "location": { "sector": "SDC", "station": "BRF" },
                  "persons": [
                    { "ref": "%s", "familyName": "%s", "givenNames": "%s", "dateOfBirth": "%s",
                      "sex": "F", "countryOfCitizenship": "%s" },
                    { "ref": "%s", "familyName": "%s", "givenNames": "%s", "dateOfBirth": "%s",
                      "sex": "F", "countryOfCitizenship": "%s",
                      "accompaniedBy": [ { "ref": "%s", "relationship": "%s" } ] } ] }
                """.formatted(eventNumber, apprehendedAt, woman.get(0), familyName, woman.get(1), woman.get(2), country,
                girl.get(0), familyName, girl.get(1), girl.get(2), country, woman.get(0), relationship));
    }

    /** A father and his son, ten years old at the engine's "now" (the father's records check finds a criminal history). */
    public static String fatherAndTenYearOld(String eventNumber) {
        return identified("""
                { "eventNumber": "%s", "apprehendedAt": "%s", "location": { "sector": "SDC", "station": "BRF" },
                  "persons": [
                    { "ref": "father", "familyName": "Castillo", "givenNames": "Mario", "dateOfBirth": "1984-05-20",
                      "sex": "M", "countryOfCitizenship": "GT" },
                    { "ref": "son", "familyName": "Castillo", "givenNames": "Pablo", "dateOfBirth": "%s",
                      "sex": "M", "countryOfCitizenship": "GT",
                      "accompaniedBy": [ { "ref": "father", "relationship": "PARENT" } ] } ] }
                """.formatted(eventNumber, hoursAgo(3), ClockUtil.getCurrentTime().toInstant().atOffset(ZoneOffset.UTC)
                .toLocalDate().minusYears(10).minusMonths(4)));
    }

    /** A fifteen-year-old from Mexico, alone: unaccompanied and, from a contiguous country, screened before any return. */
    public static String contiguousCountryTeen(String eventNumber) {
        return identified("""
                { "eventNumber": "%s", "apprehendedAt": "%s", "location": { "sector": "SDC", "station": "CHU" },
                  "persons": [ { "ref": "p1", "familyName": "Ramirez", "givenNames": "Jorge",
                                 "dateOfBirth": "%s", "sex": "M", "countryOfCitizenship": "MX" } ] }
                """.formatted(eventNumber, hoursAgo(1), ClockUtil.getCurrentTime().toInstant().atOffset(ZoneOffset.UTC)
                .toLocalDate().minusYears(15).minusMonths(3)));
    }

    /** A fifteen-year-old from Honduras, alone. */
    public static String unaccompaniedTeen(String eventNumber) {
        return identified(alone(eventNumber, hoursAgo(2), "SDC", "CHU", "Mejia", "Daniel",
                today().minusYears(15).minusMonths(3), "M", "HN"));
    }

    private static java.time.LocalDate today() {
        return ClockUtil.getCurrentTime().toInstant().atOffset(ZoneOffset.UTC).toLocalDate();
    }

    /** The fixtures' single adult, carrying the given FIN instead of one of their own: a person known by it. */
    public static String singleAdultWithFin(String eventNumber, String fin) {
        return withoutIdentifiers(singleAdult(eventNumber)).replace("\"givenNames\": \"Jose\",",
                "\"givenNames\": \"Jose\", \"identifiers\": { \"fin\": \"" + fin + "\" },");
    }

    /** An adult whose name and date of birth no other fixture has, without identifiers. */
    public static String adultNamed(String eventNumber, String familyName, String givenNames, String dateOfBirth) {
        return alone(eventNumber, hoursAgo(2), "SDC", "CHU", familyName, givenNames, dateOfBirth,
                "F", "PE");
    }

    /** A thirteen-year-old from Mexico, alone: screened within 48 hours as a child of a contiguous country. */
    public static String childFromMexicoAlone(String eventNumber) {
        return identified(alone(eventNumber, hoursAgo(1), "SDC", "CHU", "Garcia", "Pedro",
                today().minusYears(13).minusMonths(2), "M", "MX"));
    }

    /** A sixteen-year-old mother from Guatemala with her baby: she is a child herself, with no parent along. */
    public static String teenMotherWithBaby(String eventNumber) {
        return womanWithGirl(eventNumber, hoursAgo(1), "Xol", "GT",
                List.of("mother", "Marta", today().minusYears(16).minusMonths(5)),
                List.of("baby", "Elena", today().minusMonths(7)), "PARENT");
    }
}
