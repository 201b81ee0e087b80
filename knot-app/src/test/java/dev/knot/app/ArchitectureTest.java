package dev.knot.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_THROW_GENERIC_EXCEPTIONS;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_USE_FIELD_INJECTION;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING;
import static com.tngtech.archunit.library.GeneralCodingRules.OLD_DATE_AND_TIME_CLASSES_SHOULD_NOT_BE_USED;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The architecture, as a test (conventions.md §12): the hexagon of architecture.md, technology confined to its
 * adapter, and the coding rules every module keeps. The Maven graph blocks most of this at compile time; these
 * rules also catch transitive leaks.
 */
@AnalyzeClasses(packages = "dev.knot", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    // Whitelist layering: every class must be in a layer, and knot-app is a layer too.
    @ArchTest
    static final ArchRule hexagon = layeredArchitecture()
            .consideringOnlyDependenciesInAnyPackage("dev.knot..")
            .layer("Ports").definedBy("dev.knot.ports..")
            .layer("Domain").definedBy("dev.knot.domain..")
            .layer("Http").definedBy("dev.knot.adapter.http..")
            .layer("Embedded").definedBy("dev.knot.adapter.embedded..")
            .layer("Mysql").definedBy("dev.knot.adapter.mysql..")
            .layer("Redis").definedBy("dev.knot.adapter.redis..")
            .layer("Nomad").definedBy("dev.knot.adapter.nomad..")
            .layer("Crypto").definedBy("dev.knot.adapter.crypto..")
            .layer("Agent").definedBy("dev.knot.agent..")
            .layer("Client").definedBy("dev.knot.client..")
            .layer("App").definedBy("dev.knot.app..")
            .whereLayer("App").mayNotBeAccessedByAnyLayer()
            .whereLayer("Domain").mayOnlyBeAccessedByLayers("App")
            .whereLayer("Http").mayOnlyBeAccessedByLayers("App")
            .whereLayer("Embedded").mayOnlyBeAccessedByLayers("App")
            .whereLayer("Mysql").mayOnlyBeAccessedByLayers("App")
            .whereLayer("Redis").mayOnlyBeAccessedByLayers("App")
            .whereLayer("Nomad").mayOnlyBeAccessedByLayers("App")
            .whereLayer("Crypto").mayOnlyBeAccessedByLayers("App")
            .whereLayer("Agent").mayOnlyBeAccessedByLayers("App")
            .whereLayer("Client").mayOnlyBeAccessedByLayers("App")
            .ensureAllClassesAreContainedInArchitectureIgnoring("dev.knot.testkit..")
            .because("adapters see only ports; only knot-app wires implementations (architecture.md)");

    @ArchTest
    static final ArchRule core_is_plain_java = classes()
            .that().resideInAnyPackage("dev.knot.ports..", "dev.knot.domain..")
            .should().onlyDependOnClassesThat()
            .resideInAnyPackage("java..", "javax.crypto..", "dev.knot.ports..", "dev.knot.domain..")
            .because("knot-domain and knot-ports are a plain-Java library: no Guice, Jackson, JDBC or SDK types");

    @ArchTest
    static final ArchRule client_uses_only_the_jdk_jackson_and_slf4j = classes()
            .that().resideInAPackage("dev.knot.client..")
            .should().onlyDependOnClassesThat()
            .resideInAnyPackage("java..", "javax..", "com.fasterxml.jackson..", "org.slf4j..", "dev.knot.client..")
            .because("knot-client talks to a server over HTTP only: none of the server's domain, ports or adapters");

    @ArchTest
    static final ArchRule core_does_no_io = noClasses()
            .that().resideInAnyPackage("dev.knot.ports..", "dev.knot.domain..")
            .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "java.net.http..", "java.nio.file..")
            .because("I/O happens behind driven ports");

    @ArchTest
    static final ArchRule driving_and_driven_ports_are_independent = noClasses()
            .that().resideInAPackage("dev.knot.ports.in..")
            .should().dependOnClassesThat().resideInAPackage("dev.knot.ports.out..")
            .because("incoming and outgoing ports do not depend on each other (buckpal)");

    @ArchTest
    static final ArchRule http_uses_driving_ports_only = noClasses()
            .that().resideInAPackage("dev.knot.adapter.http..")
            .and().resideOutsideOfPackage("dev.knot.adapter.http.outbound..")
            .should().dependOnClassesThat().resideInAPackage("dev.knot.ports.out..")
            .because("the HTTP listener drives the domain and never reaches past it into stores; only its outbound"
                    + " package implements a driven port (the client that calls agents)");

    @ArchTest
    static final ArchRule chronicle_stays_in_embedded_adapter = technologyConfinedTo("net.openhft..",
            "dev.knot.adapter.embedded..");

    @ArchTest
    static final ArchRule hikari_stays_in_mysql_adapter = technologyConfinedTo("com.zaxxer..",
            "dev.knot.adapter.mysql..");

    @ArchTest
    static final ArchRule jdbc_driver_stays_in_mysql_adapter = technologyConfinedTo("com.mysql..",
            "dev.knot.adapter.mysql..");

    @ArchTest
    static final ArchRule jdbc_stays_in_mysql_adapter = technologyConfinedTo("java.sql..", "dev.knot.adapter.mysql..");

    @ArchTest
    static final ArchRule redisson_stays_in_redis_adapter = technologyConfinedTo("org.redisson..",
            "dev.knot.adapter.redis..");

    @ArchTest
    static final ArchRule netty_stays_in_redis_adapter = technologyConfinedTo("io.netty..", "dev.knot.adapter.redis..");

    @ArchTest
    static final ArchRule nomad_sdk_stays_in_nomad_adapter = technologyConfinedTo("com.hashicorp..",
            "dev.knot.adapter.nomad..");

    @ArchTest
    static final ArchRule apache_httpclient_stays_in_nomad_adapter = technologyConfinedTo("org.apache.http..",
            "dev.knot.adapter.nomad..");

    @ArchTest
    static final ArchRule undertow_stays_in_http_adapter_and_agent = technologyConfinedTo("io.undertow..",
            "dev.knot.adapter.http..", "dev.knot.agent..");

    @ArchTest
    static final ArchRule xnio_stays_in_http_adapter_and_agent = technologyConfinedTo("org.xnio..",
            "dev.knot.adapter.http..", "dev.knot.agent..");

    @ArchTest
    static final ArchRule pty4j_stays_in_agent = technologyConfinedTo("com.pty4j..", "dev.knot.agent..");

    @ArchTest
    static final ArchRule bouncy_castle_stays_in_crypto_and_http_adapters = technologyConfinedTo("org.bouncycastle..",
            "dev.knot.adapter.crypto..", "dev.knot.adapter.http..");

    @ArchTest
    static final ArchRule picocli_stays_in_app = technologyConfinedTo("picocli..", "dev.knot.app..");

    @ArchTest
    static final ArchRule logback_stays_in_app = technologyConfinedTo("ch.qos.logback..", "dev.knot.app..");

    @ArchTest
    static final ArchRule jackson_stays_in_adapters_and_app = noClasses()
            .that().resideInAnyPackage("dev.knot.ports..", "dev.knot.domain..")
            .should().dependOnClassesThat().resideInAPackage("com.fasterxml.jackson..")
            .because("JSON shapes belong to the adapters that speak them");

    @ArchTest
    static final ArchRule guice_stays_out_of_the_core = noClasses()
            .that().resideInAnyPackage("dev.knot.ports..", "dev.knot.domain..")
            .should().dependOnClassesThat().resideInAnyPackage("com.google.inject..", "jakarta.inject..")
            .because("domain services are plain constructors, built by knot-app (usable as a library)");

    @ArchTest
    static final ArchRule adapters_expose_only_module_and_config = classes()
            .that().resideInAPackage("dev.knot.adapter..").and().arePublic().and().areTopLevelClasses()
            .should().haveSimpleNameEndingWith("Module")
            .orShould().haveSimpleNameEndingWith("Config")
            .because("adapter internals stay package-private (buckpal, ddd-by-examples)");

    @ArchTest
    static final ArchRule domain_features_are_acyclic =
            slices().matching("dev.knot.domain.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule only_main_exits = noClasses()
            .that().doNotHaveFullyQualifiedName("dev.knot.app.Main")
            .should().callMethod(System.class, "exit", int.class)
            .orShould().callMethod(Runtime.class, "halt", int.class)
            .because("only main decides the process's exit code; everything else reports errors");

    // The CLI's output is its product (genkey, scaffold, version): it writes through picocli's writers, so no
    // class, the CLI included, touches System.out or System.err directly.
    @ArchTest
    static final ArchRule no_std_streams = NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS;

    @ArchTest
    static final ArchRule no_generic_exceptions = NO_CLASSES_SHOULD_THROW_GENERIC_EXCEPTIONS;

    @ArchTest
    static final ArchRule no_java_util_logging = NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING;

    @ArchTest
    static final ArchRule no_field_injection = NO_CLASSES_SHOULD_USE_FIELD_INJECTION;

    @ArchTest
    static final ArchRule no_legacy_dates = OLD_DATE_AND_TIME_CLASSES_SHOULD_NOT_BE_USED;

    @ArchTest
    static void every_layer_has_classes(JavaClasses classes) {
        // Guards the rules above against passing vacuously because a package was renamed.
        for (String layer : new String[] {
            "dev.knot.ports", "dev.knot.domain", "dev.knot.adapter.http", "dev.knot.adapter.embedded",
            "dev.knot.adapter.crypto", "dev.knot.agent", "dev.knot.client", "dev.knot.app"
        }) {
            if (!classes.containPackage(layer)) {
                throw new AssertionError("no classes in " + layer + ": the architecture rules would pass vacuously");
            }
        }
    }

    private static ArchRule technologyConfinedTo(String technology, String... adapters) {
        return noClasses()
                .that().resideOutsideOfPackages(adapters)
                .should().dependOnClassesThat().resideInAPackage(technology)
                .because("technology types never cross a port (conventions.md §3)");
    }
}
