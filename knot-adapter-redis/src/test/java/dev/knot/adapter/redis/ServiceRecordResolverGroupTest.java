package dev.knot.adapter.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.channel.DefaultEventLoop;
import io.netty.resolver.AddressResolver;
import io.netty.resolver.DefaultAddressResolverGroup;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** "srv+" names answered by the service lookup, port included, at every resolution Redisson asks for. */
class ServiceRecordResolverGroupTest {
    private final DefaultEventLoop loop = new DefaultEventLoop();
    private final List<String> asked = new ArrayList<>();
    private final AtomicReference<Object> answer = new AtomicReference<>(new InetSocketAddress("10.0.0.5", 7000));
    private final ServiceRecordResolverGroup group = new ServiceRecordResolverGroup(Set.of("Redis.Service.Consul"),
            name -> {
                synchronized (asked) {
                    asked.add(name);
                }
                if (answer.get() instanceof RuntimeException failure) {
                    throw failure;
                }
                return (InetSocketAddress) answer.get();
            }, DefaultAddressResolverGroup.INSTANCE);

    @AfterEach
    void close() {
        group.close();
        loop.shutdownGracefully();
    }

    @Test
    void asksTheLookupAtEveryResolutionAndTakesItsPort() throws Exception {
        assertThat(resolve("redis.service.consul", 6379)).isEqualTo(new InetSocketAddress("10.0.0.5", 7000));

        answer.set(new InetSocketAddress("10.0.0.6", 7001));
        assertThat(resolve("redis.service.consul", 6379)).isEqualTo(new InetSocketAddress("10.0.0.6", 7001));
        assertThat(resolver().resolveAll(InetSocketAddress.createUnresolved("redis.service.consul", 6379)).get())
                .containsExactly(new InetSocketAddress("10.0.0.6", 7001));

        assertThat(asked).containsExactly("redis.service.consul", "redis.service.consul", "redis.service.consul");
    }

    @Test
    void otherNamesAreResolvedAsUsualWithTheirOwnPort() throws Exception {
        assertThat(resolve("localhost", 6379).getPort()).isEqualTo(6379);
        assertThat(asked).isEmpty();
    }

    @Test
    void aFailedLookupFailsUntilThereIsAnAnswerAndThenKeepsTheLastOne() throws Exception {
        answer.set(new IllegalStateException("DNS SRV lookup of redis.service.consul failed: no such name"));
        assertThatThrownBy(() -> resolve("redis.service.consul", 6379))
                .hasRootCauseMessage("DNS SRV lookup of redis.service.consul failed: no such name");

        answer.set(new InetSocketAddress("10.0.0.5", 7000));
        resolve("redis.service.consul", 6379);
        answer.set(new IllegalStateException("no answer within 5000 ms"));

        assertThat(resolve("redis.service.consul", 6379)).isEqualTo(new InetSocketAddress("10.0.0.5", 7000));
    }

    private InetSocketAddress resolve(String host, int port) throws InterruptedException, ExecutionException {
        return resolver().resolve(InetSocketAddress.createUnresolved(host, port)).get();
    }

    private AddressResolver<InetSocketAddress> resolver() {
        return group.getResolver(loop);
    }
}
