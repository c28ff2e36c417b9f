package org.bordercustody.benchmark;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** HTTP calls to the application as one user, each timed under its call type. */
final class BenchmarkClient {

    private final String target;
    private final String authorization;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private volatile LatencyRecorder latencies = new LatencyRecorder();

    BenchmarkClient(String target, String user, String password) {
        this.target = target;
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    String target() {
        return target;
    }

    /** Starts a new set of latencies (after the warm-up, and for each concurrency level). */
    LatencyRecorder newLatencies() {
        latencies = new LatencyRecorder();
        return latencies;
    }

    String get(String type, String path) throws Exception {
        return send(type, HttpRequest.newBuilder(URI.create(target + path)).GET());
    }

    String post(String type, String path, String json) throws Exception {
        return send(type, jsonPost(path, json));
    }

    /** A POST answered in HAL, as Tasklist asks for a filter's tasks with their variables embedded. */
    String postHal(String type, String path, String json) throws Exception {
        return send(type, jsonPost(path, json).header("Accept", "application/hal+json"));
    }

    private HttpRequest.Builder jsonPost(String path, String json) {
        return HttpRequest.newBuilder(URI.create(target + path)).header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString(json));
    }

    /** Deploys one BPMN model through the engine's REST API, unless the same model is deployed already. */
    void deploy(String name, String bpmnXml) throws Exception {
        String boundary = "benchmark";
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\n" + name
                + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"deploy-changed-only\"\r\n\r\ntrue\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"data\"; filename=\"" + name + ".bpmn\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n" + bpmnXml + "\r\n--" + boundary + "--\r\n";
        send("deploy", HttpRequest.newBuilder(URI.create(target + "/engine-rest/deployment/create"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary).POST(BodyPublishers.ofString(body)));
    }

    private String send(String type, HttpRequest.Builder request) throws Exception {
        request.header("Authorization", authorization).timeout(Duration.ofSeconds(60));
        long start = System.nanoTime();
        var response = http.send(request.build(), BodyHandlers.ofString());
        latencies.record(type, start);
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(type + " " + request.build().uri() + ": " + response.statusCode() + " "
                    + response.body());
        }
        return response.body();
    }
}
