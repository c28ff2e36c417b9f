package org.bordercustody.custody;

import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Cases")
@RequestMapping("/api/cases/{caseNumber}")
class CaseController {

    private final Cases caseQueries;
    private final CaseAccess caseAccess;

    CaseController(Cases caseQueries, CaseAccess caseAccess) {
        this.caseQueries = caseQueries;
        this.caseAccess = caseAccess;
    }

    @GetMapping
    CaseView view(@PathVariable String caseNumber, Authentication caller) {
        caseAccess.checkReadable(caseNumber, caller);
        return caseQueries.view(caseNumber);
    }

    @GetMapping("/timeline")
    List<TimelineEntry> timeline(@PathVariable String caseNumber, Authentication caller) {
        caseAccess.checkReadable(caseNumber, caller);
        return caseQueries.timeline(caseNumber);
    }
}
