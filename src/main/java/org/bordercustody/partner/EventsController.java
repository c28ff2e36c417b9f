package org.bordercustody.partner;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.bordercustody.partner.PartnerEventFeed.Page;
import org.bordercustody.partner.PartnerEventFeed.Reader;
import org.bordercustody.privacy.ReadLog;
import org.bordercustody.privacy.ReadVia;
import org.bordercustody.system.InvalidRequestException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import static org.bordercustody.identity.CustodyGroups.ADMIN;
import static org.bordercustody.identity.CustodyGroups.CUSTODY_MANAGER;
import static org.bordercustody.identity.CustodyGroups.PARTNER_ICE;
import static org.bordercustody.identity.CustodyGroups.PARTNER_ORR;

/** GET /api/events: the feed of hand-offs as CloudEvents 1.0, each reader seeing the events it may see. */
@RestController
@Tag(name = "Partner exchange: events")
class EventsController {

    private static final java.util.regex.Pattern LIMIT = java.util.regex.Pattern.compile("[0-9]{1,4}");

    private final PartnerEventFeed feed;
    private final ObjectMapper json;
    private final ReadLog readLog;

    EventsController(PartnerEventFeed feed, ObjectMapper json, ReadLog readLog) {
        this.feed = feed;
        this.json = json;
        this.readLog = readLog;
    }

    @Operation(summary = "The hand-offs as CloudEvents 1.0, oldest first, from a cursor; each partner its own")
    @ApiResponse(responseCode = "200", description = "a page of events and the cursor to follow")
    @ApiResponse(responseCode = "400", description = "a limit out of 1-1000 or a cursor the feed did not hand out")
    @ApiResponse(responseCode = "403", description = "not a partner system or a manager")
    @GetMapping("/api/events")
    Map<String, Object> events(@RequestParam(required = false) String after,
            @RequestParam(defaultValue = "" + PartnerEventFeed.DEFAULT_LIMIT) String limit, Authentication caller) {
        if (!LIMIT.matcher(limit).matches()) {
            throw new InvalidRequestException("limit", "must be a number from 1 to " + PartnerEventFeed.MAX_LIMIT);
        }
        Page page = feed.read(after, Integer.parseInt(limit), readerOf(caller));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("events", page.events().stream().map(event -> PartnerEventFeed.cloudEvent(json, event.id(),
                event.type(), event.subject(), event.time(), event.data())).toList());
        body.put("next", page.next());
        // Each event's subject is its case: one read per case whose events the page returned.
        readLog.readEach(caller.getName(), ReadVia.PARTNER_EVENTS,
                page.events().stream().map(PartnerEventFeed.Event::subject).toList());
        return body;
    }

    /** Managers and administrators read every event; each partner its own; nobody else reads the feed. */
    static Reader readerOf(Authentication caller) {
        Set<String> groups = caller.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .collect(Collectors.toSet());
        if (groups.contains(ADMIN) || groups.contains(CUSTODY_MANAGER)) {
            return Reader.ALL;
        }
        boolean ice = groups.contains(PARTNER_ICE);
        boolean orr = groups.contains(PARTNER_ORR);
        if (ice == orr) {
            // Neither (the security configuration lets no one else here), or an account in both: each partner
            // system has an account of its own.
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "the event feed is for partner systems and managers");
        }
        return ice ? Reader.ICE : Reader.ORR;
    }
}
