package dev.knot.app.wiring;

import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/**
 * Waits for SIGTERM or SIGINT. The JVM's own handling of these runs the shutdown hooks and then exits with 143, but
 * a drained, orderly stop should exit 0 (Nomad and systemd read anything else as a crash), so knot handles the two
 * signals itself and lets main return normally. sun.misc.Signal is the JDK's supported way to do this (JEP 260
 * keeps it accessible in jdk.unsupported).
 */
final class ShutdownSignal {
    private static final Logger LOG = LoggerFactory.getLogger(ShutdownSignal.class);

    private final CountDownLatch received = new CountDownLatch(1);

    /** @return false when the JVM does not let knot handle the signals (e.g. -Xrs): the shutdown hook then applies */
    boolean install() {
        boolean installed = true;
        for (String name : new String[] {"TERM", "INT"}) {
            try {
                Signal.handle(new Signal(name), signal -> {
                    LOG.info("received SIG{}: stopping", name);
                    received.countDown();
                });
            }
            catch (IllegalArgumentException unavailable) {
                LOG.debug("cannot handle SIG{}: {}", name, unavailable.getMessage());
                installed = false;
            }
        }
        return installed;
    }

    void await() throws InterruptedException {
        received.await();
    }
}
