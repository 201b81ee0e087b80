package dev.knot.adapter.http;

import static java.lang.String.format;
import static java.util.Objects.requireNonNull;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The reverse proxies whose {@code X-Forwarded-For} is believed, as addresses and CIDR networks. Only IP literals are
 * accepted: a host name would make trust depend on DNS.
 */
final class TrustedProxies {
    private static final Pattern IPV4 = Pattern.compile("^\\d{1,3}(\\.\\d{1,3}){3}$");
    private static final Pattern IPV6 = Pattern.compile("^[0-9a-fA-F:.]*:[0-9a-fA-F:.]*$");

    private final List<Network> networks;

    private TrustedProxies(List<Network> networks) {
        this.networks = List.copyOf(networks);
    }

    /** @throws IllegalArgumentException naming the first entry that is neither an IP address nor a CIDR network */
    static TrustedProxies parse(List<String> cidrsOrAddresses) {
        requireNonNull(cidrsOrAddresses, "cidrsOrAddresses is null");
        return new TrustedProxies(cidrsOrAddresses.stream().map(TrustedProxies::network).toList());
    }

    boolean isEmpty() {
        return networks.isEmpty();
    }

    boolean contains(InetAddress address) {
        return networks.stream().anyMatch(network -> network.contains(address));
    }

    /** The address a literal names, or empty when it is not an IP literal (a host name, garbage, a port suffix). */
    static Optional<InetAddress> literal(String text) {
        String trimmed = text.trim();
        if (trimmed.startsWith("[") && trimmed.endsWith("]")) {
            trimmed = trimmed.substring(1, trimmed.length() - 1);
        }
        boolean ipv4 = IPV4.matcher(trimmed).matches();
        if (ipv4 && !octetsInRange(trimmed) || !ipv4 && !IPV6.matcher(trimmed).matches()) {
            // An out-of-range dotted quad is not a literal to InetAddress: it would ask DNS.
            return Optional.empty();
        }
        try {
            // Only literals reach here, so this never asks DNS.
            return Optional.of(InetAddress.getByName(trimmed));
        } catch (UnknownHostException notAnAddress) {
            return Optional.empty();
        }
    }

    private static boolean octetsInRange(String dottedQuad) {
        for (String octet : dottedQuad.split("\\.")) {
            if (Integer.parseInt(octet) > 255) {
                return false;
            }
        }
        return true;
    }

    private static Network network(String entry) {
        requireNonNull(entry, "trusted proxy entry is null");
        String[] parts = entry.trim().split("/", -1);
        InetAddress address = literal(parts[0]).orElseThrow(() -> invalid(entry));
        int bits = address.getAddress().length * 8;
        if (parts.length == 1) {
            return new Network(address.getAddress(), bits);
        }
        if (parts.length != 2 || !parts[1].matches("\\d{1,3}")) {
            throw invalid(entry);
        }
        int prefix = Integer.parseInt(parts[1]);
        if (prefix > bits) {
            throw invalid(entry);
        }
        return new Network(address.getAddress(), prefix);
    }

    private static IllegalArgumentException invalid(String entry) {
        return new IllegalArgumentException(
                format("trusted proxy \"%s\" is not an IP address or a CIDR network such as 10.0.0.0/8", entry));
    }

    private record Network(byte[] base, int prefixBits) {
        boolean contains(InetAddress address) {
            byte[] candidate = address.getAddress();
            if (candidate.length != base.length) {
                return false;
            }
            int fullBytes = prefixBits / 8;
            for (int index = 0; index < fullBytes; index++) {
                if (candidate[index] != base[index]) {
                    return false;
                }
            }
            int remainingBits = prefixBits % 8;
            if (remainingBits == 0) {
                return true;
            }
            int mask = (0xff << (8 - remainingBits)) & 0xff;
            return (candidate[fullBytes] & mask) == (base[fullBytes] & mask);
        }
    }
}
