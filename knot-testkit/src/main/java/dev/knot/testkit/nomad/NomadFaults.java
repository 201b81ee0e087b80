package dev.knot.testkit.nomad;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Faults the simulator injects before it routes a request, in the order they were added: delays add up, and the
 * first matching answer (a status or a dropped connection) wins. Thread-safe; {@link #clear()} removes them all.
 */
public final class NomadFaults {
    enum Kind { RESPOND, DELAY, DROP }

    record Fault(Kind kind, int status, String message, Duration delay) {
    }

    private record Rule(FaultScope scope, Fault fault, AtomicInteger remaining) {
    }

    private final List<Rule> rules = new CopyOnWriteArrayList<>();
    private volatile boolean leaderLost;

    NomadFaults() {
    }

    /**
     * Answers matching requests with this status and text/plain message, e.g. 500 "No cluster leader", 503
     * "Service Unavailable", 403 "Permission denied".
     */
    public void respond(FaultScope scope, int status, String message) {
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("not an HTTP status: " + status);
        }
        add(scope, new Fault(Kind.RESPOND, status, requireNonNull(message, "message is null"), Duration.ZERO));
    }

    /** Holds matching requests this long before handling them (or applying a later fault). */
    public void delay(FaultScope scope, Duration delay) {
        requireNonNull(delay, "delay is null");
        if (delay.isNegative()) {
            throw new IllegalArgumentException("delay is negative: " + delay);
        }
        add(scope, new Fault(Kind.DELAY, 0, "", delay));
    }

    /** Closes the connection of matching requests without any response (the client sees no status line). */
    public void dropConnection(FaultScope scope) {
        add(scope, new Fault(Kind.DROP, 0, "", Duration.ZERO));
    }

    /**
     * The cluster loses its leader: /v1/status/leader answers 500 "No cluster leader", and so do writes and reads
     * that are not {@code ?stale}, as a Nomad server without a leader does.
     */
    public void loseLeader() {
        leaderLost = true;
    }

    public void regainLeader() {
        leaderLost = false;
    }

    /** Removes every fault and restores the leader. */
    public void clear() {
        rules.clear();
        leaderLost = false;
    }

    boolean leaderLost() {
        return leaderLost;
    }

    private void add(FaultScope scope, Fault fault) {
        rules.add(new Rule(requireNonNull(scope, "scope is null"), fault, new AtomicInteger(scope.times())));
    }

    /** The faults for this request, consuming one use of each limited rule that applies. */
    List<Fault> match(String method, String path) {
        List<Fault> result = new ArrayList<>();
        for (Rule rule : rules) {
            if (rule.scope().matches(method, path) && consume(rule)) {
                result.add(rule.fault());
                if (rule.fault().kind() != Kind.DELAY) {
                    break;
                }
            }
        }
        return result;
    }

    private boolean consume(Rule rule) {
        if (rule.scope().times() == 0) {
            return true;
        }
        int left = rule.remaining().getAndDecrement();
        if (left <= 0) {
            rules.remove(rule);
            return false;
        }
        if (left == 1) {
            rules.remove(rule);
        }
        return true;
    }
}
