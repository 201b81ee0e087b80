package dev.knot.agent;

import static java.util.Objects.requireNonNull;

import io.undertow.client.ClientCallback;
import io.undertow.client.ClientConnection;
import io.undertow.client.ClientExchange;
import io.undertow.client.ClientRequest;
import io.undertow.client.ClientStatistics;
import io.undertow.connector.ByteBufferPool;
import io.undertow.util.HttpString;
import java.io.IOException;
import java.net.SocketAddress;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.xnio.ChannelListener;
import org.xnio.Option;
import org.xnio.StreamConnection;
import org.xnio.XnioIoThread;
import org.xnio.XnioWorker;

/**
 * A client connection that removes some headers from each request just before it is sent. Undertow's ProxyHandler
 * adds its X-Forwarded-* headers after every hook it offers, so this is the one place left to take them out again.
 */
final class HeaderDroppingConnection implements ClientConnection {
    private final ClientConnection delegate;
    private final Set<HttpString> dropped;

    HeaderDroppingConnection(ClientConnection delegate, Set<HttpString> dropped) {
        this.delegate = requireNonNull(delegate, "delegate is null");
        this.dropped = Set.copyOf(requireNonNull(dropped, "dropped is null"));
    }

    @Override
    public void sendRequest(ClientRequest request, ClientCallback<ClientExchange> clientCallback) {
        for (HttpString header : dropped) {
            request.getRequestHeaders().remove(header);
        }
        delegate.sendRequest(request, clientCallback);
    }

    @Override
    public StreamConnection performUpgrade() throws IOException {
        return delegate.performUpgrade();
    }

    @Override
    public ByteBufferPool getBufferPool() {
        return delegate.getBufferPool();
    }

    @Override
    public SocketAddress getPeerAddress() {
        return delegate.getPeerAddress();
    }

    @Override
    public <A extends SocketAddress> A getPeerAddress(Class<A> type) {
        return delegate.getPeerAddress(type);
    }

    @Override
    public ChannelListener.Setter<? extends ClientConnection> getCloseSetter() {
        return delegate.getCloseSetter();
    }

    @Override
    public SocketAddress getLocalAddress() {
        return delegate.getLocalAddress();
    }

    @Override
    public <A extends SocketAddress> A getLocalAddress(Class<A> type) {
        return delegate.getLocalAddress(type);
    }

    @Override
    public XnioWorker getWorker() {
        return delegate.getWorker();
    }

    @Override
    public XnioIoThread getIoThread() {
        return delegate.getIoThread();
    }

    @Override
    public boolean isOpen() {
        return delegate.isOpen();
    }

    @Override
    public void close() throws IOException {
        delegate.close();
    }

    @Override
    public boolean supportsOption(Option<?> option) {
        return delegate.supportsOption(option);
    }

    @Override
    public <T> T getOption(Option<T> option) throws IOException {
        return delegate.getOption(option);
    }

    @Override
    public <T> T setOption(Option<T> option, T value) throws IOException {
        return delegate.setOption(option, value);
    }

    @Override
    public boolean isUpgraded() {
        return delegate.isUpgraded();
    }

    @Override
    public boolean isPushSupported() {
        return delegate.isPushSupported();
    }

    @Override
    public boolean isMultiplexingSupported() {
        return delegate.isMultiplexingSupported();
    }

    @Override
    public ClientStatistics getStatistics() {
        return delegate.getStatistics();
    }

    @Override
    public boolean isUpgradeSupported() {
        return delegate.isUpgradeSupported();
    }

    @Override
    public void addCloseListener(ChannelListener<ClientConnection> listener) {
        delegate.addCloseListener(listener);
    }

    @Override
    public boolean isPingSupported() {
        return delegate.isPingSupported();
    }

    @Override
    public void sendPing(PingListener listener, long timeout, TimeUnit timeUnit) {
        delegate.sendPing(listener, timeout, timeUnit);
    }
}
