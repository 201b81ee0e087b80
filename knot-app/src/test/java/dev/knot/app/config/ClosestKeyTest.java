package dev.knot.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClosestKeyTest {
    @Test
    void findsTyposButNotOtherWords() {
        List<String> known = List.of("listen", "url", "encrypt", "enable_proxy");

        assertThat(ClosestKey.among("lsiten", known)).contains("listen");
        assertThat(ClosestKey.among("ulr", known)).contains("url");
        assertThat(ClosestKey.among("encrpyt", known)).contains("encrypt");
        assertThat(ClosestKey.among("database_password", known)).isEmpty();
    }
}
