package dev.knot.adapter.http;

import static java.util.Objects.requireNonNull;

import dev.knot.ports.model.ErrorCode;
import dev.knot.ports.model.KnotException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.DERGeneralizedTime;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERUTCTime;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x509.Time;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The certificate the original makes at start when HTTPS has no certificate files ({@code util/certifiicate.go}): the
 * same subject ({@code CN=<first DNS name>, O=getknot.dev, C=AU}), names, validity ({@code now-10s} to
 * {@code now+365d}) and key usages. Two things differ on purpose: the key is ECDSA P-256 rather than RSA-2048 (as
 * strong, made in about a millisecond where an RSA key takes tens to hundreds of milliseconds of start-up, and
 * accepted by every TLS client in use), and the serial number is random rather than 1, because Firefox refuses a
 * second certificate with the issuer and serial of one it has seen, which every restart of the original produces.
 */
final class SelfSignedCertificate {
    static final Duration BACKDATE = Duration.ofSeconds(10);
    static final Duration VALIDITY = Duration.ofDays(365);

    private static final SecureRandom RANDOM = new SecureRandom();
    /** RFC 5280 4.1.2.5: UTCTime for dates through 2049, GeneralizedTime from 2050. */
    private static final Instant GENERALIZED_TIME_FROM = Instant.parse("2050-01-01T00:00:00Z");
    private static final DateTimeFormatter UTC_TIME =
            DateTimeFormatter.ofPattern("yyMMddHHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter GENERALIZED_TIME =
            DateTimeFormatter.ofPattern("yyyyMMddHHmmss'Z'").withZone(ZoneOffset.UTC);

    private SelfSignedCertificate() {}

    /** A new key and a certificate for it, valid from {@code now} minus {@link #BACKDATE}. */
    static ServerCredentials generate(HttpTlsConfig.SelfSigned names, Instant now) {
        requireNonNull(names, "names is null");
        requireNonNull(now, "now is null");
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
            KeyPair keys = generator.generateKeyPair();
            X500Name subject = new X500NameBuilder(BCStyle.INSTANCE)
                    .addRDN(BCStyle.C, "AU")
                    .addRDN(BCStyle.O, "getknot.dev")
                    .addRDN(BCStyle.CN, names.dnsNames().get(0))
                    .build();
            X509v3CertificateBuilder certificate = new X509v3CertificateBuilder(
                    subject,
                    // Positive and at most 20 octets, as RFC 5280 asks.
                    new BigInteger(127, RANDOM).add(BigInteger.ONE),
                    time(now.minus(BACKDATE)),
                    time(now.plus(VALIDITY)),
                    subject,
                    SubjectPublicKeyInfo.getInstance(keys.getPublic().getEncoded()))
                    // An ECDSA key signs; it has nothing to encipher, so KeyEncipherment (RSA only) is left out.
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
                    .addExtension(Extension.extendedKeyUsage, false,
                            new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth))
                    .addExtension(Extension.subjectAlternativeName, false, alternativeNames(names));
            return new ServerCredentials(
                    keys.getPrivate(),
                    List.of(new JcaX509CertificateConverter().getCertificate(
                            certificate.build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())))));
        } catch (GeneralSecurityException | OperatorCreationException | CertIOException unavailable) {
            // Every Java 17 ships EC P-256 and SHA256withECDSA; failing here means a broken JDK.
            throw new KnotException(ErrorCode.INTERNAL, "cannot make a self-signed certificate", unavailable);
        }
    }

    private static GeneralNames alternativeNames(HttpTlsConfig.SelfSigned names) {
        List<GeneralName> alternatives = new ArrayList<>();
        for (String dnsName : names.dnsNames()) {
            alternatives.add(new GeneralName(GeneralName.dNSName, dnsName));
        }
        for (InetAddress address : names.ipAddresses()) {
            alternatives.add(new GeneralName(GeneralName.iPAddress, new DEROctetString(address.getAddress())));
        }
        return new GeneralNames(alternatives.toArray(new GeneralName[0]));
    }

    private static Time time(Instant instant) {
        ASN1Primitive encoded = instant.isBefore(GENERALIZED_TIME_FROM)
                ? new DERUTCTime(UTC_TIME.format(instant))
                : new DERGeneralizedTime(GENERALIZED_TIME.format(instant));
        return new Time(encoded);
    }
}
