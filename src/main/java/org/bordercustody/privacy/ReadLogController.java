package org.bordercustody.privacy;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The read log, for privacy officers only, and only to read: no call changes or deletes an entry. */
@RestController
@Tag(name = "Privacy: read log")
class ReadLogController {

    record ReadEntry(Instant at, String userId, String via, String viaWords, String caseNumber) {

        static ReadEntry of(CaseRead read) {
            return new ReadEntry(read.at(), read.userId(), read.via().name(), read.via().words(), read.caseNumber());
        }
    }

    private final ReadLog log;

    ReadLogController(ReadLog log) {
        this.log = log;
    }

    @Operation(summary = "Who read the case and when, through which entry point, newest first")
    @ApiResponse(responseCode = "200", description = "the reads of the case, with those of its person's page; an"
            + " unknown case number has none")
    @ApiResponse(responseCode = "403", description = "not a privacy officer")
    @GetMapping("/api/cases/{caseNumber}/reads")
    Map<String, List<ReadEntry>> ofCase(@PathVariable String caseNumber) {
        return Map.of("reads", log.ofCase(caseNumber).stream().map(ReadEntry::of).toList());
    }

    @Operation(summary = "Which records the user read and when, through which entry point, newest first")
    @ApiResponse(responseCode = "200", description = "the user's reads; an unknown user has none")
    @ApiResponse(responseCode = "403", description = "not a privacy officer")
    @GetMapping("/api/users/{userId}/reads")
    Map<String, List<ReadEntry>> ofUser(@PathVariable String userId) {
        return Map.of("reads", log.ofUser(userId).stream().map(ReadEntry::of).toList());
    }
}
