package org.bordercustody.reporting;

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

    @GetMapping("/api/reports/custody-now")
    CustodyNow now() {
        return reports.now();
    }

    @GetMapping("/api/reports/custody-metrics")
    CustodyMetrics metrics(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        return reports.between(from, to);
    }
}
