package org.bordercustody.partner;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.bordercustody.ApiClient;
import org.bordercustody.CustodyApplicationTest;
import org.bordercustody.Journeys;
import org.bordercustody.apprehension.ApprehensionFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** GET /api/events: every committed event once, in commit order, to whom it is for. */
@CustodyApplicationTest
class EventFeedTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theFeedReadFromACursorWhileSeveralThreadsRecordApprehensionsHoldsEveryCommittedEventOnce() throws Exception {
        ApiClient manager = ApiClient.as(port, "manager");
        String cursor = readAll(manager, null, new ArrayList<>());
        ExecutorService writers = Executors.newFixedThreadPool(4);
        AtomicBoolean writing = new AtomicBoolean(true);
        List<Future<?>> written = new ArrayList<>();
        for (int thread = 0; thread < 4; thread++) {
            int writer = thread;
            written.add(writers.submit(() -> {
                for (int i = 0; i < 10; i++) {
                    String event = "FDW" + writer + String.format("%03d", i);
                    ApiClient.Response response = ApiClient.as(port, "agent").post("/api/apprehensions",
                            ApprehensionFixtures.family(event));
                    assertThat(response.status()).as(response.body()).isEqualTo(201);
                }
            }));
        }
        List<String> read = new ArrayList<>();
        java.util.concurrent.atomic.AtomicReference<String> readerAt = new java.util.concurrent.atomic.AtomicReference<>(cursor);
        ExecutorService readerThread = Executors.newSingleThreadExecutor();
        Future<Integer> concurrentRead = readerThread.submit(() -> {
            while (writing.get()) {
                readerAt.set(readAll(manager, readerAt.get(), read));
            }
            return read.size();
        });
        try {
            for (Future<?> future : written) {
                future.get(120, TimeUnit.SECONDS);
            }
        } finally {
            writers.shutdown();
            writing.set(false);
        }
        // A failure of the reader fails the test here; it must have read while the apprehensions were recorded.
        int readWhileWriting = concurrentRead.get(60, TimeUnit.SECONDS);
        readerThread.shutdown();
        List<String> committed = jdbc.sql("SELECT event_id FROM partner_event p JOIN custody_case c"
                + " ON c.case_number = p.case_number WHERE c.event_number LIKE 'FDW%'").query(String.class).list();
        assertThat(committed).as("at least the apprehension of each of the three people of each family")
                .hasSizeGreaterThanOrEqualTo(4 * 10 * 3);
        assertThat(readWhileWriting).as("events the reader took from the feed while they were being written")
                .isPositive();
        // Every event committed by now is in the feed; the reader goes on from where it stopped.
        readAll(manager, readerAt.get(), read);
        List<String> union = read;
        assertThat(union.stream().filter(committed::contains).toList()).as("each committed event once")
                .doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(committed);
    }

    @Test
    void iceReadsReleasesWithTheAddressAndOrrOnlyChildrensEvents() {
        String released = new Journeys(port).releasedAdult("FEEDREL1");
        String child = new Journeys(port).childAwaitingPlacement("FEEDUAC1");

        List<JsonNode> ice = PartnerTests.allEvents(ApiClient.as(port, "ice-system"));
        JsonNode release = ice.stream().filter(event -> event.get("subject").asText().equals(released)
                && event.get("type").asText().equals("gov.dhs.border-custody.case.released")).findFirst().orElseThrow();
        assertThat(release.get("specversion").asText()).isEqualTo("1.0");
        assertThat(release.get("data").get("address").get("city").asText()).isEqualTo("Dallas");
        assertThat(release.get("data").get("contactPhone").asText()).isEqualTo("+12145550100");
        assertThat(release.get("data").has("checkInDueBy")).isTrue();
        assertThat(ice).as("ICE gets no referral of a child")
                .noneMatch(event -> event.get("type").asText().endsWith(".uac-referral"));

        List<JsonNode> orr = PartnerTests.allEvents(ApiClient.as(port, "orr-system"));
        assertThat(orr).anyMatch(event -> event.get("subject").asText().equals(child)
                && event.get("type").asText().endsWith(".uac-referral")
                && event.get("data").get("person").get("givenNames").asText().equals("Carla"));
        assertThat(orr).as("ORR never reads an adult's event").noneMatch(event -> event.get("subject").asText()
                .equals(released) || event.get("subject").asText().equals("FEEDUAC1-01"));
    }

    @Test
    void partnersReachTheirFeedOnlyAndPeopleWhoWorkCasesDoNotReadIt() {
        String caseNumber = new Journeys(port).adultAfterIntake("FEEDSEC1");
        for (String partner : List.of("ice-system", "orr-system")) {
            ApiClient client = ApiClient.as(port, partner);
            assertThat(client.get("/api/cases/" + caseNumber).status()).as(partner + " reads no case").isEqualTo(403);
            assertThat(client.get("/engine-rest/task").status()).as(partner + " on the engine").isEqualTo(403);
            assertThat(client.get("/engine-rest/process-instance").status()).isEqualTo(403);
            assertThat(client.get("/camunda/api/engine/engine/default/task").status())
                    .as("the web apps' API takes a web app session, never a password").isEqualTo(401);
            assertThat(client.get("/api/events").status()).isEqualTo(200);
            assertThat(client.get("/engine-rest/version").status()).as(partner + " on the engine").isEqualTo(403);
            for (String app : List.of("tasklist", "cockpit", "admin", "welcome")) {
                ApiClient browser = ApiClient.anonymous(port);
                assertThat(browser.webappLogin(app, partner, partner).status()).as(partner + " signs in to " + app)
                        .isEqualTo(403);
                assertThat(browser.get("/camunda/api/admin/auth/user/default").status())
                        .as("no session of " + partner + " after signing in to " + app + " (Camunda: no such user)")
                        .isEqualTo(404);
            }
        }
        ApiClient signedIn = ApiClient.anonymous(port);
        assertThat(signedIn.webappLogin("tasklist", "agent", "agent").status()).isEqualTo(200);
        assertThat(signedIn.get("/camunda/api/admin/auth/user/default").status())
                .as("the same question answered for a session that exists").isEqualTo(200);
        assertThat(ApiClient.as(port, "agent").get("/api/events").status()).isEqualTo(403);
        assertThat(ApiClient.as(port, "ice-officer").get("/api/events").status()).isEqualTo(403);
        ApiClient manager = ApiClient.as(port, "manager");
        assertThat(manager.get("/api/events?after=not-a-cursor").status()).isEqualTo(400);
        String handedOut = manager.get("/api/events?limit=1").json().get("next").asText();
        assertThat(manager.get("/api/events?after=" + handedOut).status()).isEqualTo(200);
        java.util.Base64.Encoder base64 = java.util.Base64.getUrlEncoder().withoutPadding();
        for (String forged : List.of("p01", "p+1", "p\u0661", "p9223372036854775807", "p-1", "x1")) {
            String cursor = base64.encodeToString(forged.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            assertThat(manager.get("/api/events?after=" + cursor).status()).as("forged cursor " + forged).isEqualTo(400);
        }
        assertThat(manager.get("/api/events?after=" + handedOut + "=").status()).as("padded").isEqualTo(400);
        long last = manager.get("/api/events?limit=1000").json().get("events").size();
        String beyond = base64.encodeToString(("p" + (last + 1_000_000)).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(manager.get("/api/events?after=" + beyond).status()).as("a place not given yet").isEqualTo(400);
        for (String limit : List.of("1001", "0", "-1", "+5", "%205", "0x10", "%D9%A5", "5.0")) {
            assertThat(manager.get("/api/events?limit=" + limit).status()).as("limit " + limit).isEqualTo(400);
        }
    }

    /** Follows the feed from the cursor until a page is empty; the ids read are added; answers the last cursor. */
    private static String readAll(ApiClient client, String after, List<String> ids) {
        String cursor = after;
        while (true) {
            ApiClient.Response response = client.get("/api/events?limit=7" + (cursor == null ? "" : "&after=" + cursor));
            assertThat(response.status()).as(response.body()).isEqualTo(200);
            JsonNode page = response.json();
            page.get("events").forEach(event -> ids.add(event.get("id").asText()));
            String next = page.get("next").asText();
            if (page.get("events").isEmpty()) {
                return next;
            }
            cursor = next;
        }
    }
}
