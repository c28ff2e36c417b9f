package org.bordercustody.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A partner's webhook for the benchmarks: acknowledges every delivery at once and keeps, for each event, how long after
 * the change it arrived (first arrival; the event's {@code time} is when the change happened).
 */
final class DeliveryLagReceiver implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    record Arrival(String subject, long lagMillis) {
    }

    private final HttpServer server;
    private final Map<String, Arrival> arrivals = new ConcurrentHashMap<>();

    DeliveryLagReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            Instant arrived = Instant.now();
            JsonNode event = JSON.readTree(exchange.getRequestBody().readAllBytes());
            long lag = arrived.toEpochMilli() - Instant.parse(event.get("time").asText()).toEpochMilli();
            arrivals.putIfAbsent(event.get("id").asText(), new Arrival(event.get("subject").asText(), lag));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    /** The lags of the events of the cases whose numbers start so, in milliseconds. */
    List<Long> lagsOf(String caseNumberPrefix) {
        return arrivals.values().stream().filter(arrival -> arrival.subject().startsWith(caseNumberPrefix))
                .map(Arrival::lagMillis).sorted().toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
