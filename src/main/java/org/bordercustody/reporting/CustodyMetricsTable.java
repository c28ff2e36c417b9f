package org.bordercustody.reporting;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * The figures of a period in rows of one sector, station or month each, and the period's total; every count of the
 * total is the sum of the rows' (hours in custody, rates and percentiles are computed over the whole, not summed).
 * Stocks taken at an instant (in ICE family custody) are as of each month's end in monthly rows.
 */
@Schema(description = "The figures of a period by sector, station or month, with the total of the period")
public record CustodyMetricsTable(String from, String to, String by, List<Row> rows, CustodyMetrics total) {

    /** One group: its sector (and station), or its month (YYYY-MM), then the figures. */
    public record Row(@JsonInclude(JsonInclude.Include.NON_NULL) String sector,
            @JsonInclude(JsonInclude.Include.NON_NULL) String station,
            @JsonInclude(JsonInclude.Include.NON_NULL) String month,
            @JsonUnwrapped CustodyMetrics figures) {
    }
}
