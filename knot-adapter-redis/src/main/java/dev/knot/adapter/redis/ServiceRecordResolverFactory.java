package dev.knot.adapter.redis;

import static java.util.Objects.requireNonNull;

import io.netty.channel.socket.DatagramChannel;
import io.netty.channel.socket.SocketChannel;
import io.netty.resolver.AddressResolverGroup;
import io.netty.resolver.dns.DnsServerAddressStreamProvider;
import java.net.InetSocketAddress;
import java.util.Set;
import java.util.function.Function;
import org.redisson.connection.AddressResolverGroupFactory;
import org.redisson.connection.DnsAddressResolverGroupFactory;

/** Gives Redisson a {@link ServiceRecordResolverGroup} in front of its usual DNS resolver. */
final class ServiceRecordResolverFactory implements AddressResolverGroupFactory {
    private final Set<String> serviceNames;
    private final Function<String, InetSocketAddress> lookup;

    ServiceRecordResolverFactory(Set<String> serviceNames, Function<String, InetSocketAddress> lookup) {
        this.serviceNames = Set.copyOf(requireNonNull(serviceNames, "serviceNames is null"));
        this.lookup = requireNonNull(lookup, "lookup is null");
    }

    @Override
    public AddressResolverGroup<InetSocketAddress> create(Class<? extends DatagramChannel> channelType,
            Class<? extends SocketChannel> socketChannelType, DnsServerAddressStreamProvider nameServerProvider) {
        return new ServiceRecordResolverGroup(serviceNames, lookup,
                new DnsAddressResolverGroupFactory().create(channelType, socketChannelType, nameServerProvider));
    }
}
