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

/**
 * Each of the project's tables has one class that writes it, its repository; everything else asks that class. A
 * table whose rows only serve as locks (its rows come from its migration) has no writer and one class that locks it.
 */
class OneWriterPerTableTest {

    static final Set<String> LOCK_ONLY = Set.of("partner_delivery_turn");

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
            if (LOCK_ONLY.contains(table)) {
                assertThat(writers).as("the classes that write " + table + ", a table of locks").isEmpty();
                assertThat(classesMatching(Pattern.compile("FROM\\s+" + table + "\\b[^\"]*FOR\\s+UPDATE",
                        Pattern.CASE_INSENSITIVE))).as("the classes that lock " + table).hasSize(1);
            } else {
                assertThat(writers).as("the classes that write " + table).hasSize(1);
            }
        }
    }

    private static Set<String> classesMatching(Pattern pattern) throws IOException {
        Set<String> classes = new TreeSet<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".java")).toList()) {
                if (pattern.matcher(Files.readString(file)).find()) {
                    classes.add(file.getFileName().toString());
                }
            }
        }
        return classes;
    }

    /** The tables the migrations leave: those created and not dropped by a later one. */
    private static List<String> tables() throws IOException {
        Set<String> tables = new TreeSet<>();
        Pattern create = Pattern.compile("CREATE\\s+TABLE\\s+(\\w+)", Pattern.CASE_INSENSITIVE);
        Pattern drop = Pattern.compile("DROP\\s+TABLE\\s+(?:IF\\s+EXISTS\\s+)?(\\w+)", Pattern.CASE_INSENSITIVE);
        try (Stream<Path> files = Files.list(MIGRATIONS)) {
            for (Path file : files.sorted(java.util.Comparator.comparingInt(OneWriterPerTableTest::version)).toList()) {
                String sql = Files.readString(file);
                Matcher created = create.matcher(sql);
                while (created.find()) {
                    tables.add(created.group(1).toLowerCase());
                }
                Matcher dropped = drop.matcher(sql);
                while (dropped.find()) {
                    tables.remove(dropped.group(1).toLowerCase());
                }
            }
        }
        return List.copyOf(tables);
    }

    private static int version(Path migration) {
        String name = migration.getFileName().toString();
        return Integer.parseInt(name.substring(1, name.indexOf("__")));
    }
}
