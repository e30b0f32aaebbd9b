package org.certgraph.testing;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.DERBMPString;
import org.bouncycastle.asn1.DERIA5String;
import org.bouncycastle.asn1.DERPrintableString;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.AttributeTypeAndValue;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v1CertificateBuilder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cms.CMSAbsentContent;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.PKCS12PfxPdu;
import org.bouncycastle.pkcs.PKCS12PfxPduBuilder;
import org.bouncycastle.pkcs.PKCS12SafeBag;
import org.bouncycastle.pkcs.PKCS12SafeBagBuilder;
import org.bouncycastle.pkcs.bc.BcPKCS12MacCalculatorBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS12SafeBagBuilder;
import org.bouncycastle.pkcs.jcajce.JcePKCSPBEOutputEncryptorBuilder;

/**
 * Makes real keys and certificates at test time, and files in every format certgraph reads.
 *
 * <p>Typical use:
 *
 * <pre>{@code
 * TestCert root = TestPki.root("CN=Test Root, O=certgraph").build();
 * TestCert ca = root.intermediate("CN=Test CA, O=certgraph").build();
 * TestCert leaf = ca.leaf("CN=www.example.test").dns("www.example.test").build();
 * TestCert newRoot = root.renewal().build();          // same name, new key
 * TestCert cross = newRoot.crossCertify(root).build(); // old root's key, signed by the new one
 * }</pre>
 *
 * <p>Keys are EC P-256 unless asked otherwise, because they are made in a millisecond; RSA keys
 * come from a small pool made once per test run ({@link #rsaKey(int)}). Certificates are signed
 * with SHA-256 unless {@link CertSpec#hash(String)} says otherwise. All methods are thread-safe.
 */
public final class TestPki {

    /** The key types tests can ask for. */
    public enum KeyType { EC_P256, EC_P384, RSA_2048, RSA_3072, DSA_2048, ED25519 }

    /** How the text of subject and issuer names is encoded. */
    public enum NameEncoding { UTF8_STRING, PRINTABLE_STRING }

    /** The Bouncy Castle provider used to make keys and signatures; not registered globally. */
    public static final Provider BC = new BouncyCastleProvider();

    /** The start of validity for certificates unless a test sets it: one day ago. */
    private static final Duration BACKDATE = Duration.ofDays(1);
    private static final Duration DEFAULT_LIFETIME = Duration.ofDays(365);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final AtomicLong SERIALS = new AtomicLong(0x1000);
    private static final List<KeyPair> RSA_POOL = new CopyOnWriteArrayList<>();

    private TestPki() {
    }

    // ------------------------------------------------------------------------------ keys

    /** A fresh EC P-256 key pair. */
    public static KeyPair ecKey() {
        return newKey(KeyType.EC_P256);
    }

    /**
     * The {@code index}th RSA 2048 key pair of a pool shared by all tests of this run: made on
     * first use and reused afterwards, because RSA key generation is slow. Different indexes give
     * different keys.
     */
    public static KeyPair rsaKey(int index) {
        synchronized (RSA_POOL) {
            while (RSA_POOL.size() <= index) {
                RSA_POOL.add(newKey(KeyType.RSA_2048));
            }
        }
        return RSA_POOL.get(index);
    }

    /** A key pair of the given type; RSA 2048 keys come from a fresh generation, not the pool. */
    public static KeyPair newKey(KeyType type) {
        try {
            KeyPairGenerator generator;
            switch (type) {
                case EC_P256:
                case EC_P384:
                    generator = KeyPairGenerator.getInstance("EC");
                    generator.initialize(new ECGenParameterSpec(
                            type == KeyType.EC_P256 ? "secp256r1" : "secp384r1"), RANDOM);
                    break;
                case RSA_2048:
                case RSA_3072:
                    generator = KeyPairGenerator.getInstance("RSA");
                    generator.initialize(type == KeyType.RSA_2048 ? 2048 : 3072, RANDOM);
                    break;
                case DSA_2048:
                    generator = KeyPairGenerator.getInstance("DSA");
                    generator.initialize(2048, RANDOM);
                    break;
                case ED25519:
                    generator = KeyPairGenerator.getInstance("Ed25519");
                    break;
                default:
                    throw new IllegalArgumentException("unknown key type " + type);
            }
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot make a " + type + " key", e);
        }
    }

    // ------------------------------------------------------------------------------ certificates

