package org.bordercustody.people;

import io.swagger.v3.oas.annotations.tags.Tag;
import org.bordercustody.people.PeopleSearches.Criteria;
import org.bordercustody.people.PersonViews.Found;
import org.bordercustody.people.PersonViews.PersonPage;
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

    PeopleController(PeopleSearches searches) {
        this.searches = searches;
    }

    /** People matching every criterion given, best match first; at least one criterion. */
    @GetMapping
    Found search(@RequestParam(required = false) String name, @RequestParam(required = false) String dateOfBirth,
            @RequestParam(required = false) String aNumber, @RequestParam(required = false) String fin,
            @RequestParam(required = false) String document, @RequestParam(required = false) String number,
            @RequestParam(required = false) String limit, Authentication caller) {
        return searches.search(new Criteria(name, dateOfBirth, aNumber, fin, document, number, limit), caller);
    }

    /** The person with every encounter the caller may read and their timelines. */
    @GetMapping("/{personId}")
    PersonPage person(@PathVariable String personId, Authentication caller) {
        return searches.person(personId, caller);
    }
}
