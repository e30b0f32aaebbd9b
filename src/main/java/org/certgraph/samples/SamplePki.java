package org.certgraph.samples;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Provider;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import javax.security.auth.x500.X500Principal;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERBMPString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.certgraph.cert.CertificateFacts;
import org.certgraph.cert.CertificateParser;

/**
 * Makes the real certificates of the sample estate: RSA 2048 keys, real signatures (SHA-1 or
 * SHA-256 with RSA), the extensions a Microsoft CA puts in (key ids, basic constraints, key
 * usage, extended key usage, subject alternative names, and the template the certificate came
 * from). Names are written as Windows shows them, most specific part first
 * ({@code CN=Contoso Root CA, O=Contoso, C=US}), and encoded the usual way round (C first).
 * Private keys stay in memory and are never written anywhere.
 */
public final class SamplePki {

    /** The signature algorithm of the old PKI. */
    public static final String SHA1_RSA = "SHA1withRSA";
    /** The signature algorithm of the new PKI. */
    public static final String SHA256_RSA = "SHA256withRSA";

    private static final int KEY_BITS = 2048;
    /** Certificate template information: template OID, major and minor version. */
    private static final ASN1ObjectIdentifier TEMPLATE_INFO =
            new ASN1ObjectIdentifier("1.3.6.1.4.1.311.21.7");
    /** Certificate template name, used by version 1 templates such as WebServer. */
    private static final ASN1ObjectIdentifier TEMPLATE_NAME =
            new ASN1ObjectIdentifier("1.3.6.1.4.1.311.20.2");

    /**
     * The template a certificate came from, as the CA records it in the certificate.
     *
     * @param name the template's short name, e.g. LyncServer
     * @param oid the template's OID; null for a version 1 template, which is named instead
     */
    public record Template(String name, String oid) {
    }

    /**
     * A certificate with its key pair.
     *
     * @param subject the subject as Windows shows it, e.g. {@code CN=fe01.contoso.com}
     * @param issuer the issuer as Windows shows it
     * @param keys the key pair; the private key signs what this certificate issues
     * @param facts the certificate as certgraph reads it, with its DER bytes
     */
    public record Issued(String subject, String issuer, KeyPair keys, CertificateFacts facts) {

        /** The DER bytes. */
        public byte[] der() {
            return facts.der();
        }

        /** The SHA-1 thumbprint, upper-case hex. */
        public String sha1() {
            return facts.sha1();
        }
    }

    private final Provider provider = new BouncyCastleProvider();
    private final SecureRandom random = new SecureRandom();
    private final KeyPairGenerator generator;
    private final JcaX509ExtensionUtils extensions;

