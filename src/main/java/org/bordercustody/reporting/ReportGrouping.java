package org.bordercustody.reporting;

import java.util.Arrays;
import java.util.Locale;
import org.bordercustody.system.InvalidRequestException;

/** How a report's rows are grouped: by the sector or the station holding each case, or by calendar month (UTC). */
public enum ReportGrouping {
    SECTOR, STATION, MONTH;

    static ReportGrouping of(String text) {
        return Arrays.stream(values()).filter(grouping -> grouping.parameter().equals(text)).findFirst()
                .orElseThrow(() -> new InvalidRequestException("by", "must be sector, station or month"));
    }

    String parameter() {
        return name().toLowerCase(Locale.ROOT);
    }
}
