package dev.knot.adapter.mysql;

import com.google.inject.AbstractModule;
import dev.knot.ports.out.AgentStateStore;
import dev.knot.ports.out.SessionStore;
import dev.knot.ports.out.UsedNonceStore;
import jakarta.inject.Singleton;

/**
 * Binds the cache ports, sessions, agent state and used nonces, to MySQL: for setups with MySQL and no Redis. Install it
 * together with {@link MysqlStorageModule}, whose database it uses; it needs a
 * {@link dev.knot.ports.out.Clock} bound elsewhere. Expired rows are hidden at once and removed once a minute.
 */
public final class MysqlCacheModule extends AbstractModule {
    @Override
    protected void configure() {
        bind(SessionStore.class).to(MysqlSessionStore.class).in(Singleton.class);
        bind(AgentStateStore.class).to(MysqlAgentStateStore.class).in(Singleton.class);
        bind(UsedNonceStore.class).to(MysqlUsedNonceStore.class).in(Singleton.class);
    }
}
