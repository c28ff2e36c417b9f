package org.bordercustody;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Each of the project's tables has one class that writes it, its repository; everything else asks that class. */
class OneWriterPerTableTest {

    static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");
    static final Path SOURCES = Path.of("src/main/java");

    @Test
    void everyTableHasExactlyOneWriter() throws IOException {
        List<String> tables = tables();
        assertThat(tables).contains("custody_case", "case_event");
        for (String table : tables) {
            Pattern write = Pattern.compile("(INSERT\\s+INTO|UPDATE|DELETE\\s+FROM|MERGE\\s+INTO)\\s+" + table + "\\b",
                    Pattern.CASE_INSENSITIVE);
            Set<String> writers = new TreeSet<>();
            try (Stream<Path> files = Files.walk(SOURCES)) {
                // A Flyway migration moves the data of an earlier version once; it is not a writer of the running system.
                for (Path file : files.filter(path -> path.toString().endsWith(".java"))
                        .filter(path -> !path.startsWith(SOURCES.resolve("db/migration"))).toList()) {
                    if (write.matcher(Files.readString(file)).find()) {
                        writers.add(file.getFileName().toString());
                    }
                }
            }
            assertThat(writers).as("the classes that write " + table).hasSize(1);
        }
    }

    private static List<String> tables() throws IOException {
        Set<String> tables = new TreeSet<>();
        Pattern create = Pattern.compile("CREATE\\s+TABLE\\s+(\\w+)", Pattern.CASE_INSENSITIVE);
        try (Stream<Path> files = Files.list(MIGRATIONS)) {
            for (Path file : files.toList()) {
                Matcher matcher = create.matcher(Files.readString(file));
                while (matcher.find()) {
                    tables.add(matcher.group(1).toLowerCase());
                }
            }
        }
        return List.copyOf(tables);
    }
}
