package org.certgraph.cert;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.oiw.OIWObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.RSAPublicKey;
import org.bouncycastle.asn1.pkcs.RSASSAPSSparams;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Certificate;
import org.bouncycastle.asn1.x509.DSAParameter;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x509.Time;
import org.bouncycastle.asn1.x509.X509ObjectIdentifiers;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.asn1.x9.X962Parameters;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.operator.DefaultAlgorithmNameFinder;

/**
 * Turns the DER bytes of one X.509 certificate into {@link CertificateFacts}.
 *
 * <p>Parsing is lenient about what is unusual but valid: version 1 certificates without
 * extensions, negative serial numbers, unknown key types and extensions that cannot be decoded
 * leave the matching fields empty instead of failing. Only bytes that are not a certificate at
 * all raise {@link CertificateFormatException}. Instances are not needed: all methods are static
 * and thread-safe.
 */
public final class CertificateParser {

    private static final Map<ASN1ObjectIdentifier, SignatureHash> HASH_BY_SIGNATURE = Map.ofEntries(
            Map.entry(PKCSObjectIdentifiers.md5WithRSAEncryption, SignatureHash.MD5),
            Map.entry(OIWObjectIdentifiers.md5WithRSA, SignatureHash.MD5),
            Map.entry(PKCSObjectIdentifiers.sha1WithRSAEncryption, SignatureHash.SHA1),
            Map.entry(OIWObjectIdentifiers.sha1WithRSA, SignatureHash.SHA1),
            Map.entry(X9ObjectIdentifiers.ecdsa_with_SHA1, SignatureHash.SHA1),
            Map.entry(X9ObjectIdentifiers.id_dsa_with_sha1, SignatureHash.SHA1),
            Map.entry(OIWObjectIdentifiers.dsaWithSHA1, SignatureHash.SHA1),
            Map.entry(PKCSObjectIdentifiers.sha224WithRSAEncryption, SignatureHash.SHA224),
            Map.entry(PKCSObjectIdentifiers.sha256WithRSAEncryption, SignatureHash.SHA256),
            Map.entry(PKCSObjectIdentifiers.sha384WithRSAEncryption, SignatureHash.SHA384),
            Map.entry(PKCSObjectIdentifiers.sha512WithRSAEncryption, SignatureHash.SHA512),
            Map.entry(X9ObjectIdentifiers.ecdsa_with_SHA224, SignatureHash.SHA224),
            Map.entry(X9ObjectIdentifiers.ecdsa_with_SHA256, SignatureHash.SHA256),
            Map.entry(X9ObjectIdentifiers.ecdsa_with_SHA384, SignatureHash.SHA384),
            Map.entry(X9ObjectIdentifiers.ecdsa_with_SHA512, SignatureHash.SHA512),
            Map.entry(NISTObjectIdentifiers.dsa_with_sha224, SignatureHash.SHA224),
            Map.entry(NISTObjectIdentifiers.dsa_with_sha256, SignatureHash.SHA256),
            Map.entry(NISTObjectIdentifiers.dsa_with_sha384, SignatureHash.SHA384),
            Map.entry(NISTObjectIdentifiers.dsa_with_sha512, SignatureHash.SHA512));

    private static final Map<ASN1ObjectIdentifier, SignatureHash> HASH_BY_DIGEST = Map.of(
            PKCSObjectIdentifiers.md5, SignatureHash.MD5,
            OIWObjectIdentifiers.idSHA1, SignatureHash.SHA1,
            NISTObjectIdentifiers.id_sha224, SignatureHash.SHA224,
            NISTObjectIdentifiers.id_sha256, SignatureHash.SHA256,
            NISTObjectIdentifiers.id_sha384, SignatureHash.SHA384,
            NISTObjectIdentifiers.id_sha512, SignatureHash.SHA512);

