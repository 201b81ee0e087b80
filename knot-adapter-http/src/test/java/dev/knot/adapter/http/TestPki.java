package dev.knot.adapter.http;

import static java.nio.charset.StandardCharsets.US_ASCII;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.sec.ECPrivateKey;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.PKCS8Generator;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.openssl.jcajce.JcePEMEncryptorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Keys, certificates and the PEM files an operator would hand knot, made fresh for each test. */
final class TestPki {
    private static final AtomicLong SERIALS = new AtomicLong(1);
    /** OpenSSL's key encryption needs Bouncy Castle's provider; only tests make encrypted keys. */
    private static final Provider BOUNCY_CASTLE = new BouncyCastleProvider();

    private TestPki() {}

    static KeyPair rsaKeys() {
        return keys("RSA", 2048);
    }

    static KeyPair ecKeys() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException unavailable) {
            throw new IllegalStateException(unavailable);
        }
    }

    /** A self-signed certificate authority. */
    static Issued authority(String commonName) {
        KeyPair keys = ecKeys();
        X500Name name = new X500Name("CN=" + commonName);
        return new Issued(keys, certificate(name, keys, name, keys.getPrivate(), true));
    }

    /** A server certificate for {@code keys}, signed by {@code issuer}. */
    static X509Certificate serverCertificate(String commonName, KeyPair keys, Issued issuer) {
        return certificate(new X500Name("CN=" + commonName), keys,
                new X500Name(issuer.certificate().getSubjectX500Principal().getName()), issuer.keys().getPrivate(),
                false);
    }

    static Path writeCertificates(Path file, X509Certificate... chain) {
        return write(file, chain);
    }

    /** {@code -----BEGIN PRIVATE KEY-----} */
    static Path writePkcs8(Path file, PrivateKey key) {
        try {
            return write(file, new JcaPKCS8Generator(key, null).generate());
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    /**
     * {@code -----BEGIN RSA PRIVATE KEY-----} (PKCS#1) or {@code -----BEGIN EC PRIVATE KEY-----} (SEC1), as
     * {@code openssl genrsa} and {@code openssl ecparam -genkey} write them: a SEC1 key names its curve inside.
     */
    static Path writeTraditional(Path file, PrivateKey key) {
        if (!key.getAlgorithm().equals("EC")) {
            return write(file, key);
        }
        try {
            PrivateKeyInfo pkcs8 = PrivateKeyInfo.getInstance(key.getEncoded());
            ECPrivateKey withoutCurve = ECPrivateKey.getInstance(pkcs8.parsePrivateKey());
            ECPrivateKey sec1 = new ECPrivateKey(256, withoutCurve.getKey(),
                    pkcs8.getPrivateKeyAlgorithm().getParameters());
            return write(file, new PemObject("EC PRIVATE KEY", sec1.getEncoded()));
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    /** {@code -----BEGIN ENCRYPTED PRIVATE KEY-----} */
    static Path writeEncryptedPkcs8(Path file, PrivateKey key) {
        try {
            return write(file, new JcaPKCS8Generator(key,
                    new JceOpenSSLPKCS8EncryptorBuilder(PKCS8Generator.AES_256_CBC)
                            .setProvider(BOUNCY_CASTLE)
                            .setPassword("a passphrase".toCharArray())
                            .build())
                    .generate());
        } catch (IOException | OperatorCreationException failure) {
            throw new IllegalStateException(failure);
        }
    }

    /** OpenSSL's legacy encryption: {@code Proc-Type: 4,ENCRYPTED} inside {@code RSA PRIVATE KEY}. */
    static Path writeEncryptedTraditional(Path file, PrivateKey key) {
        String pem = pem(writer -> writer.writeObject(key,
                new JcePEMEncryptorBuilder("AES-128-CBC").setProvider(BOUNCY_CASTLE).build("a passphrase".toCharArray())));
        return writeText(file, pem);
    }

    /** The PEM text of the given objects, one after another. */
    static String pem(Object... objects) {
        return pem(writer -> {
            for (Object object : objects) {
                writer.writeObject(object);
            }
        });
    }

    static Path write(Path file, Object... objects) {
        return writeText(file, pem(objects));
    }

    /** The base64 body of a PEM text's first block: what must never show up in a message. */
    static String firstBase64Line(String pem) {
        return pem.lines().filter(line -> !line.startsWith("-----") && !line.contains(":") && !line.isBlank())
                .findFirst()
                .orElseThrow();
    }

    private static Path writeText(Path file, String text) {
        try {
            return Files.writeString(file, text, US_ASCII);
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    private interface PemWriting {
        void writeTo(JcaPEMWriter writer) throws IOException;
    }

    private static String pem(PemWriting writing) {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            writing.writeTo(writer);
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
        return text.toString();
    }

    private static KeyPair keys(String algorithm, int size) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
            generator.initialize(size);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException unavailable) {
            throw new IllegalStateException(unavailable);
        }
    }

    private static X509Certificate certificate(
            X500Name subject, KeyPair keys, X500Name issuer, PrivateKey issuerKey, boolean authority) {
        Instant now = Instant.now();
        try {
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                    issuer,
                    BigInteger.valueOf(SERIALS.getAndIncrement()),
                    Date.from(now.minus(Duration.ofMinutes(1))),
                    Date.from(now.plus(Duration.ofDays(1))),
                    subject,
                    keys.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(authority));
            String algorithm = issuerKey.getAlgorithm().equals("RSA") ? "SHA256withRSA" : "SHA256withECDSA";
            return new JcaX509CertificateConverter()
                    .getCertificate(builder.build(new JcaContentSignerBuilder(algorithm).build(issuerKey)));
        } catch (GeneralSecurityException | IOException | OperatorCreationException failure) {
            throw new IllegalStateException(failure);
        }
    }

    /** A key and the certificate issued for it. */
    record Issued(KeyPair keys, X509Certificate certificate) {}
}
