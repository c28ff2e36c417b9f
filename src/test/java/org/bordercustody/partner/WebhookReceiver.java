package org.bordercustody.partner;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A partner's webhook for the tests, on the JDK's HTTP server: it records every request, answers 503 while down
 * and 204 while up, and checks each signature with its own HMAC code (not the library the application signs with).
 */
final class WebhookReceiver implements AutoCloseable {

    static final byte[] KEY = "a partner's shared secret key, 32 bytes".getBytes(StandardCharsets.UTF_8);
    static final String SECRET = "whsec_" + Base64.getEncoder().encodeToString(KEY);

    /** One request: its headers as sent, its body's exact bytes, whether the signature held, what was answered. */
    record Received(String id, String timestamp, String signature, String contentType, String body,
            boolean signatureValid, int answered) {
    }

    private final HttpServer server;
    private final AtomicBoolean up = new AtomicBoolean(true);
    final List<Received> received = new CopyOnWriteArrayList<>();

    WebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String id = exchange.getRequestHeaders().getFirst("webhook-id");
            String timestamp = exchange.getRequestHeaders().getFirst("webhook-timestamp");
            String signature = exchange.getRequestHeaders().getFirst("webhook-signature");
            int status = up.get() ? 204 : 503;
            received.add(new Received(id, timestamp, signature, exchange.getRequestHeaders().getFirst("Content-Type"),
                    new String(body, StandardCharsets.UTF_8), valid(id, timestamp, body, signature), status));
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    void down() {
        up.set(false);
    }

    void up() {
        up.set(true);
    }

    List<Received> acknowledged() {
        return received.stream().filter(request -> request.answered() / 100 == 2).toList();
    }

    /** v1, + base64(HMAC-SHA256(key, "{id}.{timestamp}.{body}")), compared in constant time. */
    static boolean valid(String id, String timestamp, byte[] body, String signature) {
        if (id == null || timestamp == null || signature == null || !signature.startsWith("v1,")) {
            return false;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(KEY, "HmacSHA256"));
            mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
            byte[] expected = mac.doFinal(body);
            return MessageDigest.isEqual(expected, Base64.getDecoder().decode(signature.substring(3)));
        } catch (NoSuchAlgorithmException | InvalidKeyException | IllegalArgumentException e) {
            return false;
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
