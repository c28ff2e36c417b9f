package org.bordercustody.reporting;

import java.util.Comparator;

/**
 * The group a count belongs to: a sector, a station of a sector, or a month (YYYY-MM, UTC); all null for the whole
 * period.
 */
record ReportGroup(String sector, String station, String month) {

    static final ReportGroup WHOLE_PERIOD = new ReportGroup(null, null, null);

    static final Comparator<ReportGroup> ORDER = Comparator
            .comparing(ReportGroup::month, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(ReportGroup::sector, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(ReportGroup::station, Comparator.nullsFirst(Comparator.naturalOrder()));
}
