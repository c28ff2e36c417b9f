package org.bordercustody.checkin;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.security.Principal;
import org.bordercustody.checkin.CheckIns.CheckIn;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
class CheckInController {

    record CheckInRequest(@NotNull String reportedAt, @NotBlank @Size(max = 100) String office) {
    }

    private final CheckIns checkIns;

    CheckInController(CheckIns checkIns) {
        this.checkIns = checkIns;
    }

    @PostMapping("/api/cases/{caseNumber}/check-ins")
    @ResponseStatus(HttpStatus.CREATED)
    CheckIn report(@PathVariable String caseNumber, @Valid @RequestBody CheckInRequest request, Principal caller) {
        return checkIns.report(caseNumber, request.reportedAt(), request.office().strip(), caller.getName());
    }
}
