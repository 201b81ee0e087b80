package dev.knot.domain.agent;

import dev.knot.ports.model.KnotException;
import java.util.regex.Pattern;

/**
 * The host:port an agent advertises. Strict, because the server will connect there: a DNS name or IPv4 address,
 * or a bracketed IPv6 address, and a decimal port 1-65535 with no sign or leading zero.
 */
final class AgentAddress {
    private static final Pattern HOST_PORT = Pattern.compile(
            "^(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*"
                    + "|\\[[0-9A-Fa-f:.]{2,45}\\]):([1-9][0-9]{0,4})$");
    private static final int MAXIMUM_LENGTH = 255;

    private AgentAddress() {}

    static String check(String address) {
        var matcher = address == null || address.length() > MAXIMUM_LENGTH ? null : HOST_PORT.matcher(address);
        if (matcher == null || !matcher.matches() || Integer.parseInt(matcher.group(1)) > 65535) {
            throw KnotException.invalid("address: must be host:port where the server can reach the agent");
        }
        return address;
    }
}
