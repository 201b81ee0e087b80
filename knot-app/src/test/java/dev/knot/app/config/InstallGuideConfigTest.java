package dev.knot.app.config;

import static dev.knot.app.config.TestEnvironments.loader;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.knot.app.InstallGuide;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The install guide's config files must load unchanged, apart from the key the guide tells users to generate. */
class InstallGuideConfigTest {
    private static final String KEY = "Gnat9SAejFszCla9n1FjCIXQb3py5i0w";

    static Stream<String> installGuideFiles() {
        InstallGuide guide = InstallGuide.read();
        List<String> files = new ArrayList<>(guide.knotYmlFiles());
        files.add(guide.nomadTemplateYaml());
        return files.stream();
    }

    @Test
    void theGuideHasFourKnotYmlFilesAndANomadTemplate() {
        assertThat(InstallGuide.read().knotYmlFiles()).hasSize(4);
        assertThat(installGuideFiles()).allSatisfy(yaml -> assertThat(yaml).contains(InstallGuide.ENCRYPT_PLACEHOLDER_LINE));
    }

    @ParameterizedTest
    @MethodSource("installGuideFiles")
    void thePlaceholderKeyIsTheOnlyProblemAndSaysToRunGenkey(String yaml) {
        InvalidConfigException invalid = catchThrowableOfType(InvalidConfigException.class, () -> loader().fromYaml(yaml));

        assertThat(invalid.problems())
                .containsExactly(new ConfigProblem("server.encrypt", ConfigAssembler.ENCRYPT_PLACEHOLDER_MESSAGE));
        assertThat(invalid.getMessage()).contains("run `knot genkey`");
    }

    @ParameterizedTest
    @MethodSource("installGuideFiles")
    void withAGeneratedKeyEachFileLoads(String yaml) {
        KnotConfig config = loader().fromYaml(InstallGuide.withKey(yaml, KEY));

        assertThat(config.server().encrypt().value()).isEqualTo(KEY);
        assertThat(config.server().listen()).isEqualTo(new ListenAddress("0.0.0.0", 3000));
        assertThat(config.server().url()).hasToString("https://knot.example.com");
        assertThat(config.server().wildcardDomain()).contains("*.knot.example.com");
        assertThat(config.server().downloadPath()).contains("/srv");
        assertThat(config.server().nomad().address()).hasToString("http://nomad.service.consul:4646");
        assertThat(config.logLevel()).isEqualTo(LogLevel.INFO);
    }

    @Test
    void eachFileSelectsTheStoreItDescribes() {
        List<String> files = InstallGuide.read().knotYmlFiles();
        StorageConfig mysql = storage(files.get(0));
        StorageConfig mysqlWithCache = storage(files.get(1));
        StorageConfig redis = storage(files.get(2));
        StorageConfig badger = storage(files.get(3));

        assertThat(mysql.type()).isEqualTo(StorageType.MYSQL);
        assertThat(mysql.cacheType()).isEqualTo(StorageType.MYSQL);
        assertThat(mysql.mysql().database()).isEqualTo("knot");
        assertThat(mysqlWithCache.type()).isEqualTo(StorageType.MYSQL);
        assertThat(mysqlWithCache.cacheType()).isEqualTo(StorageType.REDIS);
        assertThat(redis.type()).isEqualTo(StorageType.REDIS);
        assertThat(redis.redis().hosts()).containsExactly("srv+redis.service.consul");
        assertThat(badger.type()).isEqualTo(StorageType.EMBEDDED);
        assertThat(badger.embedded()).isEqualTo(new EmbeddedStore(Path.of("/data"), EmbeddedStore.Origin.BADGERDB_ALIAS));
    }

    private static StorageConfig storage(String yaml) {
        return loader().fromYaml(InstallGuide.withKey(yaml, KEY)).server().storage();
    }
}