    private static final Map<ASN1ObjectIdentifier, String> SIGNATURE_NAMES = Map.ofEntries(
            Map.entry(PKCSObjectIdentifiers.md2WithRSAEncryption, "MD2withRSA"),
            Map.entry(PKCSObjectIdentifiers.md5WithRSAEncryption, "MD5withRSA"),
            Map.entry(PKCSObjectIdentifiers.sha1WithRSAEncryption, "SHA1withRSA"),
            Map.entry(OIWObjectIdentifiers.sha1WithRSA, "SHA1withRSA"),
            Map.entry(PKCSObjectIdentifiers.sha224WithRSAEncryption, "SHA224withRSA"),
            Map.entry(PKCSObjectIdentifiers.sha256WithRSAEncryption, "SHA256withRSA"),
            Map.entry(PKCSObjectIdentifiers.sha384WithRSAEncryption, "SHA384withRSA"),
            Map.entry(PKCSObjectIdentifiers.sha512WithRSAEncryption, "SHA512withRSA"),
            Map.entry(PKCSObjectIdentifiers.id_RSASSA_PSS, "RSASSA-PSS"),
            Map.entry(X9ObjectIdentifiers.ecdsa_with_SHA1, "SHA1withECDSA"),
            Map.entry(X9ObjectIdentifiers.ecdsa_with_SHA224, "SHA224withECDSA"),
            Map.entry(X9ObjectIdentifiers.ecdsa_with_SHA256, "SHA256withECDSA"),
            Map.entry(X9ObjectIdentifiers.ecdsa_with_SHA384, "SHA384withECDSA"),
            Map.entry(X9ObjectIdentifiers.ecdsa_with_SHA512, "SHA512withECDSA"),
            Map.entry(X9ObjectIdentifiers.id_dsa_with_sha1, "SHA1withDSA"),
            Map.entry(NISTObjectIdentifiers.dsa_with_sha224, "SHA224withDSA"),
            Map.entry(NISTObjectIdentifiers.dsa_with_sha256, "SHA256withDSA"),
            Map.entry(NISTObjectIdentifiers.dsa_with_sha384, "SHA384withDSA"),
            Map.entry(NISTObjectIdentifiers.dsa_with_sha512, "SHA512withDSA"),
            Map.entry(EdECObjectIdentifiers.id_Ed25519, "Ed25519"),
            Map.entry(EdECObjectIdentifiers.id_Ed448, "Ed448"));

    private static final DefaultAlgorithmNameFinder NAME_FINDER = new DefaultAlgorithmNameFinder();

    private static final String[] KEY_USAGE_NAMES = {
        "digitalSignature", "nonRepudiation", "keyEncipherment", "dataEncipherment",
        "keyAgreement", "keyCertSign", "cRLSign", "encipherOnly", "decipherOnly"};

    private static final int[] KEY_USAGE_BITS = {
        KeyUsage.digitalSignature, KeyUsage.nonRepudiation, KeyUsage.keyEncipherment,
        KeyUsage.dataEncipherment, KeyUsage.keyAgreement, KeyUsage.keyCertSign,
        KeyUsage.cRLSign, KeyUsage.encipherOnly, KeyUsage.decipherOnly};

    private CertificateParser() {
    }

    /**
     * Reads one DER-encoded X.509 certificate.
     *
     * @param der the certificate's bytes, exactly one ASN.1 element; the array is copied
     * @return every fact certgraph keeps about the certificate
     * @throws CertificateFormatException when the bytes are not a certificate
     */
    public static CertificateFacts parse(byte[] der) {
        if (der == null || der.length == 0) {
            throw new CertificateFormatException("no certificate bytes were given");
        }
        byte[] bytes = der.clone();
        Certificate cert = decode(bytes);
        X500Name subjectName = cert.getSubject();
        X500Name issuerName = cert.getIssuer();
        String subjectKey = canonicalName(subjectName);
        String issuerKey = canonicalName(issuerName);
        AlgorithmIdentifier signature = cert.getSignatureAlgorithm();
        SubjectPublicKeyInfo keyInfo = cert.getSubjectPublicKeyInfo();
        Extensions extensions = cert.getTBSCertificate().getExtensions();
        BasicConstraints constraints = extension(() -> BasicConstraints.fromExtensions(extensions),
                extensions);
        boolean selfSigned = subjectKey.equals(issuerKey)
                && Verifier.forKey(keyInfo).verifies(bytes);
        return new CertificateFacts(
                digest("SHA-1", bytes),
                digest("SHA-256", bytes),
                cert.getSerialNumber().getValue().toString(16).toUpperCase(Locale.ROOT),
                readableName(subjectName),
                readableName(issuerName),
                subjectKey,
                issuerKey,
                instant(cert.getStartDate()),
                instant(cert.getEndDate()),
                signatureName(signature),
                signatureHash(signature),
                keyAlgorithm(keyInfo),
                keySize(keyInfo),
                constraints != null && constraints.isCA(),
                constraints == null ? null : pathLength(constraints),
                subjectKeyId(extensions),
                authorityKeyId(extensions),
                subjectAltNames(extensions),
                extendedKeyUsages(extensions),
                keyUsages(extensions),
                selfSigned,
                cert.getVersionNumber(),
                bytes);
    }

