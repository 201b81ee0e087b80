package dev.knot.ports.in;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class WebPortHostTest {
    private static final String WILDCARD = "*.knot.example.com";

    @Test
    void aWebPortHostGivesItsParts() {
        WebPortHost host = WebPortHost.parse("alice--web--8080.knot.example.com", WILDCARD).orElseThrow();

        assertThat(host).isEqualTo(
                new WebPortHost("alice--web--8080.knot.example.com", "alice", "web", WebPortHost.Kind.PORT, 8080));
    }

    @Test
    void aVncHostHasNoPort() {
        WebPortHost host = WebPortHost.parse("alice--web--vnc.knot.example.com", WILDCARD).orElseThrow();

        assertThat(host.kind()).isEqualTo(WebPortHost.Kind.VNC);
        assertThat(host.port()).isZero();
        assertThat(host.spaceName()).isEqualTo("web");
    }

    @ParameterizedTest
    @ValueSource(strings = {"alice--web--code.knot.example.com", "alice--web--Code.knot.example.com",
        "Alice--Web--CODE.Knot.Example.Com:443"})
    void aCodeServerHostIsNamedCodeInAnyCase(String name) {
        WebPortHost host = WebPortHost.parse(name, WILDCARD).orElseThrow();

        assertThat(host).isEqualTo(new WebPortHost("alice--web--code.knot.example.com", "alice", "web",
                WebPortHost.Kind.CODE_SERVER, 0));
    }

    @Test
    void theCodeServerHostOfASpaceIsBuiltFromItsOwnersUsernameAndItsName() {
        assertThat(WebPortHost.codeServer("Alice", "Web", WILDCARD)).isEqualTo(new WebPortHost(
                "alice--web--code.knot.example.com", "alice", "web", WebPortHost.Kind.CODE_SERVER, 0));
        assertThatThrownBy(() -> WebPortHost.codeServer("alice", "my--web", WILDCARD))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> WebPortHost.codeServer("alice", "web", "knot.example.com"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void onlyAWebPortHasAPort() {
        assertThatThrownBy(() -> new WebPortHost("a", "alice", "web", WebPortHost.Kind.PORT, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WebPortHost("a", "alice", "web", WebPortHost.Kind.CODE_SERVER, 8080))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"alice--web--8080.knot.example.com:443", "alice--web--8080.knot.example.com:3000",
        "ALICE--Web--8080.KNOT.example.COM", "Alice--WEB--8080.Knot.Example.Com:443"})
    void aServerPortAndUpperCaseAreAcceptedAndTheHostIsKeptLowerCaseWithoutThePort(String name) {
        WebPortHost host = WebPortHost.parse(name, WILDCARD).orElseThrow();

        assertThat(host).isEqualTo(
                new WebPortHost("alice--web--8080.knot.example.com", "alice", "web", WebPortHost.Kind.PORT, 8080));
    }

    @Test
    void theWildcardDomainIsCaseInsensitiveToo() {
        assertThat(WebPortHost.parse("alice--web--8080.knot.example.com", "*.KNOT.Example.com")).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ab--cd--1", "ab--cd--65535", "ab--cd--80", "a1-b--c-2--443", "ab--cd--VNC"})
    void edgeValuesAreAccepted(String label) {
        assertThat(WebPortHost.parse(label + ".knot.example.com", WILDCARD)).isPresent();
    }

    @Test
    void namesOfUpTo64CharactersAreAccepted() {
        String longest = "a" + "b".repeat(63);

        assertThat(WebPortHost.parse(longest + "--" + longest + "--80.knot.example.com", WILDCARD)).isPresent();
        assertThat(WebPortHost.parse(longest + "b--web--80.knot.example.com", WILDCARD)).isEmpty();
        assertThat(WebPortHost.parse("alice--" + longest + "b--80.knot.example.com", WILDCARD)).isEmpty();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
        // not under the wildcard domain, or under a look-alike of it
        "alice--web--8080.other.example.com", "alice--web--8080.knot.example.com.evil.tld",
        "alice--web--8080.evilknot.example.com", "alice--web--8080knot.example.com",
        "alice--web--8080.knot.example.com.", "alice--web--8080.knot.example.org",
        // the wildcard domain itself
        "knot.example.com", ".knot.example.com", "*.knot.example.com", "knot.example.com:443",
        // more than one label
        "x.alice--web--8080.knot.example.com", "alice--web--8080.x.knot.example.com",
        // two or four parts, empty parts
        "alice--web.knot.example.com", "alice--web--8080--x.knot.example.com", "alice.knot.example.com",
        "--web--8080.knot.example.com", "alice----8080.knot.example.com", "alice--web--.knot.example.com",
        "alice---web--8080.knot.example.com",
        // ports that are not plain decimal 1..65535
        "alice--web--0.knot.example.com", "alice--web--65536.knot.example.com", "alice--web--080.knot.example.com",
        "alice--web--+80.knot.example.com", "alice--web---80.knot.example.com", "alice--web--0x50.knot.example.com",
        "alice--web--80@x.knot.example.com", "alice--web--8080@127.0.0.2.knot.example.com",
        "alice--web--99999999999.knot.example.com", "alice--web--vnc2.knot.example.com",
        // other services than vnc and code, or more than code
        "alice--web--code-server.knot.example.com", "alice--web--codex.knot.example.com",
        "alice--web--code--server.knot.example.com", "alice--web--xcode.knot.example.com",
        // names that start with a digit or a hyphen, or hold other characters
        "1alice--web--8080.knot.example.com", "alice--1web--8080.knot.example.com",
        "-alice--web--8080.knot.example.com", "alice---web--8080.knot.example.com", "a--web--8080.knot.example.com",
        "alice--w--8080.knot.example.com", "al_ice--web--8080.knot.example.com",
        "user@alice--web--8080.knot.example.com", "al ice--web--8080.knot.example.com",
        "\u0430lice--web--8080.knot.example.com", "alice--web--8080.\u212Anot.example.com",
        // a malformed server port
        "alice--web--8080.knot.example.com:", "alice--web--8080.knot.example.com:0",
        "alice--web--8080.knot.example.com:65536", "alice--web--8080.knot.example.com:080",
        "alice--web--8080.knot.example.com:x", "alice--web--8080.knot.example.com:443:443",
        "alice--web--8080.knot.example.com :443", " alice--web--8080.knot.example.com",
        "alice--web--8080.knot.example.com\r", "[::1]:443"})
    void everythingElseIsRefused(String name) {
        assertThat(WebPortHost.parse(name, WILDCARD)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"knot.example.com", "", "*", "*.", ".knot.example.com", "x.knot.example.com"})
    void aWildcardDomainWithoutAWildcardMatchesNothing(String wildcard) {
        assertThat(WebPortHost.parse("alice--web--8080.knot.example.com", wildcard)).isEmpty();
    }
}
