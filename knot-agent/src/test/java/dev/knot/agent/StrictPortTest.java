package dev.knot.agent;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StrictPortTest {
    @Test
    void acceptsPlainDecimalPorts() {
        assertThat(StrictPort.parse("1")).hasValue(1);
        assertThat(StrictPort.parse("80")).hasValue(80);
        assertThat(StrictPort.parse("65535")).hasValue(65535);
    }

    @Test
    void refusesEverythingElse() {
        for (String text : new String[] {
                null, "", "0", "00", "080", "+80", "-80", " 80", "80 ", "0x50", "0X50", "8080@x", "80/", "80.0",
                "65536", "99999", "100000", "1e3", "٨٠", "８０", "2147483648",
        }) {
            assertThat(StrictPort.parse(text)).as("\"%s\"", text).isEmpty();
        }
    }
}
