package dev.knot.adapter.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Stage;
import dev.knot.ports.model.PasswordHash;
import dev.knot.ports.out.PasswordHasher;
import org.junit.jupiter.api.Test;

class CryptoModuleTest {
    @Test
    void bindsOneArgon2idHasherWithTheGivenCost() {
        Injector injector = Guice.createInjector(Stage.PRODUCTION, binder -> binder.requireExplicitBindings(),
                new CryptoModule(PasswordHashingConfig.defaults()));
        PasswordHasher hasher = injector.getInstance(PasswordHasher.class);

        PasswordHash hash = hasher.hash("correct horse");

        assertThat(injector.getInstance(PasswordHasher.class)).isSameAs(hasher);
        assertThat(hash.encoded()).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
        assertThat(hasher.verify("correct horse", hash)).isTrue();
        assertThat(hasher.needsRehash(hash)).isFalse();
    }
}
