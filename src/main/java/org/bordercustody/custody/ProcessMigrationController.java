package org.bordercustody.custody;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Administration")
class ProcessMigrationController {

    private final ProcessMigrations migrations;

    ProcessMigrationController(ProcessMigrations migrations) {
        this.migrations = migrations;
    }

    @Operation(summary = "An administrator carries running cases of older model versions onto the newest one")
    @PostMapping("/api/admin/process-migrations")
    List<ProcessMigrations.Migrated> run() {
        return migrations.run();
    }
}
