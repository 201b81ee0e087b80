package dev.knot.testkit.contract;

import static java.util.Objects.requireNonNull;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** What every contract shares: it knows the port it checks, and holds its implementations to one naming rule. */
public abstract class PortContract {
    private final Class<?> port;

    protected PortContract(Class<?> port) {
        this.port = requireNonNull(port, "port is null");
    }

    /**
     * Build reports and IDE runs show only the test class name, so the name must say which technology was
     * checked against which port: surefire runs *Test, failsafe runs *IT.
     */
    @Test
    public void testClassIsNamedTechnologyThenPortThenTestOrIT() {
        String name = getClass().getSimpleName();
        String portName = port.getSimpleName();

        assertThat(name)
                .as("a %s contract test is named <Technology>%s followed by Test (unit) or IT (needs a server),"
                        + " for example InMemory%sTest", portName, portName, portName)
                .matches("[A-Z][A-Za-z0-9]*" + Pattern.quote(portName) + "(Test|IT)");
    }
}