    /** A self-signed CA certificate (basicConstraints cA=true, keyCertSign and cRLSign). */
    public static CertSpec root(String subjectDn) {
        return new CertSpec(subjectDn).selfSigned().ca();
    }

    /** A certificate to be configured; self-signed unless {@link CertSpec#issuedBy} is called. */
    public static CertSpec cert(String subjectDn) {
        return new CertSpec(subjectDn).selfSigned();
    }

    /** An X.500 name with each text value encoded as asked (country stays PrintableString). */
    public static X500Name name(String dn, NameEncoding encoding) {
        X500Name parsed = X500Name.getInstance(new X500Principal(dn).getEncoded());
        X500NameBuilder builder = new X500NameBuilder(BCStyle.INSTANCE);
        for (RDN rdn : parsed.getRDNs()) {
            AttributeTypeAndValue[] values = rdn.getTypesAndValues();
            AttributeTypeAndValue[] encoded = new AttributeTypeAndValue[values.length];
            for (int i = 0; i < values.length; i++) {
                ASN1ObjectIdentifier type = values[i].getType();
                String text = ((ASN1String) values[i].getValue()).getString();
                encoded[i] = new AttributeTypeAndValue(type, encodeValue(type, text, encoding));
            }
            builder.addMultiValuedRDN(encoded);
        }
        return builder.build();
    }

    private static ASN1Encodable encodeValue(ASN1ObjectIdentifier type, String text,
            NameEncoding encoding) {
        if (BCStyle.C.equals(type) || BCStyle.SERIALNUMBER.equals(type)) {
            return new DERPrintableString(text);
        }
        if (BCStyle.EmailAddress.equals(type) || BCStyle.DC.equals(type)) {
            return new DERIA5String(text);
        }
        return encoding == NameEncoding.PRINTABLE_STRING
                ? new DERPrintableString(text) : new DERUTF8String(text);
    }

    /** Says what a certificate should hold; {@link #build()} makes it. Not thread-safe. */
    public static final class CertSpec {
        private final String subjectDn;
        private X500Name subjectName;
        private NameEncoding encoding = NameEncoding.UTF8_STRING;
        private KeyPair keyPair;
        private KeyType keyType = KeyType.EC_P256;
        private TestCert issuer;
        private String hash = "SHA256";
        private String signatureAlgorithm;
        private Instant notBefore;
        private Instant notAfter;
        private BigInteger serial;
        private Boolean ca;
        private Integer pathLength;
        private boolean ski = true;
        private boolean aki = true;
        private final List<GeneralName> altNames = new ArrayList<>();
        private final List<KeyPurposeId> ekus = new ArrayList<>();
        private Integer keyUsage;
        private boolean version1;

        private CertSpec(String subjectDn) {
            this.subjectDn = subjectDn;
        }

        /** Signs with this certificate's own key; the issuer name is the subject name. */
        public CertSpec selfSigned() {
            this.issuer = null;
            return this;
        }

        /** Signs with {@code issuer}'s key and copies its subject name, encoding and all. */
        public CertSpec issuedBy(TestCert issuer) {
            this.issuer = issuer;
            return this;
        }

        /** Certifies this existing key pair instead of making a new one. */
        public CertSpec key(KeyPair existing) {
            this.keyPair = existing;
            return this;
        }

        /** Makes a new key of this type (RSA 2048 comes from the shared pool, index 0). */
        public CertSpec keyType(KeyType type) {
            this.keyType = type;
            return this;
        }

        /** Uses the subject name exactly as encoded here (overrides the DN string). */
        public CertSpec subjectName(X500Name name) {
            this.subjectName = name;
            return this;
        }

        /** Encodes the subject's text values as PrintableString or UTF8String (the default). */
        public CertSpec nameEncoding(NameEncoding nameEncoding) {
            this.encoding = nameEncoding;
            return this;
        }

        /** The signature's hash: "SHA1", "SHA224", "SHA256" (default), "SHA384", "SHA512". */
        public CertSpec hash(String hashName) {
            this.hash = hashName;
            return this;
        }

        /**
         * A JCA signature algorithm name used as is, e.g. "SHA256withRSAandMGF1" for
         * RSASSA-PSS; it must suit the issuer's key.
         */
        public CertSpec signatureAlgorithm(String jcaName) {
            this.signatureAlgorithm = jcaName;
            return this;
        }

        /** The validity period. */
        public CertSpec validity(Instant from, Instant to) {
            this.notBefore = from;
            this.notAfter = to;
            return this;
        }

