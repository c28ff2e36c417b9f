package org.bordercustody.tasklist;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * How long until (or since) an instant, in the words and by the rounding Tasklist's own "Due in ..." uses: moment.js
 * 2.30's relative time (English, default thresholds 45 s, 45 min, 22 h, 26 d, 11 months; each unit rounded half
 * up, calendar months counted in the reader's zone). The card's line and Tasklist's line therefore never disagree.
 */
final class RelativeTime {

    private static final double DAYS_PER_MONTH = 146097d / 4800d;
    private static final double MS_PER_DAY = 864e5;

    private RelativeTime() {
    }

    /** "a few seconds", "a minute", "5 minutes", "an hour", "2 hours", "a day", "3 days", "2 months", "a year" ... */
    static String amount(Instant from, Instant to, ZoneId zone) {
        ZonedDateTime earlier = (from.isBefore(to) ? from : to).atZone(zone);
        ZonedDateTime later = (from.isBefore(to) ? to : from).atZone(zone);
        long months = (later.getYear() - earlier.getYear()) * 12L + later.getMonthValue() - earlier.getMonthValue();
        if (earlier.plusMonths(months).isAfter(later)) {
            months--;
        }
        double milliseconds = later.toInstant().toEpochMilli() - earlier.plusMonths(months).toInstant().toEpochMilli();
        double wholeDays = Math.round(months * DAYS_PER_MONTH);
        long seconds = round(wholeDays * 86400 + milliseconds / 1000);
        long minutes = round(wholeDays * 1440 + milliseconds / 6e4);
        long hours = round(wholeDays * 24 + milliseconds / 36e5);
        long days = round(wholeDays + milliseconds / MS_PER_DAY);
        double exactMonths = months + milliseconds / MS_PER_DAY / DAYS_PER_MONTH;
        long roundedMonths = round(exactMonths);
        long years = round(exactMonths / 12);
        if (seconds < 45) {
            return "a few seconds";
        }
        if (minutes <= 1) {
            return "a minute";
        }
        if (minutes < 45) {
            return minutes + " minutes";
        }
        if (hours <= 1) {
            return "an hour";
        }
        if (hours < 22) {
            return hours + " hours";
        }
        if (days <= 1) {
            return "a day";
        }
        if (days < 26) {
            return days + " days";
        }
        if (roundedMonths <= 1) {
            return "a month";
        }
        if (roundedMonths < 11) {
            return roundedMonths + " months";
        }
        return years <= 1 ? "a year" : years + " years";
    }

    /** JavaScript's Math.round: halves go up. */
    private static long round(double value) {
        return (long) Math.floor(value + 0.5);
    }
}
