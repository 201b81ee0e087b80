package dev.knot.app.wiring;

import dev.knot.adapter.http.HttpTlsConfig;
import dev.knot.app.config.ServerSection;
import dev.knot.app.config.TlsSection;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What server.tls asks the listener for, by the original's rules: {@code use_tls: false} is plain HTTP; with
 * {@code cert_file} and {@code key_file} (the config accepts both or neither) those PEM files; otherwise a certificate
 * made at start.
 */
final class ServerTls {
    private static final Pattern IPV4_LITERAL = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    /** The original's IP address name; InetAddress.getLoopbackAddress() may be ::1 instead. */
    private static final InetAddress IPV4_LOOPBACK = ipv4Loopback();

    private ServerTls() {}

    static HttpTlsConfig forServer(ServerSection server) {
        TlsSection tls = server.tls();
        if (!tls.useTls()) {
            return HttpTlsConfig.plain();
        }
        if (!tls.certFile().isBlank()) {
            return HttpTlsConfig.pemFiles(Path.of(tls.certFile()), Path.of(tls.keyFile()));
        }
        return selfSigned(server);
    }

    /**
     * The original's names: the host of server.url with its port if it has one, {@code localhost}, the host of
     * server.agent_url (with port) if set, the wildcard domain if set, and 127.0.0.1. A {@code host:port} is no name
     * a client matches, so the bare host is added beside it: as an IP address when it is one, else as a DNS name.
     */
    private static HttpTlsConfig selfSigned(ServerSection server) {
        Set<String> dnsNames = new LinkedHashSet<>();
        Set<InetAddress> addresses = new LinkedHashSet<>();
        addresses.add(IPV4_LOOPBACK);
        addHost(server.url(), dnsNames, addresses);
        dnsNames.add("localhost");
        server.agentUrl().ifPresent(agentUrl -> addHost(agentUrl, dnsNames, addresses));
        server.wildcardDomain().ifPresent(dnsNames::add);
        return HttpTlsConfig.selfSigned(List.copyOf(dnsNames), List.copyOf(addresses));
    }

    private static void addHost(URI url, Set<String> dnsNames, Set<InetAddress> addresses) {
        String host = url.getHost();
        if (host == null) {
            return;
        }
        dnsNames.add(url.getPort() == -1 ? host : host + ":" + url.getPort());
        ipLiteral(host).ifPresentOrElse(addresses::add, () -> dnsNames.add(host));
    }

    /** The address of an IPv4 or bracketed IPv6 literal; empty for a name, which is never looked up. */
    private static Optional<InetAddress> ipLiteral(String host) {
        boolean literal = IPV4_LITERAL.matcher(host).matches() || host.startsWith("[") && host.endsWith("]");
        if (!literal) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(host.startsWith("[") ? host.substring(1, host.length() - 1) : host));
        }
        catch (UnknownHostException notAnAddress) {
            return Optional.empty();
        }
    }

    private static InetAddress ipv4Loopback() {
        try {
            return InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
        }
        catch (UnknownHostException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
