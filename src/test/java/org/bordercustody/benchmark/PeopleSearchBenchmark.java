package org.bordercustody.benchmark;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.bordercustody.person.PersonName;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Finding people among 2,000,000 on PostgreSQL 17 (FY2021 counted 1,659,206 encounters), and what the identity check
 * costs an apprehension, for two builds side by side in one run:
 * <ol>
 * <li>each build (an executable jar) runs against a database of its own on one PostgreSQL server, which its Flyway
 * migrations create; the people are then written directly (COPY), one encounter each, with their name keys and
 * identifiers where the build has those tables: names from pools of common names, dates of birth from 1950 to 2024,
 * citizenship in the FY2021 mix, an A-number for half of them and a FIN for four in five;</li>
 * <li>apprehensions of new single adults are recorded at a concurrency of 4: through the identity check (an A-number
 * and a FIN each) on a build that has it, without identifiers on one that does not; rounds alternate the builds;</li>
 * <li>on the build with people, {@code GET /api/people} as a manager: by name and date of birth (a third with one
 * typo, a third with the names in another order), by name and year of birth, by A-number and by FIN.</li>
 * </ol>
 * Databases are kept in the data directory between runs; a run seeds only what is missing.
 *
 * <pre>./mvnw -q test-compile exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=org.bordercustody.benchmark.PeopleSearchBenchmark \
 *   -Dexec.args="--before target/before/target/border-custody-0.1.0-SNAPSHOT.jar --after target/border-custody-0.1.0-SNAPSHOT.jar"</pre>
 *
 * Options: --before/--after the jars (--before may be left out), --people (2000000), --searches per kind (500),
 * --apprehensions per round (400), --rounds (2), --port of PostgreSQL (5435), --data directory
 * (target/benchmark-people-pg), --out (target/benchmark/people-search.md).
 */
public final class PeopleSearchBenchmark {

    private static final int APP_PORT = 18091;
    private static final String[] FAMILY = {"Garcia", "Hernandez", "Lopez", "Martinez", "Gonzalez", "Perez",
        "Rodriguez", "Sanchez", "Ramirez", "Cruz", "Flores", "Gomez", "Diaz", "Reyes", "Morales", "Jimenez",
        "Ruiz", "Alvarez", "Mendoza", "Castillo", "Ortiz", "Vasquez", "Romero", "Torres", "Chavez", "Rivera",
        "Gutierrez", "Aguilar", "Vargas", "Castro", "Ramos", "Herrera", "Medina", "Moreno", "Rojas", "Guzman",
        "Salazar", "Mejia", "Orellana", "Quispe", "Tzul", "Ixcoy", "Lemus", "Argueta", "Zelaya", "Pineda", "Baten",
        "Caal", "Choc", "Xol", "Nguyen", "Tran", "Singh", "Kaur", "Popescu", "Ivanov", "Petrov", "Kovalenko",
        "Pierre", "Joseph", "Jean", "Louis", "Dubois", "Mbeki", "Okafor", "Haile", "Tesfaye", "Ahmadi", "Rahimi"};
    private static final String[] GIVEN = {"Jose", "Juan", "Luis", "Carlos", "Jorge", "Miguel", "Pedro", "Jesus",
        "Manuel", "Francisco", "Antonio", "David", "Daniel", "Mario", "Oscar", "Edwin", "Wilmer", "Elmer", "Kevin",
        "Brayan", "Maria", "Ana", "Rosa", "Marta", "Carmen", "Gloria", "Sandra", "Yesenia", "Karla", "Glenda",
        "Dilcia", "Evelyn", "Heidy", "Fatima", "Andrea", "Sofia", "Valeria", "Camila", "Lucia", "Elena", "Ernesto",
        "Rigoberto", "Santos", "Wilfredo", "Alexander", "Jonathan", "Nelson", "Cristian", "Denis", "Marvin",
        "Olga", "Irina", "Priya", "Arjun", "Jean", "Mamadou", "Fatou", "Ali", "Hassan", "Amina"};
    /** FY2021 encounters by citizenship, roughly: Mexico, the Northern Triangle, then the rest. */
    private static final String[] COUNTRIES = {"MX", "MX", "MX", "MX", "MX", "MX", "MX", "HN", "HN", "HN", "GT", "GT",
        "GT", "SV", "SV", "EC", "NI", "CU", "VE", "BR", "HT", "CO", "PE", "IN", "RO"};

