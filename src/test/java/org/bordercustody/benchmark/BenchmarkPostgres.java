package org.bordercustody.benchmark;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;

/**
 * A PostgreSQL 17 server from the embedded binaries, for benchmarking the application on PostgreSQL without
 * installing one. Arguments: the port (5433) and, optionally, a data directory that is kept between runs (the
 * 300,000-case population takes a while to load); without one the server starts empty every time.
 * {@code pg_stat_statements} is loaded so that the statements a run executes can be counted and timed.
 *
 * <pre>./mvnw -q test-compile exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=org.bordercustody.benchmark.BenchmarkPostgres -Dexec.args="5433 target/benchmark-pg"</pre>
 */
public final class BenchmarkPostgres {

    private BenchmarkPostgres() {
    }

    public static void main(String[] args) throws Exception {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 5433;
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setPort(port)
                .setServerConfig("shared_preload_libraries", "pg_stat_statements")
                .setServerConfig("max_connections", "200");
        if (args.length > 1) {
            builder.setDataDirectory(Path.of(args[1]).toAbsolutePath()).setCleanDataDirectory(false);
        }
        try (EmbeddedPostgres postgres = builder.start()) {
            System.out.println("PostgreSQL ready: " + postgres.getJdbcUrl("postgres", "postgres")
                    + " (user postgres, no password); stop with Ctrl-C");
            Thread.currentThread().join();
        }
    }
}
