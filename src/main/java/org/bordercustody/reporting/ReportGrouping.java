package org.bordercustody.reporting;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.UnaryOperator;
import org.bordercustody.system.InvalidRequestException;

/**
 * How a report's rows are grouped: by the sector or the station holding each case, or by calendar month (UTC) of
 * each figure's own instant; {@link #NONE} for the period as a whole. Each grouping is the SQL that names the group of
 * a row, given the instant a figure counts by.
 */
public enum ReportGrouping {
    NONE, SECTOR, STATION, MONTH;

    static ReportGrouping of(String text) {
        return Arrays.stream(values()).filter(grouping -> grouping != NONE && grouping.parameter().equals(text))
                .findFirst()
                .orElseThrow(() -> new InvalidRequestException("by", "must be sector, station or month"));
    }

    String parameter() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The columns naming a row's group, each followed by a comma (none for the whole period); a month is named by
     * {@code month}, the SQL that gives the month of an instant column.
     */
    String columns(String table, String instant, UnaryOperator<String> month) {
        String prefix = table.isEmpty() ? "" : table + ".";
        return switch (this) {
            case NONE -> "";
            case SECTOR -> prefix + "sector AS group_sector, ";
            case STATION -> prefix + "sector AS group_sector, " + prefix + "station AS group_station, ";
            case MONTH -> month.apply(prefix + instant) + " AS group_month, ";
        };
    }

    /** The GROUP BY clause of those columns, with more expressions after them if given. */
    String groupBy(String table, String instant, UnaryOperator<String> month, String more) {
        String prefix = table.isEmpty() ? "" : table + ".";
        String groups = switch (this) {
            case NONE -> "";
            case SECTOR -> prefix + "sector";
            case STATION -> prefix + "sector, " + prefix + "station";
            case MONTH -> month.apply(prefix + instant);
        };
        String all = groups.isEmpty() ? more : more.isEmpty() ? groups : groups + ", " + more;
        return all.isEmpty() ? "" : " GROUP BY " + all;
    }

    /** Whether the group needs the case's sector and station (a table without them must join the case). */
    boolean byPlace() {
        return this == SECTOR || this == STATION;
    }
}