    private final BenchmarkOptions options;
    private final StringBuilder report = new StringBuilder();

    private PeopleSearchBenchmark(BenchmarkOptions options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        BenchmarkOptions options = BenchmarkOptions.parse(args, Map.ofEntries(
                Map.entry("--before", ""), Map.entry("--after", "target/border-custody-0.1.0-SNAPSHOT.jar"),
                Map.entry("--people", "2000000"), Map.entry("--searches", "500"), Map.entry("--apprehensions", "400"),
                Map.entry("--rounds", "2"), Map.entry("--port", "5435"), Map.entry("--data", "target/benchmark-people-pg"),
                Map.entry("--out", "target/benchmark/people-search.md")));
        new PeopleSearchBenchmark(options).run();
    }

    /** A build under measurement: its jar and its database. */
    private record Build(String name, Path jar, String database) {
    }

    void run() throws Exception {
        List<Build> builds = new ArrayList<>();
        if (!options.text("--before").isBlank()) {
            builds.add(new Build("before", Path.of(options.text("--before")), "people_before"));
        }
        builds.add(new Build("after", Path.of(options.text("--after")), "people_after"));
        int people = options.number("--people");
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setPort(options.number("--port"))
                .setDataDirectory(Path.of(options.text("--data")).toAbsolutePath()).setCleanDataDirectory(false)
                .setServerConfig("max_connections", "100").setServerConfig("shared_buffers", "1GB")
                .setServerConfig("max_wal_size", "8GB").setServerConfig("maintenance_work_mem", "1GB").start()) {
            report.append("# Finding people among %,d on PostgreSQL 17%n%n".formatted(people));
            report.append("Machine: %d cores, %s; %s.%n%n".formatted(Runtime.getRuntime().availableProcessors(),
                    System.getProperty("os.name"), Instant.now()));
            for (Build build : builds) {
                createDatabase(postgres, build.database());
                Process app = start(build, "seed");
                try {
                    seed(build, people);
                } finally {
                    stop(app);
                }
            }
            List<String> rates = new ArrayList<>();
            for (int round = 1; round <= options.number("--rounds"); round++) {
                for (Build build : builds) {
                    Process app = start(build, "round" + round);
                    try {
                        rates.add(apprehensions(build, round));
                        if (round == options.number("--rounds") && build.name().equals("after")) {
                            searches(build, people);
                        }
                    } finally {
                        stop(app);
                    }
                }
            }
            report.append(String.format("%n## Recording apprehensions (concurrency 4)%n%n| build | round | apprehensions"
                    + " | per second | p50 ms | p95 ms |%n|---|---|---|---|---|---|%n"));
            rates.forEach(report::append);
        }
        Path out = Path.of(options.text("--out"));
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        System.out.println(report);
    }

    private void seed(Build build, int people) throws Exception {
        try (Connection db = connect(build)) {
            db.setAutoCommit(true);
            boolean withPeople = exists(db, "person");
            boolean withSector = count(db, "SELECT count(*) FROM information_schema.columns"
                    + " WHERE table_name = 'custody_case' AND column_name = 'sector'") > 0;
            long seeded = count(db, "SELECT count(*) FROM custody_case WHERE event_number LIKE 'SEED%'");
            if (seeded >= people) {
                report.append("%s: %,d people seeded earlier.%n".formatted(build.name(), seeded));
                return;
            }
            long started = System.nanoTime();
            if (withPeople) {
                execute(db, "ALTER TABLE encounter_name_key DROP CONSTRAINT IF EXISTS encounter_name_key_pkey");
                execute(db, "DROP INDEX IF EXISTS ix_encounter_name_key_case");
            }
            CopyManager copy = db.unwrap(PGConnection.class).getCopyAPI();
            int batch = 50_000;
            for (long from = seeded; from < people; from += batch) {
                long to = Math.min(people, from + batch);
                StringBuilder events = new StringBuilder();
                StringBuilder persons = new StringBuilder();
                StringBuilder cases = new StringBuilder();
                StringBuilder keys = new StringBuilder();
                StringBuilder identifiers = new StringBuilder();
                for (long n = from; n < to; n++) {
                    Seeded person = person(n);
                    String event = "SEED" + n;
                    String caseNumber = event + "-01";
                    String at = person.apprehendedAt().toString();
                    events.append(event).append('\t').append(at).append("\t-07:00\tSDC\tCHU\t")
                            .append("0".repeat(64)).append('\t').append(at).append("\tseed\n");
                    cases.append(caseNumber).append('\t').append(event).append("\tp1\t").append(person.family())
                            .append('\t').append(person.given()).append('\t').append(person.born()).append('\t')
                            .append(n % 2 == 0 ? "M" : "F").append('\t').append(person.country())
                            .append("\tSINGLE_ADULT\tREMOVED\t").append(person.apprehendedAt().plus(Duration.ofHours(72)))
                            .append('\t').append(at).append('\t').append(person.apprehendedAt().plus(Duration.ofHours(20)));
                    if (withPeople) {
                        cases.append('\t').append(person.id());
                        persons.append(person.id()).append('\t').append(at).append('\n');
                        for (String key : PersonName.of(person.family(), person.given()).searchKeys()) {
                            keys.append(key).append('\t').append(caseNumber).append('\n');
                        }
                        if (n % 2 == 0) {
                            identifiers.append("A_NUMBER\t").append(aNumber(n)).append('\t').append(person.id())
                                    .append("\tA_NUMBER\t").append(caseNumber).append('\t').append(at).append("\tseed\n");
                        }
                        if (n % 5 != 0) {
                            identifiers.append("FIN\t").append(fin(n)).append('\t').append(person.id())
                                    .append("\tFIN\t").append(caseNumber).append('\t').append(at).append("\tseed\n");
                        }
                    }
                    if (withSector) {
                        cases.append("\tSDC\tCHU");
                    }
                    cases.append('\n');
                }
                copy.copyIn("COPY apprehension_event (event_number, apprehended_at, apprehended_offset, sector, station,"
                        + " request_fingerprint, recorded_at, recorded_by) FROM STDIN", new StringReader(events.toString()));
                if (withPeople) {
                    copy.copyIn("COPY person (person_id, created_at) FROM STDIN", new StringReader(persons.toString()));
                }
                copy.copyIn("COPY custody_case (case_number, event_number, person_ref, family_name, given_names,"
                        + " date_of_birth, sex, country_of_citizenship, classification, status, custody_deadline,"
                        + " apprehended_at, left_cbp_custody_at" + (withPeople ? ", person_id" : "")
                        + (withSector ? ", sector, station" : "") + ") FROM STDIN",
                        new StringReader(cases.toString()));
                if (withPeople) {
                    copy.copyIn("COPY encounter_name_key (name_key, case_number) FROM STDIN",
                            new StringReader(keys.toString()));
                    copy.copyIn("COPY person_identifier (kind, identifier, person_id, person_slot, case_number,"
                            + " recorded_at, recorded_by) FROM STDIN", new StringReader(identifiers.toString()));
                }
                if ((to / batch) % 4 == 0) {
                    System.out.printf("%s: seeded %,d of %,d%n", build.name(), to, people);
                }
            }
            if (withPeople) {
                execute(db, "ALTER TABLE encounter_name_key ADD PRIMARY KEY (name_key, case_number)");
                execute(db, "CREATE INDEX ix_encounter_name_key_case ON encounter_name_key (case_number)");
            }
            execute(db, "VACUUM ANALYZE");
            report.append("%s: seeded %,d people in %.0f s%s.%n".formatted(build.name(), people - seeded,
                    (System.nanoTime() - started) / 1e9, withPeople ? "; " + sizes(db) : ""));
        }
    }

    private String apprehensions(Build build, int round) throws Exception {
        BenchmarkClient agent = new BenchmarkClient("http://localhost:" + APP_PORT, "agent", "agent");
        boolean identified = build.name().equals("after");
        String runId = Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36).toUpperCase();
        int total = options.number("--apprehensions");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            record(agent, pool, "W" + runId, total / 4, identified);
            LatencyRecorder latencies = agent.newLatencies();
            long started = System.nanoTime();
            record(agent, pool, "M" + runId, total, identified);
            double seconds = (System.nanoTime() - started) / 1e9;
            double[] figures = latencies.percentilesMillis().get("apprehension");
            return "| %s | %d | %d | %.1f | %.0f | %.0f |%n".formatted(build.name() + (identified
                    ? " (identity check)" : ""), round, total, total / seconds, figures[1], figures[2]);
        } finally {
            pool.shutdown();
        }
    }

    private static void record(BenchmarkClient agent, ExecutorService pool, String batch, int count, boolean identified)
            throws Exception {
        List<Future<?>> calls = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int n = i;
            calls.add(pool.submit(() -> {
                Seeded person = person(9_000_000_000L + Math.floorMod((batch + n).hashCode(), 1_000_000_000));
                String identifiers = identified ? ", \"identifiers\": { \"aNumber\": \"A" + String.format("%09d",
                        Math.floorMod((batch + "#" + n).hashCode(), 1_000_000_000)) + "\", \"fin\": \""
                        + Math.floorMod((batch + "/" + n).hashCode(), 1_000_000_000) + "00\" }" : "";
                String at = Instant.now().minus(Duration.ofHours(1)).atOffset(ZoneOffset.ofHours(-7)).toString();
                agent.post("apprehension", "/api/apprehensions", """
                        { "eventNumber": "B%s%05d", "apprehendedAt": "%s", "location": { "sector": "TCA", "station": "NOG" },
                          "persons": [ { "ref": "p1", "familyName": "%s", "givenNames": "%s", "dateOfBirth": "%s",
                                         "sex": "M", "countryOfCitizenship": "%s"%s } ] }""".formatted(batch, n, at,
                        person.family(), person.given(), person.born(), person.country(), identifiers));
                return null;
            }));
        }
        for (Future<?> call : calls) {
            call.get();
        }
    }

    private void searches(Build build, int people) throws Exception {
        BenchmarkClient manager = new BenchmarkClient("http://localhost:" + APP_PORT, "manager", "manager");
        Random random = new Random(42);
        int count = options.number("--searches");
        for (int warmup = 0; warmup < 50; warmup++) {
            Seeded person = person(random.nextInt(people));
            manager.get("warm-up", "/api/people?name=" + encode(person.given() + " " + person.family())
                    + "&dateOfBirth=" + person.born());
        }
        LatencyRecorder latencies = manager.newLatencies();
        long found = 0;
        for (int i = 0; i < count; i++) {
            long n = random.nextInt(people);
            Seeded person = person(n);
            String name = switch (i % 3) {
                case 0 -> person.given() + " " + person.family();
                case 1 -> person.family() + " " + typo(person.given(), random);
                default -> typo(person.family(), random) + " " + person.given();
            };
            String byName = manager.get("name and date of birth", "/api/people?name=" + encode(name) + "&dateOfBirth="
                    + person.born());
            found += byName.contains("SEED" + n + "-01") ? 1 : 0;
            manager.get("name and year of birth", "/api/people?name=" + encode(person.given() + " " + person.family())
                    + "&dateOfBirth=" + person.born().getYear());
            long even = n - n % 2;
            manager.get("A-number", "/api/people?aNumber=" + aNumber(even));
            long withFin = n % 5 == 0 ? n + 1 : n;
            manager.get("FIN", "/api/people?fin=" + fin(withFin));
            manager.get("the floor: a case by number", "/api/cases/SEED" + n + "-01");
        }
        report.append(String.format("%n## Searches as a manager, %d of each kind (the person sought found %d of %d times"
                + " by name and date of birth)%n%n", count, found, count));
        report.append(LatencyRecorder.markdownTable(latencies.percentilesMillis()));
        refusalsTakeAsLongAsNobody(people, count, random);
        try (Connection db = connect(build); Statement statement = db.createStatement();
                ResultSet plan = statement.executeQuery("EXPLAIN (ANALYZE, BUFFERS) SELECT c.case_number FROM custody_case c"
                        + " WHERE c.case_number IN (SELECT k.case_number FROM encounter_name_key k WHERE k.name_key IN"
                        + " ('garcia')) AND c.case_number IN (SELECT k.case_number FROM encounter_name_key k WHERE"
                        + " k.name_key IN ('jose')) AND c.date_of_birth >= DATE '1980-05-05' AND c.date_of_birth <="
                        + " DATE '1980-05-05' ORDER BY c.case_number FETCH FIRST 200 ROWS ONLY")) {
            report.append(String.format("%nThe plan of the name-and-date-of-birth candidate query for Jose Garcia:%n%n```%n"));
            while (plan.next()) {
                report.append(plan.getString(1)).append('\n');
            }
            report.append("```%n".formatted());
        }
    }

    /**
     * An ORR liaison may find unaccompanied children only: searching a seeded adult by exact name, date of birth and
     * A-number must take as long as searching someone who does not exist, so that timing does not hint at them.
     * The two kinds alternate, so that both meet the same machine.
     */
    private void refusalsTakeAsLongAsNobody(int people, int count, Random random) throws Exception {
        BenchmarkClient liaison = new BenchmarkClient("http://localhost:" + APP_PORT, "orr-liaison", "orr-liaison");
        LatencyRecorder latencies = liaison.newLatencies();
        int answeredEmpty = 0;
        for (int i = 0; i < count; i++) {
            long n = random.nextInt(people) & ~1L;
            Seeded adult = person(n);
            answeredEmpty += liaison.get("an adult, refused", "/api/people?name=" + encode(adult.given() + " "
                    + adult.family()) + "&dateOfBirth=" + adult.born() + "&aNumber=" + aNumber(n))
                    .contains("\"people\":[]") ? 1 : 0;
            Seeded nobody = person(people + 1_000_000L + n);
            answeredEmpty += liaison.get("nobody", "/api/people?name=" + encode(nobody.given() + " Nobodyson")
                    + "&dateOfBirth=" + nobody.born() + "&aNumber=" + aNumber(900_000_000L - n))
                    .contains("\"people\":[]") ? 1 : 0;
            answeredEmpty += liaison.get("an adult by name, refused", "/api/people?name=" + encode(adult.given() + " "
                    + adult.family()) + "&dateOfBirth=" + adult.born()).contains("\"people\":[]") ? 1 : 0;
            answeredEmpty += liaison.get("nobody by name", "/api/people?name=" + encode(nobody.given() + " Nobodyson")
                    + "&dateOfBirth=" + nobody.born()).contains("\"people\":[]") ? 1 : 0;
        }
        report.append(String.format("%n## Searches as an ORR liaison: a seeded adult by exact name and date of birth,"
                + " with and without the A-number, and someone who does not exist, %d of each (%d of %d answered with"
                + " no one)%n%n", count, answeredEmpty, 4 * count));
        report.append(LatencyRecorder.markdownTable(latencies.percentilesMillis()));
    }

    /** One seeded person: the same for the same number in every run. */
    private record Seeded(UUID id, String family, String given, LocalDate born, String country, Instant apprehendedAt) {
    }

    private static Seeded person(long n) {
        Random random = new Random(n * 7919 + 17);
        String family = FAMILY[skewed(random, FAMILY.length)] + (random.nextInt(3) == 0 ? " "
                + FAMILY[skewed(random, FAMILY.length)] : "");
        String given = GIVEN[random.nextInt(GIVEN.length)] + (random.nextInt(2) == 0 ? " "
                + GIVEN[random.nextInt(GIVEN.length)] : "");
        LocalDate born = LocalDate.of(1950, 1, 1).plusDays(random.nextInt(365 * 74));
        Instant apprehendedAt = Instant.parse("2021-10-01T00:00:00Z").plus(Duration.ofMinutes(random.nextInt(525_600)));
        return new Seeded(new UUID(n, 0x5eedL), family, given, born, COUNTRIES[random.nextInt(COUNTRIES.length)],
                apprehendedAt);
    }

    /** Common names are common: the first of the pool far more often than the last. */
    private static int skewed(Random random, int size) {
        return (int) Math.min(size - 1, Math.floor(-Math.log(1 - random.nextDouble()) * size / 4));
    }

    private static String typo(String name, Random random) {
        String first = name.split(" ")[0];
        if (first.length() < PersonName.TYPO_MIN_LENGTH) {
            return name;
        }
        int at = 1 + random.nextInt(first.length() - 1);
        return first.substring(0, at) + "x" + first.substring(at + 1) + name.substring(first.length());
    }

    private static String aNumber(long n) {
        return "A" + String.format("%09d", 100_000_000 + n);
    }

    private static String fin(long n) {
        return String.format("%010d", 3_000_000_000L + n);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private Connection connect(Build build) throws Exception {
        return DriverManager.getConnection("jdbc:postgresql://localhost:%d/%s".formatted(options.number("--port"),
                build.database()), "postgres", "postgres");
    }

    private static void createDatabase(EmbeddedPostgres postgres, String database) throws Exception {
        try (Connection admin = postgres.getPostgresDatabase().getConnection(); Statement statement = admin.createStatement()) {
            if (!statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + database + "'").next()) {
                statement.execute("CREATE DATABASE " + database);
            }
        }
    }

    private static boolean exists(Connection db, String table) throws Exception {
        return count(db, "SELECT count(*) FROM information_schema.tables WHERE table_name = '" + table + "'") > 0;
    }

    private static long count(Connection db, String sql) throws Exception {
        try (Statement statement = db.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static void execute(Connection db, String sql) throws Exception {
        try (Statement statement = db.createStatement()) {
            statement.execute(sql);
        }
    }

    private static String sizes(Connection db) throws Exception {
        List<String> sizes = new ArrayList<>();
        try (Statement statement = db.createStatement(); ResultSet rows = statement.executeQuery("""
                SELECT relname, pg_size_pretty(pg_total_relation_size(oid)), reltuples::bigint FROM pg_class
                WHERE relname IN ('person', 'person_identifier', 'encounter_name_key', 'custody_case') ORDER BY relname""")) {
            while (rows.next()) {
                sizes.add("%s %s (%,d rows)".formatted(rows.getString(1), rows.getString(2), rows.getLong(3)));
            }
        }
        return String.join(", ", sizes);
    }

    private Process start(Build build, String logName) throws Exception {
        Path log = Path.of("target", "benchmark", "people-" + build.name() + "-" + logName + ".log");
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", build.jar().toAbsolutePath().toString(), "--server.port=" + APP_PORT,
                "--custody.partners.ice.webhook-url=", "--custody.partners.orr.webhook-url=",
                "--custody.partners.simulator.enabled=false")
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("SPRING_PROFILES_ACTIVE", "postgres");
        builder.environment().put("SPRING_DATASOURCE_URL", "jdbc:postgresql://localhost:%d/%s"
                .formatted(options.number("--port"), build.database()));
        builder.environment().put("SPRING_DATASOURCE_USERNAME", "postgres");
        builder.environment().put("SPRING_DATASOURCE_PASSWORD", "");
        Process process = builder.start();
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(build.jar() + " stopped while starting: see " + log);
            }
            try {
                if (http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + APP_PORT
                        + "/actuator/health/readiness")).build(), BodyHandlers.ofString()).statusCode() == 200) {
                    return process;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        process.destroyForcibly();
        throw new IllegalStateException(build.jar() + " did not become ready: see " + log);
    }

    private static void stop(Process app) throws InterruptedException {
        app.destroy();
        if (!app.waitFor(60, TimeUnit.SECONDS)) {
            app.destroyForcibly().waitFor();
        }
    }
}
