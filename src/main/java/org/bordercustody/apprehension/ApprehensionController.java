package org.bordercustody.apprehension;

import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.security.Principal;
import org.bordercustody.apprehension.Apprehensions.Result;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
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
    ResponseEntity<Result> record(@Valid @RequestBody ApprehensionRequest request, Principal caller) {
        Result result = recordApprehension.record(request, caller.getName());
        return ResponseEntity.status(result.created() ? HttpStatus.CREATED : HttpStatus.OK).body(result);
    }
}
