package org.bordercustody.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.bordercustody.identity.CustodyGroups;
import org.junit.jupiter.api.Test;

/** docs/security.md shows the engine allow-list as it is in the code, role by operation and command by operation. */
class SecurityDocumentationTest {

    static final List<String> COLUMNS = List.of(CustodyGroups.BORDER_PATROL_AGENT, CustodyGroups.BORDER_PATROL_SUPERVISOR,
            CustodyGroups.ICE_ERO_OFFICER, CustodyGroups.ORR_LIAISON, CustodyGroups.CUSTODY_MANAGER, CustodyGroups.PRIVACY_OFFICER, CustodyGroups.ADMIN);

    static String roleTable() {
        StringBuilder table = new StringBuilder("| operation | " + String.join(" | ", COLUMNS) + " |\n|---|"
                + "---|".repeat(COLUMNS.size()) + "\n");
        for (EngineOperation operation : EngineOperation.values()) {
            table.append("| `").append(operation.name()).append("`: ").append(operation.description()).append(" |");
            for (String group : COLUMNS) {
                boolean allowed = group.equals(CustodyGroups.ADMIN)
                        || EngineAccessPolicy.operationsOf(List.of(group)).contains(operation);
                table.append(allowed ? " yes |" : " - |");
            }
            table.append('\n');
        }
        return table.toString();
    }

    static String commandTable() {
        StringBuilder table = new StringBuilder("| operation | engine commands |\n|---|---|\n");
        for (EngineOperation operation : EngineOperation.values()) {
            table.append("| `").append(operation.name()).append("` | ")
                    .append(EngineAccessPolicy.commandsOf(operation).stream().collect(Collectors.joining(", ")))
                    .append(" |\n");
        }
        return table.toString();
    }

    @Test
    void theRoleTableInTheDocsIsTheOneInTheCode() throws IOException {
        assertThat(Files.readString(Path.of("docs", "security.md"))).contains(roleTable());
    }

    @Test
    void theCommandTableInTheDocsIsTheOneInTheCode() throws IOException {
        assertThat(Files.readString(Path.of("docs", "security.md"))).contains(commandTable());
    }

    public static void main(String[] args) {
        System.out.println(roleTable());
        System.out.println(commandTable());
    }
}
