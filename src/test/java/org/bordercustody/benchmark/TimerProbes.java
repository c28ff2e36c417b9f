package org.bordercustody.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Timer firing lag under load: processes that wait on one timer each, due at known instants spread over the run;
 * the lag is the time from the due date to the end of the timer activity in the engine's history.
 */
final class TimerProbes {

    static final String MODEL = """
            <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
                xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="benchmark">
              <process id="benchmarkTimerProbe" isExecutable="true" camunda:historyTimeToLive="1">
                <startEvent id="StartEvent_Probe" />
                <sequenceFlow id="Flow_ProbeToTimer" sourceRef="StartEvent_Probe" targetRef="Timer_Probe" />
                <intermediateCatchEvent id="Timer_Probe">
                  <timerEventDefinition><timeDate>${dueAt}</timeDate></timerEventDefinition>
                </intermediateCatchEvent>
                <sequenceFlow id="Flow_TimerToEnd" sourceRef="Timer_Probe" targetRef="EndEvent_Probe" />
                <endEvent id="EndEvent_Probe" />
              </process>
            </definitions>""";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter CAMUNDA_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");

    private final BenchmarkClient client;
    private final String runId;

    TimerProbes(BenchmarkClient client, String runId) {
        this.client = client;
        this.runId = runId;
    }

    /** Starts {@code count} probes due evenly between {@code from} and {@code from + window}. */
    void start(int count, Instant from, Duration window) throws Exception {
        for (int i = 0; i < count; i++) {
            Instant due = from.plusMillis(window.toMillis() * i / Math.max(1, count));
            client.post("timer-probe-start", "/engine-rest/process-definition/key/benchmarkTimerProbe/start",
                    "{\"businessKey\": \"PROBE-%s-%d\", \"variables\": {\"dueAt\": {\"value\": \"%s\"}}}"
                            .formatted(runId, due.toEpochMilli(), due));
        }
    }

    /** Waits until every probe has fired (at most {@code patience}); returns the lags in milliseconds, sorted. */
    List<Long> lagsMillis(int count, Duration patience) throws Exception {
        String probes = "processInstanceBusinessKeyLike=PROBE-" + runId + "-%25&processDefinitionKey=benchmarkTimerProbe";
        Instant deadline = Instant.now().plus(patience);
        while (Instant.now().isBefore(deadline) && JSON.readTree(client.get("timer-probe-history",
                "/engine-rest/history/process-instance/count?finished=true&" + probes)).get("count").asInt() < count) {
            Thread.sleep(1000);
        }
        Map<String, Long> dueByInstance = new HashMap<>();
        for (JsonNode instance : JSON.readTree(client.get("timer-probe-history",
                "/engine-rest/history/process-instance?maxResults=1000000&" + probes))) {
            String businessKey = instance.get("businessKey").asText();
            dueByInstance.put(instance.get("id").asText(),
                    Long.parseLong(businessKey.substring(businessKey.lastIndexOf('-') + 1)));
        }
        List<Long> lags = new ArrayList<>();
        for (JsonNode timer : JSON.readTree(client.get("timer-probe-history", "/engine-rest/history/activity-instance"
                + "?activityId=Timer_Probe&finished=true&processDefinitionKey=benchmarkTimerProbe&maxResults=1000000"))) {
            Long due = dueByInstance.get(timer.get("processInstanceId").asText());
            if (due != null) {
                lags.add(OffsetDateTime.parse(timer.get("endTime").asText(), CAMUNDA_DATE).toInstant().toEpochMilli() - due);
            }
        }
        Collections.sort(lags);
        return lags;
    }
}