        /** Valid from one day ago for {@code lifetime}. */
        public CertSpec validFor(Duration lifetime) {
            Instant from = Instant.now().minus(BACKDATE).truncatedTo(ChronoUnit.SECONDS);
            return validity(from, from.plus(lifetime));
        }

        /** The serial number (default: unique positive numbers); negative values are allowed. */
        public CertSpec serial(BigInteger value) {
            this.serial = value;
            return this;
        }

        /** A CA certificate without a path length constraint. */
        public CertSpec ca() {
            this.ca = true;
            this.pathLength = null;
            return this;
        }

        /** A CA certificate with a path length constraint. */
        public CertSpec ca(int maxPathLength) {
            this.ca = true;
            this.pathLength = maxPathLength;
            return this;
        }

        /** An end-entity certificate: basicConstraints present with cA=false. */
        public CertSpec endEntity() {
            this.ca = false;
            this.pathLength = null;
            return this;
        }

        /** No basicConstraints extension at all. */
        public CertSpec noBasicConstraints() {
            this.ca = null;
            this.pathLength = null;
            return this;
        }

        /** Whether to include the subject key identifier (default true). */
        public CertSpec ski(boolean include) {
            this.ski = include;
            return this;
        }

        /** Whether to include the authority key identifier (default true). */
        public CertSpec aki(boolean include) {
            this.aki = include;
            return this;
        }

        /** DNS names for the subjectAltName extension, in this order. */
        public CertSpec dns(String... names) {
            for (String name : names) {
                altNames.add(new GeneralName(GeneralName.dNSName, name));
            }
            return this;
        }

        /** IP addresses (IPv4 or IPv6 text) for the subjectAltName extension, in this order. */
        public CertSpec ip(String... addresses) {
            for (String address : addresses) {
                altNames.add(new GeneralName(GeneralName.iPAddress, address));
            }
            return this;
        }

        /** Extended key usages by OID, e.g. "1.3.6.1.5.5.7.3.1" for TLS server authentication. */
        public CertSpec eku(String... oids) {
            for (String oid : oids) {
                ekus.add(KeyPurposeId.getInstance(new ASN1ObjectIdentifier(oid)));
            }
            return this;
        }

        /** Key usage bits, e.g. {@code KeyUsage.digitalSignature | KeyUsage.keyEncipherment}. */
        public CertSpec keyUsage(int bits) {
            this.keyUsage = bits;
            return this;
        }

        /** A version 1 certificate: no extensions at all. */
        public CertSpec version1() {
            this.version1 = true;
            return this;
        }

        /** Makes the certificate. */
        public TestCert build() {
            try {
                return make();
            } catch (GeneralSecurityException | IOException
                    | org.bouncycastle.operator.OperatorCreationException e) {
                throw new IllegalStateException("cannot make the test certificate " + subjectDn,
                        e);
            }
        }

        private TestCert make() throws GeneralSecurityException, IOException,
                org.bouncycastle.operator.OperatorCreationException {
            KeyPair subjectKeys = keyPair != null ? keyPair
                    : keyType == KeyType.RSA_2048 ? rsaKey(0) : newKey(keyType);
            X500Name subject = subjectName != null ? subjectName : name(subjectDn, encoding);
            X500Name issuerName = issuer == null ? subject : issuer.holder().getSubject();
            KeyPair signingKeys = issuer == null ? subjectKeys : issuer.keyPair();
            Instant from = notBefore != null ? notBefore
                    : Instant.now().minus(BACKDATE).truncatedTo(ChronoUnit.SECONDS);
            Instant to = notAfter != null ? notAfter : from.plus(DEFAULT_LIFETIME);
            BigInteger number = serial != null ? serial : BigInteger.valueOf(
                    SERIALS.incrementAndGet()).shiftLeft(32).add(BigInteger.valueOf(
                    RANDOM.nextInt() & 0x7FFFFFFF));
            SubjectPublicKeyInfo keyInfo =
                    SubjectPublicKeyInfo.getInstance(subjectKeys.getPublic().getEncoded());
            ContentSigner signer = new JcaContentSignerBuilder(signatureName(signingKeys))
                    .setProvider(BC).build(signingKeys.getPrivate());
            X509CertificateHolder holder;
            if (version1) {
                holder = new X509v1CertificateBuilder(issuerName, number, Date.from(from),
                        Date.from(to), subject, keyInfo).build(signer);
            } else {
                X509v3CertificateBuilder builder = new X509v3CertificateBuilder(issuerName,
                        number, Date.from(from), Date.from(to), subject, keyInfo);
                addExtensions(builder, subjectKeys, signingKeys);
                holder = builder.build(signer);
            }
            return new TestCert(holder.getEncoded(), subjectKeys);
        }

