package org.bordercustody.benchmark;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A PostgreSQL 17 server from the embedded binaries, for benchmarking the application on PostgreSQL without
 * installing one: {@code ./mvnw -q test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=org.bordercustody.benchmark.BenchmarkPostgres -Dexec.args=5433}. Runs until stopped.
 */
public final class BenchmarkPostgres {

    private BenchmarkPostgres() {
    }

    public static void main(String[] args) throws Exception {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 5433;
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setPort(port).start()) {
            System.out.println("PostgreSQL ready: " + postgres.getJdbcUrl("postgres", "postgres")
                    + " (user postgres, no password); stop with Ctrl-C");
            Thread.currentThread().join();
        }
    }
}
