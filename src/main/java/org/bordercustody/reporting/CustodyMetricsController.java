package org.bordercustody.reporting;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class CustodyMetricsController {

    private final CustodyMetricsReport report;

    CustodyMetricsController(CustodyMetricsReport report) {
        this.report = report;
    }

    @GetMapping("/api/reports/custody-metrics")
    CustodyMetrics metrics(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        return report.between(from, to);
    }
}
