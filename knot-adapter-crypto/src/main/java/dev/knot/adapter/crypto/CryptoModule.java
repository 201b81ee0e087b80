package dev.knot.adapter.crypto;

import static java.util.Objects.requireNonNull;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.knot.ports.out.PasswordHasher;
import java.security.SecureRandom;

/** Binds {@link PasswordHasher} to Argon2id with the given cost. */
public final class CryptoModule extends AbstractModule {
    private final PasswordHashingConfig config;

    public CryptoModule(PasswordHashingConfig config) {
        this.config = requireNonNull(config, "config is null");
    }

    @Provides
    @Singleton
    PasswordHasher passwordHasher() {
        return new Argon2PasswordHasher(config, new SecureRandom());
    }
}