    /**
     * The hash algorithm of a signature algorithm; for RSASSA-PSS the hash named in its
     * parameters (SHA-1 when they are absent, as the standard's default).
     */
    static SignatureHash signatureHash(AlgorithmIdentifier algorithm) {
        ASN1ObjectIdentifier oid = algorithm.getAlgorithm();
        if (PKCSObjectIdentifiers.id_RSASSA_PSS.equals(oid)) {
            try {
                ASN1Encodable params = algorithm.getParameters();
                if (params == null || params instanceof DERNull) {
                    return SignatureHash.SHA1;
                }
                ASN1ObjectIdentifier digest = RSASSAPSSparams.getInstance(params)
                        .getHashAlgorithm().getAlgorithm();
                return HASH_BY_DIGEST.getOrDefault(digest, SignatureHash.OTHER);
            } catch (RuntimeException e) {
                return SignatureHash.OTHER;
            }
        }
        return HASH_BY_SIGNATURE.getOrDefault(oid, SignatureHash.OTHER);
    }

    private static Certificate decode(byte[] bytes) {
        Der.Element top;
        try {
            top = Der.first(bytes);
        } catch (Der.MalformedException e) {
            String why = e.truncated() ? "the data is cut short " : "the encoding is damaged ";
            throw new CertificateFormatException(
                    "not a readable certificate: " + why + e.getMessage(), e);
        }
        if (top.tag() != Der.SEQUENCE) {
            throw new CertificateFormatException(String.format(Locale.ROOT,
                    "not a certificate: it starts with ASN.1 tag 0x%02X where a certificate starts"
                            + " with a SEQUENCE (0x30)", top.tag()));
        }
        if (top.end() != bytes.length) {
            throw new CertificateFormatException("not a single certificate: "
                    + (bytes.length - top.end()) + " extra bytes follow the first "
                    + top.length() + " bytes");
        }
        try {
            return Certificate.getInstance(ASN1Primitive.fromByteArray(bytes));
        } catch (Exception e) {
            throw new CertificateFormatException(
                    "not an X.509 certificate: its ASN.1 structure does not match ("
                            + e.getMessage() + ")", e);
        }
    }

