package dev.knot.adapter.http;

import static java.lang.String.format;
import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.US_ASCII;

import dev.knot.ports.model.ErrorCode;
import dev.knot.ports.model.KnotException;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMException;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;

/**
 * Reads the operator's PEM certificate chain and private key, as Go's {@code tls.LoadX509KeyPair} does: every
 * {@code CERTIFICATE} block of the chain file in order, the first private key block of the key file, other blocks
 * skipped, and the key must belong to the first certificate. Every failure names the file and never quotes it: a
 * key file's text is a secret.
 */
final class PemCredentials {
    private static final String CERTIFICATE_FILE = "TLS certificate file";
    private static final String KEY_FILE = "TLS key file";

    private PemCredentials() {}

    /** @throws KnotException INVALID_ARGUMENT when a file cannot be read or used, naming it */
    static ServerCredentials read(Path certificateChainFile, Path privateKeyFile) {
        List<X509Certificate> chain = certificates(certificateChainFile);
        PrivateKey key = privateKey(privateKeyFile);
        requireKeyOfCertificate(key, chain.get(0), certificateChainFile, privateKeyFile);
        return new ServerCredentials(key, chain);
    }

    private static List<X509Certificate> certificates(Path file) {
        JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
        List<X509Certificate> chain = new ArrayList<>();
        for (Object block : pemBlocks(file, CERTIFICATE_FILE)) {
            if (block instanceof X509CertificateHolder holder) {
                try {
                    chain.add(converter.getCertificate(holder));
                } catch (CertificateException notX509) {
                    throw unusable(CERTIFICATE_FILE, file, "a CERTIFICATE block is not an X.509 certificate");
                }
            }
        }
        if (chain.isEmpty()) {
            throw unusable(CERTIFICATE_FILE, file, "it holds no PEM CERTIFICATE block");
        }
        return chain;
    }

    private static PrivateKey privateKey(Path file) {
        JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
        for (Object block : pemBlocks(file, KEY_FILE)) {
            if (block instanceof PEMEncryptedKeyPair || block instanceof PKCS8EncryptedPrivateKeyInfo) {
                throw unusable(KEY_FILE, file, "the key is encrypted; knot needs it unencrypted (for example "
                        + "`openssl pkey -in encrypted.pem -out key.pem`, kept readable only by knot)");
            }
            try {
                if (block instanceof PrivateKeyInfo pkcs8) {
                    return converter.getPrivateKey(pkcs8);
                }
                if (block instanceof PEMKeyPair pkcs1OrSec1) {
                    // Only the private half: a SEC1 key may leave its public key out.
                    return converter.getPrivateKey(pkcs1OrSec1.getPrivateKeyInfo());
                }
            } catch (PEMException unsupported) {
                throw unusable(KEY_FILE, file, "its private key is of a kind this Java cannot use");
            }
        }
        throw unusable(KEY_FILE, file,
                "it holds no PEM private key block (PRIVATE KEY, RSA PRIVATE KEY or EC PRIVATE KEY)");
    }

    /** Signs with the key and verifies with the certificate: works alike for RSA, EC and EdDSA keys. */
    private static void requireKeyOfCertificate(
            PrivateKey key, X509Certificate certificate, Path certificateFile, Path keyFile) {
        byte[] probe = "knot checks that the key belongs to the certificate".getBytes(US_ASCII);
        boolean matches;
        try {
            Signature signer = Signature.getInstance(signatureAlgorithm(key));
            signer.initSign(key);
            signer.update(probe);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(signatureAlgorithm(key));
            verifier.initVerify(certificate.getPublicKey());
            verifier.update(probe);
            matches = verifier.verify(signature);
        } catch (GeneralSecurityException differentKind) {
            matches = false;
        }
        if (!matches) {
            throw new KnotException(ErrorCode.INVALID_ARGUMENT, format(
                    "the private key in the TLS key file %s does not belong to the first certificate in the TLS "
                            + "certificate file %s", keyFile, certificateFile));
        }
    }

    private static String signatureAlgorithm(PrivateKey key) {
        return switch (key.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            case "DSA" -> "SHA256withDSA";
            // EdDSA keys (Ed25519, Ed448) name their own signature algorithm.
            default -> key.getAlgorithm();
        };
    }

    private static List<Object> pemBlocks(Path file, String role) {
        List<Object> blocks = new ArrayList<>();
        // ISO-8859-1 decodes any byte, so text around the blocks (comments, `openssl x509 -text` output) never fails.
        try (Reader reader = Files.newBufferedReader(file, ISO_8859_1); PEMParser parser = new PEMParser(reader)) {
            for (Object block = parser.readObject(); block != null; block = parser.readObject()) {
                blocks.add(block);
            }
        } catch (NoSuchFileException missing) {
            throw unreadable(role, file, "no such file", missing);
        } catch (AccessDeniedException denied) {
            throw unreadable(role, file, "permission denied", denied);
        } catch (IOException | RuntimeException malformed) {
            // Bouncy Castle reports bad base64 and bad ASN.1 with assorted exceptions, runtime ones included.
            throw unusable(role, file, "it is not a PEM file knot can read");
        }
        return blocks;
    }

    /** No cause is kept: what a parser says about a key file may be part of the key. */
    private static KnotException unusable(String role, Path file, String reason) {
        return new KnotException(ErrorCode.INVALID_ARGUMENT, format("cannot use the %s %s: %s", role, file, reason));
    }

    private static KnotException unreadable(String role, Path file, String reason, IOException cause) {
        return new KnotException(ErrorCode.INVALID_ARGUMENT, format("cannot use the %s %s: %s", role, file, reason),
                cause);
    }
}
