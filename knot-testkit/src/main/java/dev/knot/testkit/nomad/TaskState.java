package dev.knot.testkit.nomad;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/** One task of an allocation as Nomad's client reports it: pending, running or dead, with its events. */
final class TaskState {
    private static final String ZERO_TIME = "0001-01-01T00:00:00Z";

    private String state = "pending";
    private boolean failed;
    private Instant startedAt;
    private Instant finishedAt;
    private final List<ObjectNode> events = new ArrayList<>();

    String state() {
        return state;
    }

    boolean failed() {
        return failed;
    }

    void event(Instant time, String type, String message, Integer exitCode, boolean failsTask) {
        ObjectNode event = JsonNodeFactory.instance.objectNode();
        event.put("Type", type);
        event.put("Time", time.getEpochSecond() * 1_000_000_000L + time.getNano());
        event.put("Message", message);
        event.put("DisplayMessage", message.isEmpty() ? type : message);
        event.putObject("Details");
        event.put("FailsTask", failsTask);
        event.put("ExitCode", exitCode == null ? 0 : exitCode);
        event.put("Signal", 0);
        event.put("DriverError", failsTask && type.equals("Driver Failure") ? message : "");
        events.add(event);
    }

    void started(Instant time) {
        state = "running";
        startedAt = time;
    }

    void dead(Instant time, boolean hasFailed) {
        state = "dead";
        failed = hasFailed;
        finishedAt = time;
    }

    ObjectNode toJson() {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("State", state);
        json.put("Failed", failed);
        json.put("Restarts", 0);
        json.putNull("LastRestart");
        json.put("StartedAt", startedAt == null ? ZERO_TIME : DateTimeFormatter.ISO_INSTANT.format(startedAt));
        json.put("FinishedAt", finishedAt == null ? ZERO_TIME : DateTimeFormatter.ISO_INSTANT.format(finishedAt));
        ArrayNode eventArray = json.putArray("Events");
        events.forEach(eventArray::add);
        return json;
    }
}
