package org.bordercustody.reporting;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.bordercustody.identity.CustodyUser;
import org.bordercustody.identity.Sectors;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Reports")
class CustodyMetricsController {

    static final String TEXT_CSV = "text/csv";
    private static final String METRICS = "/api/reports/custody-metrics";
    private static final String BY = "Rows by sector, station or month (UTC calendar months, the first and last cut to"
            + " the period); without it, the period's figures";

    private final CustodyReports reports;
    private final CustodyMetricsCsv csv;

    private final Sectors sectors;

    CustodyMetricsController(CustodyReports reports, CustodyMetricsCsv csv, Sectors sectors) {
        this.reports = reports;
        this.csv = csv;
        this.sectors = sectors;
    }

    @Operation(summary = "Who is in CBP custody and in ICE family custody now, and who is late: Cockpit's custody panel")
    @GetMapping("/api/reports/custody-now")
    CustodyNow now() {
        return reports.now();
    }

    @Operation(summary = "The figures the Inspector General measured, for whole UTC days from and to (both included)",
            description = "Counts of the cases whose event falls in the period, each total the sum of its parts; hours"
                    + " in custody over custody that ended in the period (median, 90th and 95th percentile, maximum,"
                    + " distribution); who is in ICE family custody at its end (the count of custody-now); the family"
                    + " separations decided in it, children counted once, by reason, sector and age, with the hours"
                    + " apart and the reunified as of its end (or now). With by: CustodyMetricsTable, rows and total.")
    @ApiResponse(responseCode = "200", description = "CustodyMetrics without by, CustodyMetricsTable with it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(oneOf = {CustodyMetrics.class, CustodyMetricsTable.class})))
    @GetMapping(path = METRICS, produces = MediaType.APPLICATION_JSON_VALUE)
    Object metrics(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @Parameter(description = BY) @RequestParam(required = false) String by) {
        return by == null ? reports.between(from, to) : reports.table(from, to, by);
    }

    @Operation(summary = "The legal clocks that ran out in a period, the latest first, each with its cause and the"
            + " action taken in words as the supervisor's follow-up recorded them (null until then)")
    @GetMapping("/api/reports/breaches")
    BreachList breaches(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @Parameter(description = "At most this many, 1 to 1000 (100)") @RequestParam(required = false)
            Integer limit, Authentication caller) {
        List<String> callersSectors = CustodyUser.sectorsOf(caller);
        boolean everySector = callersSectors.containsAll(sectors.codes()) || CustodyUser.isAdministrator(caller);
        return reports.breaches(from, to, limit, everySector ? null : callersSectors);
    }

    @Operation(summary = "The same figures as CSV: a header row, then one row per group (one row without by)")
    @GetMapping(path = METRICS, produces = TEXT_CSV)
    ResponseEntity<String> metricsAsCsv(@RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @Parameter(description = BY) @RequestParam(required = false) String by) {
        String body = by == null ? csv.of(reports.between(from, to)) : csv.of(reports.table(from, to, by));
        String name = "custody-metrics-" + from + "-" + to + (by == null ? "" : "-by-" + by) + ".csv";
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(TEXT_CSV + ";charset=UTF-8"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"")
                .body(body);
    }
}
