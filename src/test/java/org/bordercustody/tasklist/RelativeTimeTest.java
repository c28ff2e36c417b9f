package org.bordercustody.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The card's amount is Tasklist's: moment.js's relative time, each unit rounded, at each of its thresholds (the
 * table in moment's documentation of fromNow). The card used to floor hours: "1 h" at 1 h 59 min beside Tasklist's
 * "2 hours".
 */
class RelativeTimeTest {

    static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");

    @ParameterizedTest(name = "{0} reads \"{1}\"")
    @CsvSource({
        "PT44S, a few seconds",
        "PT45S, a minute",
        "PT89S, a minute",
        "PT90S, 2 minutes",
        "PT44M29S, 44 minutes",
        "PT44M30S, an hour",
        "PT1H29M, an hour",
        "PT1H30M, 2 hours",
        "PT1H59M, 2 hours",
        "PT21H29M, 21 hours",
        "PT21H30M, a day",
        "PT35H59M, a day",
        "PT36H, 2 days",
        "PT600H, 25 days",
        "P25DT11H59M, 25 days",
        "P25DT12H, a month",
        "P60D, 2 months",
        "P400D, a year",
        "P600D, 2 years"
    })
    void theAmountIsRoundedAsTasklistRoundsIt(String length, String words) {
        Duration duration = Duration.parse(length);

        assertThat(RelativeTime.amount(NOW, NOW.plus(duration), ZoneOffset.UTC)).as("ahead").isEqualTo(words);
        assertThat(RelativeTime.amount(NOW, NOW.minus(duration), ZoneOffset.UTC)).as("behind").isEqualTo(words);
    }

    @ParameterizedTest(name = "due {0} from now: \"{1}\"")
    @CsvSource({
        "PT1H59M, due in 2 hours",
        "-PT1H59M, overdue by 2 hours",
        "PT71H, due in 3 days",
        "-PT8H, overdue by 8 hours"
    })
    void theCardSaysDueInOrOverdueByTheSameAmount(String fromNow, String words) {
        assertThat(TaskCards.clockWords(NOW.plus(Duration.parse(fromNow)), NOW)).isEqualTo(words);
    }
}
