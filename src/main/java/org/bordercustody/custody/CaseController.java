package org.bordercustody.custody;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/cases/{caseNumber}")
class CaseController {

    private final CaseQueries caseQueries;

    CaseController(CaseQueries caseQueries) {
        this.caseQueries = caseQueries;
    }

    @GetMapping
    CaseView view(@PathVariable String caseNumber) {
        return caseQueries.view(caseNumber);
    }

    @GetMapping("/timeline")
    List<TimelineEntry> timeline(@PathVariable String caseNumber) {
        return caseQueries.timeline(caseNumber);
    }
}
