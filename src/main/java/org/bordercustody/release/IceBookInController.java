package org.bordercustody.release;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.bordercustody.custody.CaseAccess;
import org.bordercustody.release.IceBookIns.BookIn;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** POST /api/cases/{caseNumber}/ice-book-in: ICE's system (or an ICE officer) books in a person CBP handed over. */
@RestController
@Tag(name = "Partner exchange: answers")
class IceBookInController {

    record IceBookInRequest(@NotBlank @Size(max = 200) String facility, @NotBlank @Size(max = 60) String bookInNumber,
            @NotNull Boolean familyCustody) {
    }

    private final IceBookIns iceBookIns;
    private final CaseAccess caseAccess;

    IceBookInController(IceBookIns iceBookIns, CaseAccess caseAccess) {
        this.iceBookIns = iceBookIns;
        this.caseAccess = caseAccess;
    }

    @Operation(summary = "ICE books in a person CBP handed over: completes ICE's acceptance")
    @ApiResponse(responseCode = "201", description = "booked in; CBP custody ended")
    @ApiResponse(responseCode = "200", description = "the same book-in again: nothing changed")
    @ApiResponse(responseCode = "400", description = "a field missing or wrong")
    @ApiResponse(responseCode = "404", description = "no case of this number that ICE may answer for")
    @ApiResponse(responseCode = "409", description = "not handed over to ICE, another book-in number, this number for another person, or family custody that does not match")
    @PostMapping("/api/cases/{caseNumber}/ice-book-in")
    ResponseEntity<BookIn> bookIn(@PathVariable String caseNumber, @Valid @RequestBody IceBookInRequest request,
            Authentication caller) {
        caseAccess.checkReadable(caseNumber, caller);
        BookIn bookIn = iceBookIns.bookIn(caseNumber, request.facility().strip(), request.bookInNumber().strip(),
                request.familyCustody(), caller.getName());
        return ResponseEntity.status(bookIn.alreadyRecorded() ? HttpStatus.OK : HttpStatus.CREATED).body(bookIn);
    }
}
