package dev.knot.app.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.knot.ports.model.ErrorCode;
import dev.knot.ports.model.KnotException;
import dev.knot.ports.runtime.ManagedService;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServiceLifecycleTest {
    private final List<String> events = new ArrayList<>();

    @Test
    void startsInBindingOrderAndClosesInReverse() {
        ServiceLifecycle lifecycle = new ServiceLifecycle(List.of(service("store"), service("http")));

        lifecycle.start();
        lifecycle.close();

        assertThat(events).containsExactly("start store", "start http", "close http", "close store");
    }

    @Test
    void aServiceThatFailsToStartLeavesNothingOpen() {
        KnotException inUse = new KnotException(ErrorCode.STORE_IN_USE, "the store is in use");
        ServiceLifecycle lifecycle = new ServiceLifecycle(List.of(service("store"), failing("http", inUse), service("never")));

        assertThatThrownBy(lifecycle::start).isSameAs(inUse);

        assertThat(events).containsExactly("start store", "start http", "close http", "close store");
    }

    @Test
    void closingTwiceClosesOnce() {
        ServiceLifecycle lifecycle = new ServiceLifecycle(List.of(service("store")));
        lifecycle.start();

        lifecycle.close();
        lifecycle.close();

        assertThat(events).containsExactly("start store", "close store");
    }

    @Test
    void aServiceThatFailsToCloseDoesNotKeepTheOthersOpen() {
        ServiceLifecycle lifecycle = new ServiceLifecycle(List.of(service("store"), failingClose("http")));
        lifecycle.start();

        lifecycle.close();

        assertThat(events).containsExactly("start store", "start http", "close http", "close store");
    }

    private ManagedService service(String name) {
        return new RecordingService(name, null, false);
    }

    private ManagedService failing(String name, KnotException failure) {
        return new RecordingService(name, failure, false);
    }

    private ManagedService failingClose(String name) {
        return new RecordingService(name, null, true);
    }

    private final class RecordingService implements ManagedService {
        private final String name;
        private final KnotException startFailure;
        private final boolean closeFails;

        RecordingService(String name, KnotException startFailure, boolean closeFails) {
            this.name = name;
            this.startFailure = startFailure;
            this.closeFails = closeFails;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public void start() {
            events.add("start " + name);
            if (startFailure != null) {
                throw startFailure;
            }
        }

        @Override
        public void close() {
            events.add("close " + name);
            if (closeFails) {
                throw new IllegalStateException("cannot close " + name);
            }
        }
    }
}
