package org.bordercustody.apprehension;

import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
import org.bordercustody.apprehension.Apprehensions.Result;
import org.bordercustody.identity.CustodyUser;
import org.bordercustody.system.InvalidRequestException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Apprehensions")
@RequestMapping("/api/apprehensions")
class ApprehensionController {

    private final Apprehensions recordApprehension;

    ApprehensionController(Apprehensions recordApprehension) {
        this.recordApprehension = recordApprehension;
    }

    /** 201 with the new cases; 200 with the same cases when the same event is sent again. */
    @PostMapping
    ResponseEntity<Result> record(@Valid @RequestBody ApprehensionRequest request, Authentication caller) {
        String sector = request.location().sector();
        List<String> callersSectors = CustodyUser.sectorsOf(caller);
        if (!CustodyUser.isAdministrator(caller) && !callersSectors.contains(sector)) {
            throw new InvalidRequestException("location.sector", "'" + sector + "' is not a sector of yours ("
                    + (callersSectors.isEmpty() ? "none" : String.join(", ", callersSectors))
                    + "): record an apprehension in the sector that holds the people");
        }
        Result result = recordApprehension.record(request, caller.getName());
        return ResponseEntity.status(result.created() ? HttpStatus.CREATED : HttpStatus.OK).body(result);
    }
}