        private void addExtensions(X509v3CertificateBuilder builder, KeyPair subjectKeys,
                KeyPair signingKeys) throws GeneralSecurityException, IOException {
            JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
            if (ca != null) {
                BasicConstraints constraints = ca && pathLength != null
                        ? new BasicConstraints(pathLength) : new BasicConstraints(ca);
                builder.addExtension(Extension.basicConstraints, true, constraints);
            }
            Integer usage = keyUsage;
            if (usage == null && Boolean.TRUE.equals(ca)) {
                usage = KeyUsage.keyCertSign | KeyUsage.cRLSign;
            }
            if (usage != null) {
                builder.addExtension(Extension.keyUsage, true, new KeyUsage(usage));
            }
            if (ski) {
                builder.addExtension(Extension.subjectKeyIdentifier, false,
                        utils.createSubjectKeyIdentifier(subjectKeys.getPublic()));
            }
            if (aki) {
                builder.addExtension(Extension.authorityKeyIdentifier, false,
                        utils.createAuthorityKeyIdentifier(signingKeys.getPublic()));
            }
            if (!altNames.isEmpty()) {
                builder.addExtension(Extension.subjectAlternativeName, false,
                        new GeneralNames(altNames.toArray(GeneralName[]::new)));
            }
            if (!ekus.isEmpty()) {
                builder.addExtension(Extension.extendedKeyUsage, false,
                        new ExtendedKeyUsage(ekus.toArray(KeyPurposeId[]::new)));
            }
        }

        private String signatureName(KeyPair signingKeys) {
            if (signatureAlgorithm != null) {
                return signatureAlgorithm;
            }
            String algorithm = signingKeys.getPrivate().getAlgorithm();
            switch (algorithm) {
                case "RSA":
                    return hash + "withRSA";
                case "EC":
                case "ECDSA":
                    return hash + "withECDSA";
                case "DSA":
                    return hash + "withDSA";
                case "EdDSA":
                    // The JDK calls Ed25519 and Ed448 keys "EdDSA"; the curve names the algorithm.
                    return ((java.security.interfaces.EdECKey) signingKeys.getPrivate())
                            .getParams().getName();
                default:
                    return algorithm; // Ed25519 and Ed448 name their own hash
            }
        }
    }

    /** A certificate made by {@link TestPki}, with its key pair. Immutable. */
    public static final class TestCert {
        private final byte[] der;
        private final KeyPair keyPair;
        private final X509CertificateHolder holder;

        private TestCert(byte[] der, KeyPair keyPair) throws IOException {
            this.der = der.clone();
            this.keyPair = keyPair;
            this.holder = new X509CertificateHolder(der);
        }

        /** A copy of the DER bytes. */
        public byte[] der() {
            return der.clone();
        }

        /** PEM text with one CERTIFICATE block, LF line ends and a final newline. */
        public String pem() {
            return TestPki.pem(this);
        }

        /** Upper-case hex SHA-1 of the DER, as certgraph reports it. */
        public String sha1() {
            return digest("SHA-1", der);
        }

        /** Upper-case hex SHA-256 of the DER. */
        public String sha256() {
            return digest("SHA-256", der);
        }

        /** The certified key pair (its private key signs what this certificate issues). */
        public KeyPair keyPair() {
            return keyPair;
        }

        /** The certificate parsed by Bouncy Castle. */
        public X509CertificateHolder holder() {
            return holder;
        }

        /** The subject name as the JDK prints it (RFC 2253). */
        public String subject() {
            return new X500Principal(encoded(holder.getSubject())).getName();
        }

