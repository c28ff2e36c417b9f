package org.bordercustody.custody;

import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.bordercustody.privacy.ReadLog;
import org.bordercustody.privacy.ReadVia;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Cases")
@RequestMapping("/api/cases/{caseNumber}")
class CaseController {

    /** The header Cockpit's case tab sends with its reads, so that the read log names the screen. */
    static final String SCREEN_HEADER = "X-Custody-Screen";
    static final String COCKPIT_CASE_TAB = "cockpit-case-tab";

    private final Cases caseQueries;
    private final CaseAccess caseAccess;
    private final ReadLog readLog;

    CaseController(Cases caseQueries, CaseAccess caseAccess, ReadLog readLog) {
        this.caseQueries = caseQueries;
        this.caseAccess = caseAccess;
        this.readLog = readLog;
    }

    @GetMapping
    CaseView view(@PathVariable String caseNumber, Authentication caller,
            @RequestHeader(name = SCREEN_HEADER, required = false) String screen) {
        caseAccess.checkReadable(caseNumber, caller);
        CaseView view = caseQueries.view(caseNumber);
        readLog.read(caller.getName(), via(screen, ReadVia.CASE_VIEW), view.caseNumber());
        return view;
    }

    @GetMapping("/timeline")
    List<TimelineEntry> timeline(@PathVariable String caseNumber, Authentication caller,
            @RequestHeader(name = SCREEN_HEADER, required = false) String screen) {
        caseAccess.checkReadable(caseNumber, caller);
        List<TimelineEntry> timeline = caseQueries.timeline(caseNumber);
        readLog.read(caller.getName(), via(screen, ReadVia.TIMELINE), Cases.checked(caseNumber));
        return timeline;
    }

    private static ReadVia via(String screen, ReadVia otherwise) {
        return COCKPIT_CASE_TAB.equals(screen) ? ReadVia.COCKPIT_CASE_TAB : otherwise;
    }
}
