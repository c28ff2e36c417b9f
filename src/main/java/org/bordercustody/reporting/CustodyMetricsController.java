package org.bordercustody.reporting;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Reports")
class CustodyMetricsController {

    private final CustodyReports reports;

    CustodyMetricsController(CustodyReports reports) {
        this.reports = reports;
    }

    @Operation(summary = "Who is in CBP custody and in ICE family custody now, and who is late: Cockpit's custody panel")
    @GetMapping("/api/reports/custody-now")
    CustodyNow now() {
        return reports.now();
    }

    @Operation(summary = "The figures the Inspector General measured, for whole UTC days from and to (both included)",
            description = "Counts of the cases whose event falls in the period; who is in ICE family custody at its"
                    + " end (the count of custody-now); the family separations decided in it, children counted once,"
                    + " by reason, sector and age, with the hours apart and the reunified as of its end (or now)")
    @GetMapping("/api/reports/custody-metrics")
    CustodyMetrics metrics(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        return reports.between(from, to);
    }
}