        /** The certificate as a JDK object, e.g. for keystores. */
        public X509Certificate x509() {
            try {
                return (X509Certificate) CertificateFactory.getInstance("X.509")
                        .generateCertificate(new ByteArrayInputStream(der));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }

        /** A certificate issued by this one, by default an end-entity one. */
        public CertSpec leaf(String subjectDn) {
            return new CertSpec(subjectDn).issuedBy(this).endEntity();
        }

        /** A CA certificate issued by this one. */
        public CertSpec intermediate(String subjectDn) {
            return new CertSpec(subjectDn).issuedBy(this).ca();
        }

        /**
         * A renewal: the same subject name (same encoding) with a new key of the same type,
         * self-signed if this certificate is, otherwise to be given an issuer with
         * {@link CertSpec#issuedBy}.
         */
        public CertSpec renewal() {
            CertSpec spec = new CertSpec(subject()).subjectName(holder.getSubject())
                    .keyType(keyTypeOf(keyPair));
            if (keyTypeOf(keyPair) == KeyType.RSA_2048) {
                spec.key(rsaKey(RSA_POOL.indexOf(keyPair) + 1));
            }
            return isCa() ? spec.ca() : spec.endEntity();
        }

        /**
         * A certificate for {@code existing}'s key pair and subject name (same encoding), issued
         * by this certificate: a cross-certificate when both are CAs.
         */
        public CertSpec crossCertify(TestCert existing) {
            CertSpec spec = new CertSpec(existing.subject()).subjectName(
                    existing.holder().getSubject()).key(existing.keyPair()).issuedBy(this);
            return existing.isCa() ? spec.ca() : spec.endEntity();
        }

        private boolean isCa() {
            BasicConstraints constraints = BasicConstraints.fromExtensions(holder.getExtensions());
            return constraints != null && constraints.isCA();
        }

        @Override
        public String toString() {
            return subject() + " [" + sha1() + "]";
        }
    }

    private static KeyType keyTypeOf(KeyPair pair) {
        String algorithm = pair.getPublic().getAlgorithm();
        switch (algorithm) {
            case "RSA":
                return KeyType.RSA_2048;
            case "DSA":
                return KeyType.DSA_2048;
            case "Ed25519":
            case "EdDSA":
                return KeyType.ED25519;
            default:
                return KeyType.EC_P256;
        }
    }

