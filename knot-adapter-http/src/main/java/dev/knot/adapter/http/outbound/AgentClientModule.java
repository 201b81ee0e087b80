package dev.knot.adapter.http.outbound;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.knot.ports.out.AgentClient;

/**
 * Binds the {@link AgentClient}: the calls the server makes to agents over HTTP. A module of its own because
 * everything that runs the domain needs it (the server and the admin commands), not only the HTTP listener.
 */
public final class AgentClientModule extends AbstractModule {
    @Provides
    @Singleton
    AgentClient agentClient() {
        return new HttpAgentClient();
    }
}
