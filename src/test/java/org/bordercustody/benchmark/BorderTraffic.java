package org.bordercustody.benchmark;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Apprehension events in the FY2021 mix (CRS R46999): 64% single adults, 27% family-unit members in groups of
 * two to five, 9% unaccompanied children; some people without a known date of birth.
 */
final class BorderTraffic {

    private final Random random;
    private final String runId;
    private int sequence;

    BorderTraffic(long seed, String runId) {
        this.random = new Random(seed);
        this.runId = runId;
    }

    /** The next event and how many cases it opens. */
    record Event(String eventNumber, String json, int persons) {
    }

    Event next() {
        String eventNumber = "B" + runId + "%06d".formatted(sequence++);
        String at = Instant.now().minus(Duration.ofMinutes(30 + random.nextInt(600))).atOffset(ZoneOffset.ofHours(-7))
                .toString();
        double kind = random.nextDouble();
        List<String> persons = new ArrayList<>();
        if (kind < 0.64) {
            persons.add(person("p1", birthOfAdult(), null, null));
        } else if (kind < 0.91) {
            persons.add(person("p1", birthOfAdult(), null, null));
            int children = 1 + random.nextInt(4);
            for (int c = 0; c < children; c++) {
                persons.add(person("c" + c, birthOfChild(), "p1", "PARENT"));
            }
        } else {
            persons.add(person("p1", birthOfChild(), null, null));
        }
        String json = """
                { "eventNumber": "%s", "apprehendedAt": "%s", "location": { "sector": "RGV", "station": "MCA" },
                  "persons": [ %s ] }""".formatted(eventNumber, at, String.join(", ", persons));
        return new Event(eventNumber, json, persons.size());
    }

    private String person(String ref, String dateOfBirth, String companion, String relationship) {
        String birth = dateOfBirth == null ? "" : "\"dateOfBirth\": \"" + dateOfBirth + "\", ";
        String accompanied = companion == null ? ""
                : ", \"accompaniedBy\": [ { \"ref\": \"" + companion + "\", \"relationship\": \"" + relationship + "\" } ]";
        String country = random.nextDouble() < 0.3 ? "MX" : "GT";
        return "{ \"ref\": \"%s\", \"familyName\": \"Garcia\", \"givenNames\": \"Ana\", %s\"sex\": \"F\", \"countryOfCitizenship\": \"%s\"%s }"
                .formatted(ref, birth, country, accompanied);
    }

    /** 3% of adults give no date of birth: their case stops for the facts. */
    private String birthOfAdult() {
        return random.nextDouble() < 0.03 ? null : (1960 + random.nextInt(45)) + "-0" + (1 + random.nextInt(9)) + "-1" + random.nextInt(9);
    }

    private String birthOfChild() {
        return (2010 + random.nextInt(15)) + "-0" + (1 + random.nextInt(9)) + "-1" + random.nextInt(9);
    }
}