    private static byte[] encoded(X500Name name) {
        try {
            return name.getEncoded(ASN1Encoding.DER);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String digest(String algorithm, byte[] data) {
        try {
            return HexFormat.of().withUpperCase().formatHex(
                    MessageDigest.getInstance(algorithm).digest(data));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    // ------------------------------------------------------------------------------ file contents

    /** PEM text with one CERTIFICATE block per certificate, LF line ends, final newline. */
    public static String pem(TestCert... certs) {
        StringBuilder out = new StringBuilder();
        for (TestCert cert : certs) {
            out.append(pemBlock("CERTIFICATE", cert.der));
        }
        return out.toString();
    }

    /** One PEM block with the given label, 64 characters a line, LF line ends. */
    public static String pemBlock(String label, byte[] content) {
        return "-----BEGIN " + label + "-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(content)
                + "\n-----END " + label + "-----\n";
    }

    /** A certs-only PKCS#7 SignedData bundle in DER (definite lengths). */
    public static byte[] pkcs7(TestCert... certs) {
        try {
            return pkcs7Generator(certs).generate(new CMSAbsentContent())
                    .getEncoded(ASN1Encoding.DER);
        } catch (Exception e) {
            throw new IllegalStateException("cannot make the PKCS#7 bundle", e);
        }
    }

    /** A certs-only PKCS#7 bundle in BER, with indefinite lengths (starts 30 80). */
    public static byte[] pkcs7Ber(TestCert... certs) {
        try {
            return pkcs7Generator(certs).generate(new CMSAbsentContent())
                    .getEncoded(ASN1Encoding.BER);
        } catch (Exception e) {
            throw new IllegalStateException("cannot make the PKCS#7 bundle", e);
        }
    }

    private static CMSSignedDataGenerator pkcs7Generator(TestCert... certs) throws Exception {
        CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
        List<X509CertificateHolder> holders = new ArrayList<>();
        for (TestCert cert : certs) {
            holders.add(cert.holder());
        }
        generator.addCertificates(new org.bouncycastle.util.CollectionStore<>(holders));
        return generator;
    }

    /**
     * A PKCS#12 file as openssl makes it: the certificates in a password-encrypted part
     * (PBES2, AES-256), {@code keyOwner}'s private key in a shrouded key bag (PBE with 3DES),
     * and a MAC with the same password. {@code keyOwner} may be null for no key. With an empty
     * password the certificates are not encrypted (and there must be no key).
     */
    public static byte[] pkcs12(char[] password, TestCert keyOwner, TestCert... certs) {
        try {
            List<PKCS12SafeBag> certBags = new ArrayList<>();
            for (TestCert cert : certs) {
                PKCS12SafeBagBuilder bag = new JcaPKCS12SafeBagBuilder(cert.x509());
                bag.addBagAttribute(PKCSObjectIdentifiers.pkcs_9_at_friendlyName,
                        new DERBMPString(cert.subject()));
                certBags.add(bag.build());
            }
            PKCS12PfxPduBuilder pfx = new PKCS12PfxPduBuilder();
            if (password.length == 0) {
                // Without a password there is nothing to encrypt with: certificates stay clear.
                for (PKCS12SafeBag bag : certBags) {
                    pfx.addData(bag);
                }
            } else {
                pfx.addEncryptedData(new JcePKCSPBEOutputEncryptorBuilder(
                        NISTObjectIdentifiers.id_aes256_CBC).setProvider(BC).build(password),
                        certBags.toArray(PKCS12SafeBag[]::new));
            }
            if (keyOwner != null) {
                PrivateKey key = keyOwner.keyPair().getPrivate();
                PKCS12SafeBagBuilder keyBag = new JcaPKCS12SafeBagBuilder(key,
                        new JcePKCSPBEOutputEncryptorBuilder(
                                PKCSObjectIdentifiers.pbeWithSHAAnd3_KeyTripleDES_CBC)
                                .setProvider(BC).build(password));
                pfx.addData(keyBag.build());
            }
            PKCS12PfxPdu pdu = pfx.build(new BcPKCS12MacCalculatorBuilder(), password);
            return pdu.getEncoded(ASN1Encoding.DER);
        } catch (Exception e) {
            throw new IllegalStateException("cannot make the PKCS#12 file", e);
        }
    }

    /**
     * A Java keystore of the given type ("JKS", "PKCS12" or "JCEKS") holding each certificate
     * as a trusted-certificate entry named alias1, alias2, …
     */
    public static byte[] truststore(String type, char[] password, TestCert... certs) {
        try {
            KeyStore store = KeyStore.getInstance(type);
            store.load(null, null);
            for (int i = 0; i < certs.length; i++) {
                store.setCertificateEntry("alias" + (i + 1), certs[i].x509());
            }
            return store(store, password);
        } catch (Exception e) {
            throw new IllegalStateException("cannot make the " + type + " truststore", e);
        }
    }

    /**
     * A Java keystore of the given type with one private-key entry named "key" whose chain is
     * {@code chain} (the first certificate's key pair is stored).
     */
    public static byte[] keystore(String type, char[] password, TestCert... chain) {
        try {
            KeyStore store = KeyStore.getInstance(type);
            store.load(null, null);
            X509Certificate[] certs = Arrays.stream(chain).map(TestCert::x509)
                    .toArray(X509Certificate[]::new);
            store.setKeyEntry("key", chain[0].keyPair().getPrivate(), password, certs);
            return store(store, password);
        } catch (Exception e) {
            throw new IllegalStateException("cannot make the " + type + " keystore", e);
        }
    }

    private static byte[] store(KeyStore store, char[] password) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        store.store(out, password);
        return out.toByteArray();
    }

    // ------------------------------------------------------------------------------ files

    /** Writes bytes to {@code dir/name} and returns the path. */
    public static Path write(Path dir, String name, byte[] content) {
        try {
            Path file = dir.resolve(name);
            Files.createDirectories(file.getParent());
            return Files.write(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes text as UTF-8 (no byte order mark) to {@code dir/name}. */
    public static Path write(Path dir, String name, String text) {
        return write(dir, name, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Writes the certificates as one PEM file. */
    public static Path writePem(Path dir, String name, TestCert... certs) {
        return write(dir, name, pem(certs));
    }

    /** Writes one certificate as a DER file. */
    public static Path writeDer(Path dir, String name, TestCert cert) {
        return write(dir, name, cert.der);
    }

    /** Writes a DER PKCS#7 bundle of the certificates. */
    public static Path writePkcs7(Path dir, String name, TestCert... certs) {
        return write(dir, name, pkcs7(certs));
    }

    /** Writes a PKCS#12 file (see {@link #pkcs12}). */
    public static Path writePkcs12(Path dir, String name, char[] password, TestCert keyOwner,
            TestCert... certs) {
        return write(dir, name, pkcs12(password, keyOwner, certs));
    }

    /** Writes a JKS truststore with the certificates as trusted entries. */
    public static Path writeJks(Path dir, String name, char[] password, TestCert... certs) {
        return write(dir, name, truststore("JKS", password, certs));
    }

    /** Upper-case hex, handy for messages and assertions. */
    public static String hex(byte[] data) {
        return HexFormat.of().withUpperCase().formatHex(data);
    }
}
