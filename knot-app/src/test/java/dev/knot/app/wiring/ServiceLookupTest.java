package dev.knot.app.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.knot.app.config.ResolverSection;
import dev.knot.app.dns.FakeDnsServer;
import dev.knot.app.dns.SrvResolver;
import dev.knot.ports.model.ErrorCode;
import dev.knot.ports.model.KnotException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Every call asks DNS again, so a record that changed is followed; failures name the key and the host. */
class ServiceLookupTest {
    @Test
    void everyCallAsksDnsAndFollowsAChangedRecord() {
        try (FakeDnsServer dns = FakeDnsServer.start()
                .withSrv("db.service.consul", 1, 1, 3306, "db.node.consul").withA("db.node.consul", "10.0.0.5")) {
            Supplier<InetSocketAddress> endpoint = lookup(dns).endpoint("db.service.consul");

            assertThat(endpoint.get()).isEqualTo(new InetSocketAddress("10.0.0.5", 3306));
            int questions = dns.questions();
            dns.replaceSrv("db.service.consul", 1, 1, 3307, "db.node.consul");

            assertThat(endpoint.get()).isEqualTo(new InetSocketAddress("10.0.0.5", 3307));
            assertThat(dns.questions()).isGreaterThan(questions);
            assertThat(endpoint).hasToString("srv+db.service.consul");
        }
    }

    @Test
    void aFailedLookupNamesTheKeyAndTheHost() {
        try (FakeDnsServer dns = FakeDnsServer.start()) {
            Supplier<InetSocketAddress> endpoint = lookup(dns).endpoint("db.service.consul");

            assertThatThrownBy(endpoint::get)
                    .isInstanceOfSatisfying(KnotException.class,
                            failure -> assertThat(failure.code()).isEqualTo(ErrorCode.STORE_UNAVAILABLE))
                    .hasMessage("server.mysql.host srv+db.service.consul: DNS SRV lookup of db.service.consul via "
                            + dns.address() + " failed: no such name");
        }
    }

    private static ServiceLookup lookup(FakeDnsServer dns) {
        return new ServiceLookup("server.mysql.host",
                new SrvResolver(new ResolverSection(List.of(dns.address()), Map.of())));
    }
}
