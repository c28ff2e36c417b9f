package org.bordercustody.people;

import io.swagger.v3.oas.annotations.tags.Tag;
import org.bordercustody.people.PeopleSearches.Criteria;
import org.bordercustody.people.PersonViews.Found;
import org.bordercustody.people.PersonViews.PersonPage;
import org.bordercustody.privacy.ReadLog;
import org.bordercustody.privacy.ReadVia;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "People")
@RequestMapping("/api/people")
class PeopleController {

    private final PeopleSearches searches;
    private final ReadLog readLog;

    PeopleController(PeopleSearches searches, ReadLog readLog) {
        this.searches = searches;
        this.readLog = readLog;
    }

    /** People matching every criterion given, best match first; at least one criterion. */
    @GetMapping
    Found search(@RequestParam(required = false) String name, @RequestParam(required = false) String dateOfBirth,
            @RequestParam(required = false) String aNumber, @RequestParam(required = false) String fin,
            @RequestParam(required = false) String document, @RequestParam(required = false) String number,
            @RequestParam(required = false) String limit, Authentication caller) {
        return searches.search(new Criteria(name, dateOfBirth, aNumber, fin, document, number, limit), caller);
    }

    /**
     * The person with every encounter the caller may read and their timelines: one read, logged against the person
     * and the newest encounter shown (a list of search results is no read of each record; opening one is).
     */
    @GetMapping("/{personId}")
    PersonPage person(@PathVariable String personId, Authentication caller) {
        PersonPage page = searches.person(personId, caller);
        readLog.read(caller.getName(), ReadVia.PERSON, page.encounters().get(0).encounter().caseNumber(),
                page.personId());
        return page;
    }
}