    private static String digest(String algorithm, byte[] bytes) {
        try {
            return Crypto.hex(MessageDigest.getInstance(algorithm).digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the Java runtime lacks " + algorithm, e);
        }
    }

    private static String readableName(X500Name name) {
        try {
            return new X500Principal(name.getEncoded()).getName();
        } catch (Exception e) {
            return name.toString();
        }
    }

    private static String canonicalName(X500Name name) {
        try {
            return new X500Principal(name.getEncoded()).getName(X500Principal.CANONICAL);
        } catch (Exception e) {
            return name.toString().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").trim();
        }
    }

    private static Instant instant(Time time) {
        try {
            return time.getDate().toInstant();
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String signatureName(AlgorithmIdentifier algorithm) {
        ASN1ObjectIdentifier oid = algorithm.getAlgorithm();
        String name = SIGNATURE_NAMES.get(oid);
        if (name != null) {
            return name;
        }
        try {
            return NAME_FINDER.getAlgorithmName(algorithm);
        } catch (RuntimeException e) {
            return oid.getId();
        }
    }

    private static String keyAlgorithm(SubjectPublicKeyInfo keyInfo) {
        ASN1ObjectIdentifier oid = keyInfo.getAlgorithm().getAlgorithm();
        if (PKCSObjectIdentifiers.rsaEncryption.equals(oid)
                || PKCSObjectIdentifiers.id_RSASSA_PSS.equals(oid)
                || X509ObjectIdentifiers.id_ea_rsa.equals(oid)) {
            return "RSA";
        } else if (X9ObjectIdentifiers.id_ecPublicKey.equals(oid)) {
            return "EC";
        } else if (X9ObjectIdentifiers.id_dsa.equals(oid) || OIWObjectIdentifiers.dsaWithSHA1
                .equals(oid)) {
            return "DSA";
        } else if (EdECObjectIdentifiers.id_Ed25519.equals(oid)) {
            return "Ed25519";
        } else if (EdECObjectIdentifiers.id_Ed448.equals(oid)) {
            return "Ed448";
        } else if (EdECObjectIdentifiers.id_X25519.equals(oid)) {
            return "X25519";
        } else if (EdECObjectIdentifiers.id_X448.equals(oid)) {
            return "X448";
        }
        return oid.getId();
    }

    private static int keySize(SubjectPublicKeyInfo keyInfo) {
        try {
            switch (keyAlgorithm(keyInfo)) {
                case "RSA":
                    return RSAPublicKey.getInstance(keyInfo.parsePublicKey()).getModulus()
                            .bitLength();
                case "EC":
                    return ecFieldSize(keyInfo.getAlgorithm().getParameters());
                case "DSA":
                    ASN1Encodable params = keyInfo.getAlgorithm().getParameters();
                    return params == null || params instanceof DERNull
                            ? 0 : DSAParameter.getInstance(params).getP().bitLength();
                case "Ed25519":
                case "X25519":
                    return 256;
                case "Ed448":
                    return 456;
                case "X448":
                    return 448;
                default:
                    return 0;
            }
        } catch (Exception e) {
            return 0;
        }
    }

    private static int ecFieldSize(ASN1Encodable parameters) {
        if (parameters == null) {
            return 0;
        }
        X962Parameters params = X962Parameters.getInstance(parameters);
        if (params.isNamedCurve()) {
            ASN1ObjectIdentifier curve = ASN1ObjectIdentifier.getInstance(params.getParameters());
            X9ECParameters named = ECNamedCurveTable.getByOID(curve);
            return named == null ? 0 : named.getCurve().getFieldSize();
        } else if (params.isImplicitlyCA()) {
            return 0;
        }
        return X9ECParameters.getInstance(params.getParameters()).getCurve().getFieldSize();
    }

    private static Integer pathLength(BasicConstraints constraints) {
        BigInteger length = constraints.getPathLenConstraint();
        if (length == null) {
            return null;
        }
        return length.bitLength() < 31 ? length.intValue() : Integer.MAX_VALUE;
    }

    private static String subjectKeyId(Extensions extensions) {
        SubjectKeyIdentifier ski = extension(
                () -> SubjectKeyIdentifier.fromExtensions(extensions), extensions);
        return ski == null ? null : Crypto.hex(ski.getKeyIdentifier());
    }

    private static String authorityKeyId(Extensions extensions) {
        AuthorityKeyIdentifier aki = extension(
                () -> AuthorityKeyIdentifier.fromExtensions(extensions), extensions);
        if (aki == null) {
            return null;
        }
        ASN1OctetString id = aki.getKeyIdentifierObject();
        return id == null ? null : Crypto.hex(id.getOctets());
    }

    private static List<String> subjectAltNames(Extensions extensions) {
        GeneralNames names = extension(() -> GeneralNames.fromExtensions(extensions,
                Extension.subjectAlternativeName), extensions);
        if (names == null) {
            return List.of();
        }
        List<String> result = new ArrayList<>();
        for (GeneralName name : names.getNames()) {
            try {
                if (name.getTagNo() == GeneralName.dNSName) {
                    result.add(name.getName().toString());
                } else if (name.getTagNo() == GeneralName.iPAddress) {
                    byte[] address = ASN1OctetString.getInstance(name.getName()).getOctets();
                    if (address.length == 4 || address.length == 16) {
                        result.add(InetAddress.getByAddress(address).getHostAddress());
                    }
                }
            } catch (RuntimeException | UnknownHostException e) {
                // A single odd entry is left out; the other names are still useful.
                continue;
            }
        }
        return List.copyOf(result);
    }

    private static List<String> extendedKeyUsages(Extensions extensions) {
        ExtendedKeyUsage eku = extension(() -> ExtendedKeyUsage.fromExtensions(extensions),
                extensions);
        if (eku == null) {
            return List.of();
        }
        List<String> result = new ArrayList<>();
        for (KeyPurposeId purpose : eku.getUsages()) {
            result.add(purpose.getId());
        }
        return List.copyOf(result);
    }

    private static List<String> keyUsages(Extensions extensions) {
        KeyUsage usage = extension(() -> KeyUsage.fromExtensions(extensions), extensions);
        if (usage == null) {
            return List.of();
        }
        List<String> result = new ArrayList<>();
        for (int i = 0; i < KEY_USAGE_BITS.length; i++) {
            if (usage.hasUsages(KEY_USAGE_BITS[i])) {
                result.add(KEY_USAGE_NAMES[i]);
            }
        }
        return List.copyOf(result);
    }

    private interface ExtensionReader<T> {
        T read();
    }

    /** Null when there are no extensions, the extension is absent or it cannot be decoded. */
    private static <T> T extension(ExtensionReader<T> reader, Extensions extensions) {
        if (extensions == null) {
            return null;
        }
        try {
            return reader.read();
        } catch (RuntimeException e) {
            return null;
        }
    }
}
