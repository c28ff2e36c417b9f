package org.bordercustody.reporting;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class CustodyMetricsController {

    private final CustodyMetricsReport report;
    private final CustodyNowReport now;

    CustodyMetricsController(CustodyMetricsReport report, CustodyNowReport now) {
        this.report = report;
        this.now = now;
    }

    @GetMapping("/api/reports/custody-now")
    CustodyNow now() {
        return now.now();
    }

    @GetMapping("/api/reports/custody-metrics")
    CustodyMetrics metrics(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        return report.between(from, to);
    }
}
