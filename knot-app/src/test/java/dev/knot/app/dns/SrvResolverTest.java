package dev.knot.app.dns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.knot.app.config.ResolverSection;
import dev.knot.ports.model.ErrorCode;
import dev.knot.ports.model.KnotException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** SRV lookups against a name server in the test: the records it serves, one that never answers, wrong names. */
class SrvResolverTest {
    private static final Duration SHORT_TIMEOUT = Duration.ofMillis(1500);

    @Test
    void anSrvRecordGivesTheAddressOfItsTargetAndItsPort() {
        try (FakeDnsServer dns = FakeDnsServer.start()
                .withSrv("mysql.service.consul", 1, 1, 23306, "node1.node.dc1.consul")
                .withA("node1.node.dc1.consul", "10.1.2.3")) {
            ServiceAddress found = resolverFor(dns).lookup("mysql.service.consul");

            assertThat(found).isEqualTo(new ServiceAddress("10.1.2.3", 23306));
            assertThat(found.hostAndPort()).isEqualTo("10.1.2.3:23306");
        }
    }

    @Test
    void theLowestPriorityWinsThenTheHighestWeight() {
        try (FakeDnsServer dns = FakeDnsServer.start()
                .withSrv("redis.service.consul", 20, 100, 7000, "backup.example")
                .withSrv("redis.service.consul", 10, 5, 7001, "light.example")
                .withSrv("redis.service.consul", 10, 50, 7002, "heavy.example")
                .withA("backup.example", "10.0.0.1")
                .withA("light.example", "10.0.0.2")
                .withA("heavy.example", "10.0.0.3")) {
            assertThat(resolverFor(dns).lookup("redis.service.consul")).isEqualTo(new ServiceAddress("10.0.0.3", 7002));
        }
    }

    @Test
    void aDomainsNameServersWinForNamesInThatDomain() {
        try (FakeDnsServer consul = FakeDnsServer.start()
                        .withSrv("redis.service.consul", 1, 1, 6380, "a.consul").withA("a.consul", "10.9.9.9");
                FakeDnsServer silent = FakeDnsServer.start()) {
            ResolverSection resolver = new ResolverSection(List.of(silent.address()),
                    Map.of("consul", List.of(consul.address()), "service.consul.", List.of(consul.address())));

            assertThat(new SrvResolver(resolver, SHORT_TIMEOUT).lookup("redis.service.consul"))
                    .isEqualTo(new ServiceAddress("10.9.9.9", 6380));
            assertThat(silent.questions()).isZero();
        }
    }

    @Test
    void anUnknownNameIsAClearError() {
        try (FakeDnsServer dns = FakeDnsServer.start()) {
            assertThatThrownBy(() -> resolverFor(dns).lookup("nothing.service.consul"))
                    .isInstanceOf(KnotException.class)
                    .hasMessage("DNS SRV lookup of nothing.service.consul via " + dns.address() + " failed: no such name")
                    .extracting(failure -> ((KnotException) failure).code()).isEqualTo(ErrorCode.STORE_UNAVAILABLE);
        }
    }

    @Test
    void aTargetWithoutAnAddressIsAClearError() {
        try (FakeDnsServer dns = FakeDnsServer.start().withSrv("db.service.consul", 1, 1, 3306, "ghost.example")) {
            assertThatThrownBy(() -> resolverFor(dns).lookup("db.service.consul"))
                    .isInstanceOf(KnotException.class)
                    .hasMessageContaining("DNS SRV lookup of db.service.consul via " + dns.address())
                    .hasMessageContaining("ghost.example");
        }
    }

    @Test
    void aNameServerThatNeverAnswersFailsTheLookupInBoundedTimeNamingTheNameAndServer() throws Exception {
        try (DatagramSocket silent = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            String address = "127.0.0.1:" + silent.getLocalPort();
            SrvResolver resolver = new SrvResolver(new ResolverSection(List.of(address), Map.of()), SHORT_TIMEOUT);

            // The future's timeout only keeps a broken deadline from hanging the build; nothing is asserted on time.
            CompletableFuture<Throwable> outcome = CompletableFuture.supplyAsync(() -> {
                try {
                    resolver.lookup("mysql.service.consul");
                    return null;
                } catch (KnotException failure) {
                    return failure;
                }
            });

            assertThat(outcome.get(30, TimeUnit.SECONDS))
                    .isInstanceOf(KnotException.class)
                    .hasMessage("DNS SRV lookup of mysql.service.consul via " + address + " failed: no answer within 1500 ms");
        }
    }

    @Test
    void nameServersWithoutAPortUse53AndBadEntriesNameTheirKey() {
        ResolverSection resolver = new ResolverSection(List.of("10.0.0.2", "10.0.0.3:8600", "[::1]", "fe80::1"), Map.of());

        assertThat(Nameservers.forName(resolver, "x.example").addresses())
                .containsExactly("10.0.0.2:53", "10.0.0.3:8600", "[::1]:53", "[fe80::1]:53");
        assertThat(Nameservers.forName(resolver, "x.example").providerUrl())
                .isEqualTo("dns://10.0.0.2:53 dns://10.0.0.3:8600 dns://[::1]:53 dns://[fe80::1]:53");
        assertThat(Nameservers.forName(new ResolverSection(List.of(), Map.of()), "x.example").describe())
                .isEqualTo("the system resolver");
        assertThatThrownBy(() -> new SrvResolver(new ResolverSection(List.of("10.0.0.2:dns"), Map.of())).lookup("x"))
                .isInstanceOf(KnotException.class)
                .hasMessage("resolver.nameservers: the port must be 1-65535 in \"10.0.0.2:dns\"");
    }

    private static SrvResolver resolverFor(FakeDnsServer dns) {
        return new SrvResolver(new ResolverSection(List.of(dns.address()), Map.of()), SHORT_TIMEOUT);
    }
}