    public SamplePki() {
        try {
            generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(KEY_BITS, random);
            extensions = new JcaX509ExtensionUtils();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this Java runtime cannot make RSA keys or SHA-1"
                    + " key ids: " + e.getMessage(), e);
        }
    }

    /** A self-signed root CA. */
    public Issued root(String subject, String algorithm, Instant from, Instant to) {
        KeyPair keys = generator.generateKeyPair();
        X509v3CertificateBuilder builder = builder(subject, subject, keys.getPublic(), from, to);
        addCaExtensions(builder, keys.getPublic(), null);
        return sign(builder, subject, subject, keys, keys, algorithm);
    }

    /** An issuing CA certified by {@code issuer}. */
    public Issued subordinate(String subject, Issued issuer, String algorithm, Instant from,
                              Instant to) {
        KeyPair keys = generator.generateKeyPair();
        X509v3CertificateBuilder builder = builder(subject, issuer.subject(), keys.getPublic(),
                from, to);
        addCaExtensions(builder, keys.getPublic(), issuer.keys().getPublic());
        return sign(builder, subject, issuer.subject(), keys, issuer.keys(), algorithm);
    }

    /**
     * An end-entity certificate for TLS.
     *
     * @param dnsNames the subject alternative names, in order
     * @param clientAuth whether client authentication is allowed besides server authentication
     */
    public Issued leaf(String subject, List<String> dnsNames, Template template,
                       boolean clientAuth, Issued issuer, String algorithm, Instant from,
                       Instant to) {
        KeyPair keys = generator.generateKeyPair();
        X509v3CertificateBuilder builder = builder(subject, issuer.subject(), keys.getPublic(),
                from, to);
        try {
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.keyUsage, true,
                    new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
            builder.addExtension(Extension.extendedKeyUsage, false, clientAuth
                    ? new ExtendedKeyUsage(new KeyPurposeId[] {KeyPurposeId.id_kp_serverAuth,
                            KeyPurposeId.id_kp_clientAuth})
                    : new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
            if (!dnsNames.isEmpty()) {
                GeneralName[] names = dnsNames.stream()
                        .map(n -> new GeneralName(GeneralName.dNSName, n))
                        .toArray(GeneralName[]::new);
                builder.addExtension(Extension.subjectAlternativeName, false,
                        new GeneralNames(names));
            }
            builder.addExtension(Extension.subjectKeyIdentifier, false,
                    extensions.createSubjectKeyIdentifier(keys.getPublic()));
            builder.addExtension(Extension.authorityKeyIdentifier, false,
                    extensions.createAuthorityKeyIdentifier(issuer.keys().getPublic()));
            if (template != null) {
                builder.addExtension(template.oid() == null ? TEMPLATE_NAME : TEMPLATE_INFO,
                        false, templateValue(template));
            }
        } catch (CertIOException e) {
            throw new UncheckedIOException(e);
        }
        return sign(builder, subject, issuer.subject(), keys, issuer.keys(), algorithm);
    }

    private static ASN1Encodable templateValue(Template template) {
        if (template.oid() == null) {
            return new DERBMPString(template.name());
        }
        return new DERSequence(new ASN1Encodable[] {
            new ASN1ObjectIdentifier(template.oid()), new ASN1Integer(100), new ASN1Integer(2)});
    }

    private X509v3CertificateBuilder builder(String subject, String issuer, PublicKey key,
                                             Instant from, Instant to) {
        return new JcaX509v3CertificateBuilder(name(issuer), serial(), Date.from(from),
                Date.from(to), name(subject), key);
    }

    private void addCaExtensions(X509v3CertificateBuilder builder, PublicKey key,
                                 PublicKey issuerKey) {
        try {
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(
                    KeyUsage.digitalSignature | KeyUsage.keyCertSign | KeyUsage.cRLSign));
            builder.addExtension(Extension.subjectKeyIdentifier, false,
                    extensions.createSubjectKeyIdentifier(key));
            if (issuerKey != null) {
                builder.addExtension(Extension.authorityKeyIdentifier, false,
                        extensions.createAuthorityKeyIdentifier(issuerKey));
            }
        } catch (CertIOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Issued sign(X509v3CertificateBuilder builder, String subject, String issuer,
                        KeyPair keys, KeyPair signer, String algorithm) {
        try {
            ContentSigner contentSigner = new JcaContentSignerBuilder(algorithm)
                    .setProvider(provider).build(signer.getPrivate());
            byte[] der = builder.build(contentSigner).getEncoded();
            return new Issued(subject, issuer, keys, CertificateParser.parse(der));
        } catch (OperatorCreationException e) {
            throw new IllegalStateException("cannot sign with " + algorithm + ": "
                    + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A name written most specific part first, encoded with its last part first. */
    private static X500Name name(String windowsName) {
        return X500Name.getInstance(new X500Principal(windowsName).getEncoded());
    }

    /** Ten bytes, positive, never starting with a zero byte, as a Microsoft CA's serials. */
    private BigInteger serial() {
        byte[] bytes = new byte[10];
        random.nextBytes(bytes);
        bytes[0] = (byte) (0x10 | (bytes[0] & 0x6F));
        return new BigInteger(1, bytes);
    }
}
