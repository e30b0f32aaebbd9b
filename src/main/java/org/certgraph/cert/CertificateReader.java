package org.certgraph.cert;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.pkcs.CertBag;
import org.bouncycastle.asn1.pkcs.ContentInfo;
import org.bouncycastle.asn1.pkcs.MacData;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.Pfx;
import org.bouncycastle.asn1.x509.DigestInfo;
import org.bouncycastle.crypto.CipherParameters;
import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.generators.PKCS12ParametersGenerator;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.pkcs.PKCS12PfxPdu;
import org.bouncycastle.pkcs.PKCS12SafeBag;
import org.bouncycastle.pkcs.PKCS12SafeBagFactory;
import org.bouncycastle.pkcs.bc.BcPKCS12MacCalculatorBuilderProvider;
import org.bouncycastle.pkcs.jcajce.JcePKCSPBEInputDecryptorProviderBuilder;
import org.bouncycastle.operator.bc.BcDefaultDigestProvider;

/**
 * Reads the certificates in a file of any common format, recognised from the content and never
 * from the file name: PEM (also in UTF-8 with a byte order mark or UTF-16), bare Base64, DER,
 * PKCS#7 bundles in DER, BER or PEM, PKCS#12 files and Java keystores (JKS, JCEKS and PKCS#12
 * truststores).
 *
 * <p>The reader never throws for bad content: everything that went wrong is described in the
 * result's problems. Private keys are never decoded or kept: key blocks, key bags and key
 * entries are skipped. Instances are immutable and thread-safe.
 */
public final class CertificateReader {

    /** Files larger than this are refused unread. */
    public static final long MAX_FILE_SIZE = 64L * 1024 * 1024;

    private static final String FORMATS =
            "certgraph reads PEM, DER, Base64, PKCS#7, PKCS#12 and Java keystores";
    private static final String PASSWORD_HINT =
            "pass it with --password or the CERTGRAPH_PASSWORD environment variable";

    private static final byte[] OID_SIGNED_DATA = {
        0x2A, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xF7, 0x0D, 0x01, 0x07, 0x02};
    private static final byte[] OID_DATA = {
        0x2A, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xF7, 0x0D, 0x01, 0x07, 0x01};
    private static final byte[] OID_PKCS7_PREFIX = {
        0x2A, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xF7, 0x0D, 0x01, 0x07};

    private static final Pattern BEGIN = Pattern.compile("^\\s*-----BEGIN ([^-]*)-----\\s*$");
    private static final Pattern END = Pattern.compile("^\\s*-----END ([^-]*)-----\\s*$");
    private static final Pattern BASE64_TEXT = Pattern.compile("[A-Za-z0-9+/]+={0,2}");

    private final PasswordSource passwords;

    /** A reader without a password: PKCS#12 files open only with an empty password. */
    public CertificateReader() {
        this(PasswordSource.none());
    }

    /** A reader using {@code passwords} for PKCS#12 files and keystores (null for none). */
    public CertificateReader(PasswordSource passwords) {
        this.passwords = passwords == null ? PasswordSource.none() : passwords;
    }

    /**
     * A reader with one password for PKCS#12 files and keystores (null for none). The array is
     * copied; the caller may clear its own.
     */
    public CertificateReader(char[] password) {
        this(PasswordSource.of(password));
    }

    /** Reads the certificates in {@code file}; never throws for unreadable or bad content. */
    public ReadResult read(Path file) {
        String source = String.valueOf(file);
        Collector out = new Collector(source);
        try {
            if (Files.isDirectory(file)) {
                out.problem("this is a folder, not a file; name the certificate files inside it");
                return out.result();
            }
            long size = Files.size(file);
            if (size > MAX_FILE_SIZE) {
                out.tooLarge(size);
                return out.result();
            }
            return read(source, Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            out.problem("no such file; check the name and the folder");
        } catch (AccessDeniedException e) {
            out.problem("the file cannot be read: permission denied; give certgraph read access"
                    + " or copy the file somewhere readable");
        } catch (IOException | RuntimeException e) {
            out.problem("the file cannot be read (" + e.getMessage()
                    + "); check that the file exists and that certgraph may read it");
        }
        return out.result();
    }

    /**
     * Reads the certificates in {@code content}; {@code name} is used only in messages and as
     * the result's source. Never throws for bad content.
     */
    public ReadResult read(String name, byte[] content) {
        Collector out = new Collector(name);
        try {
            if (content == null || content.length == 0) {
                out.problem("the file is empty; export the certificate again");
            } else if (content.length > MAX_FILE_SIZE) {
                out.tooLarge(content.length);
            } else {
                readContent(out, content);
            }
        } catch (RuntimeException e) {
            out.problem("the file could not be read because of an unexpected error (" + e
                    + "); please report this together with the file if you can share it");
        }
        return out.result();
    }

    private void readContent(Collector out, byte[] content) {
        if (startsWith(content, 0xFE, 0xED, 0xFE, 0xED)) {
            readKeystore(out, content, "JKS");
        } else if (startsWith(content, 0xCE, 0xCE, 0xCE, 0xCE)) {
            readKeystore(out, content, "JCEKS");
        } else if ((content[0] & 0xFF) == Der.SEQUENCE && !isPrintableText(content)) {
            readBinary(out, content, "DER");
        } else {
            String text = decodeText(content);
            if (text == null) {
                out.unrecognised(content);
            } else {
                readText(out, content, text);
            }
        }
    }

    // ---------------------------------------------------------------- binary (DER/BER) content

    private enum Kind {
        CERTIFICATE, PKCS7, OTHER_PKCS7, PKCS12, CRL, CSR, PUBLIC_KEY, PRIVATE_KEY, UNKNOWN
    }

    private void readBinary(Collector out, byte[] data, String format) {
        String mangled = textRoundTripDamage(data);
        if (mangled != null) {
            out.problem("not a certificate file: it looks like DER whose " + mangled
                    + ", as happens when a binary file is saved as text; export it again as a"
                    + " binary (DER) or Base64 file");
            return;
        }
        Der.Element top;
        try {
            top = Der.first(data);
        } catch (Der.MalformedException e) {
            out.format(format);
            out.problem(damagedDer(e, data.length));
            return;
        }
        switch (classify(data, top)) {
            case CERTIFICATE:
                out.format(format);
                readDerCertificates(out, data, top);
                break;
            case PKCS7:
                out.format("Base64".equals(format) ? "Base64 PKCS#7" : "PKCS#7");
                readPkcs7(out, data, top, "");
                break;
            case PKCS12:
                readPkcs12(out, data);
                break;
            case OTHER_PKCS7:
                out.format("PKCS#7");
                out.problem("not a certificate file: it holds a PKCS#7/CMS message that is not"
                        + " signed data and so carries no certificates; export the certificates"
                        + " as a .p7b bundle instead");
                break;
            case CRL:
                out.format(format);
                out.problem("not a certificate file: it holds a certificate revocation list"
                        + " (CRL); give certgraph the certificate files instead");
                break;
            case CSR:
                out.format(format);
                out.problem("not a certificate file: it holds a certificate signing request; give"
                        + " certgraph the certificate that was issued for it");
                break;
            case PUBLIC_KEY:
                out.format(format);
                out.problem("not a certificate file: it holds a bare public key; give certgraph the"
                        + " certificate that contains this key");
                break;
            case PRIVATE_KEY:
                out.format(format);
                out.problem("not a certificate file: it holds a private key; certgraph does not"
                        + " read keys: give it the matching certificate file instead");
                break;
            default:
                out.unrecognised(data);
        }
    }

    private static Kind classify(byte[] data, Der.Element top) {
        if (top.tag() != Der.SEQUENCE) {
            return Kind.UNKNOWN;
        }
        List<Der.Element> parts = Der.childrenOrEmpty(data, top);
        if (parts.isEmpty()) {
            return Kind.UNKNOWN;
        }
        Der.Element first = parts.get(0);
        if (first.tag() == Der.OID && parts.size() >= 2) {
            if (Der.isOid(data, first, OID_SIGNED_DATA)) {
                return Kind.PKCS7;
            }
            int len = first.contentEnd() - first.contentStart();
            boolean pkcs7 = len == OID_PKCS7_PREFIX.length + 1 && Arrays.equals(data,
                    first.contentStart(), first.contentStart() + OID_PKCS7_PREFIX.length,
                    OID_PKCS7_PREFIX, 0, OID_PKCS7_PREFIX.length);
            return pkcs7 ? Kind.OTHER_PKCS7 : Kind.UNKNOWN;
        }
        if (parts.size() >= 2 && first.tag() == Der.INTEGER && parts.get(1).tag() == Der.SEQUENCE
                && isPfxVersion(data, first)) {
            List<Der.Element> authSafe = Der.childrenOrEmpty(data, parts.get(1));
            if (!authSafe.isEmpty() && (Der.isOid(data, authSafe.get(0), OID_DATA)
                    || Der.isOid(data, authSafe.get(0), OID_SIGNED_DATA))) {
                return Kind.PKCS12;
            }
        }
        if (parts.size() == 3 && first.tag() == Der.SEQUENCE
                && parts.get(1).tag() == Der.SEQUENCE && parts.get(2).tag() == Der.BIT_STRING) {
            return classifySigned(data, first);
        }
        if (parts.size() == 2 && first.tag() == Der.SEQUENCE
                && parts.get(1).tag() == Der.BIT_STRING) {
            return Kind.PUBLIC_KEY;
        }
        if (looksLikePrivateKey(parts)) {
            return Kind.PRIVATE_KEY;
        }
        return Kind.UNKNOWN;
    }

    /** Tells certificates, CRLs and signing requests apart by the shape of the signed part. */
    private static Kind classifySigned(byte[] data, Der.Element signed) {
        List<Der.Element> fields = Der.childrenOrEmpty(data, signed);
        if (fields.isEmpty()) {
            return Kind.CERTIFICATE;
        }
        if (fields.get(0).tag() == 0xA0) {
            return Kind.CERTIFICATE;
        }
        for (int i = 1; i < Math.min(fields.size(), 4); i++) {
            int tag = fields.get(i).tag();
            if (tag == 0x17 || tag == 0x18) {
                return Kind.CRL;
            }
        }
        Der.Element last = fields.get(fields.size() - 1);
        if (fields.size() == 4 && fields.get(0).tag() == Der.INTEGER && last.tag() == 0xA0) {
            return Kind.CSR;
        }
        return Kind.CERTIFICATE;
    }

    private static boolean isPfxVersion(byte[] data, Der.Element integer) {
        return integer.contentEnd() - integer.contentStart() == 1
                && data[integer.contentStart()] == 3;
    }

    private static boolean looksLikePrivateKey(List<Der.Element> parts) {
        int first = parts.get(0).tag();
        int second = parts.size() > 1 ? parts.get(1).tag() : -1;
        int third = parts.size() > 2 ? parts.get(2).tag() : -1;
        if (first == Der.INTEGER && second == Der.SEQUENCE && third == Der.OCTET_STRING) {
            return true; // PKCS#8
        }
        if (first == Der.SEQUENCE && second == Der.OCTET_STRING && parts.size() == 2) {
            return true; // encrypted PKCS#8
        }
        if (first == Der.INTEGER && second == Der.OCTET_STRING) {
            return true; // SEC 1 EC private key
        }
        return parts.size() >= 6 && parts.stream().allMatch(p -> p.tag() == Der.INTEGER);
    }

    /** One or more certificates in a row; bytes after them are reported unless only padding. */
    private static void readDerCertificates(Collector out, byte[] data, Der.Element first) {
        Der.Element current = first;
        int index = 1;
        while (true) {
            addCertificate(out, current.bytes(data), index == 1 ? "the certificate"
                    : "certificate " + index + " in the file");
            int next = current.end();
            if (next >= data.length || onlyPadding(data, next)) {
                return;
            }
            try {
                Der.Element following = Der.read(data, next, data.length);
                if (classify(data, following) != Kind.CERTIFICATE) {
                    throw new Der.MalformedException(next, false, "not a certificate");
                }
                current = following;
                index++;
            } catch (Der.MalformedException e) {
                out.problem((data.length - next) + " bytes after the certificate data (from byte "
                        + next + ") are not a certificate and were ignored; check that the file"
                        + " was not joined with something else");
                return;
            }
        }
    }

    private static boolean onlyPadding(byte[] data, int from) {
        for (int i = from; i < data.length; i++) {
            int b = data[i] & 0xFF;
            if (b != 0 && b != ' ' && b != '\r' && b != '\n' && b != '\t') {
                return false;
            }
        }
        return true;
    }

    private static void addCertificate(Collector out, byte[] der, String what) {
        try {
            out.add(CertificateParser.parse(der));
        } catch (CertificateFormatException e) {
            out.problem(what + " could not be read: " + e.getMessage()
                    + "; export it again from its source");
        }
    }

    /** The certificates of a CMS SignedData, kept byte for byte; works for BER too. */
    private static void readPkcs7(Collector out, byte[] data, Der.Element contentInfo,
            String where) {
        try {
            List<Der.Element> info = Der.children(data, contentInfo);
            if (info.size() < 2 || info.get(1).tag() != 0xA0) {
                out.problem(where + "the PKCS#7 bundle has no content; export the"
                        + " certificates again");
                return;
            }
            List<Der.Element> wrapped = Der.children(data, info.get(1));
            if (wrapped.isEmpty() || wrapped.get(0).tag() != Der.SEQUENCE) {
                out.problem(where + "the PKCS#7 bundle is damaged: its signed data is missing;"
                        + " export the certificates again");
                return;
            }
            int found = 0;
            for (Der.Element field : Der.children(data, wrapped.get(0))) {
                if (field.tag() != 0xA0) {
                    continue;
                }
                for (Der.Element choice : Der.children(data, field)) {
                    if (choice.tag() == Der.SEQUENCE) {
                        found++;
                        addCertificate(out, choice.bytes(data),
                                where + "certificate " + found + " of the PKCS#7 bundle");
                    }
                }
            }
            if (found == 0) {
                out.problem(where + "the PKCS#7 bundle holds no certificates; export"
                        + " it again with the certificates included");
            }
        } catch (Der.MalformedException e) {
            out.problem(where + "the PKCS#7 bundle is damaged (" + e.getMessage()
                    + "); export the certificates again");
        }
    }

    private static String damagedDer(Der.MalformedException e, int size) {
        if (e.truncated()) {
            return "damaged DER: the data is cut short (" + e.getMessage() + ", the file has "
                    + size + " bytes); copy or export the file again in full";
        }
        return "damaged DER: the structure breaks " + e.getMessage()
                + "; export the certificate again";
    }

    /**
     * Describes how a DER file was damaged by a trip through a text editor or a text-mode
     * transfer, or null when it shows no such sign.
     */
    private static String textRoundTripDamage(byte[] data) {
        int start = startsWith(data, 0xEF, 0xBB, 0xBF) ? 3 : 0;
        if (data.length - start < 16 || (data[start] & 0xFF) != Der.SEQUENCE) {
            return null;
        }
        int questionMarks = 0;
        int replacements = 0;
        boolean high = false;
        for (int i = start; i < data.length; i++) {
            int b = data[i] & 0xFF;
            if (b == '?') {
                questionMarks++;
            } else if (b >= 0x80) {
                high = true;
                if (b == 0xEF && i + 2 < data.length && (data[i + 1] & 0xFF) == 0xBF
                        && (data[i + 2] & 0xFF) == 0xBD) {
                    replacements++;
                }
            }
        }
        if (!high && questionMarks >= 3) {
            return "bytes above 0x7F were replaced by '?'";
        }
        if (replacements >= 3 && replacements * 3 * 10 >= (data.length - start)) {
            return "bytes were replaced by the Unicode replacement character (EF BF BD)";
        }
        return null;
    }

    // ---------------------------------------------------------------------- PKCS#12 content

    private void readPkcs12(Collector out, byte[] data) {
        out.format("PKCS#12");
        PKCS12PfxPdu pfx;
        try {
            pfx = new PKCS12PfxPdu(data);
        } catch (Exception e) {
            out.problem("damaged PKCS#12 file (" + e.getMessage()
                    + "); export it again");
            return;
        }
        char[] given = passwords.password();
        List<char[]> candidates = new ArrayList<>();
        List<char[]> toClear = new ArrayList<>();
        if (given != null) {
            candidates.add(given);
        }
        candidates.add(new char[0]);
        candidates.add("changeit".toCharArray());
        toClear.addAll(candidates);
        try {
            if (pfx.hasMac()) {
                char[] right = macPassword(pfx, candidates);
                if (right == null) {
                    out.problem(given == null
                            ? "cannot open this PKCS#12 file: it is protected by a password and"
                            + " none was given (the empty password and the Java default did not"
                            + " open it); " + PASSWORD_HINT
                            : "cannot open this PKCS#12 file: the password given is wrong; "
                            + PASSWORD_HINT + " and check it for typing mistakes");
                    return;
                }
                candidates.removeIf(c -> c != right);
            }
            readPkcs12Bags(out, pfx, candidates, given != null);
        } finally {
            for (char[] c : toClear) {
                Arrays.fill(c, '\0');
            }
        }
    }

    private static char[] macPassword(PKCS12PfxPdu pfx, List<char[]> candidates) {
        BcPKCS12MacCalculatorBuilderProvider macs =
                new BcPKCS12MacCalculatorBuilderProvider(BcDefaultDigestProvider.INSTANCE);
        for (char[] candidate : candidates) {
            try {
                if (pfx.isMacValid(macs, candidate)
                        || candidate.length == 0 && emptyPasswordMacValid(pfx)) {
                    return candidate;
                }
            } catch (Exception e) {
                // Not this password, or a MAC algorithm that cannot be checked: try the next.
                continue;
            }
        }
        return null;
    }

    /**
     * Checks the MAC for an empty password written as its two-byte terminator, as the JDK and
     * openssl do; Bouncy Castle's own check turns an empty password into no bytes at all.
     */
    private static boolean emptyPasswordMacValid(PKCS12PfxPdu pfx) {
        Pfx structure = pfx.toASN1Structure();
        MacData macData = structure.getMacData();
        ContentInfo authSafe = structure.getAuthSafe();
        if (macData == null || !PKCSObjectIdentifiers.data.equals(authSafe.getContentType())) {
            return false;
        }
        try {
            DigestInfo expected = macData.getMac();
            Digest digest = BcDefaultDigestProvider.INSTANCE.get(expected.getAlgorithmId());
            PKCS12ParametersGenerator generator = new PKCS12ParametersGenerator(digest);
            generator.init(new byte[2], macData.getSalt(), macData.getIterationCount().intValue());
            CipherParameters key = generator.generateDerivedMacParameters(
                    digest.getDigestSize() * 8);
            HMac mac = new HMac(digest);
            mac.init(key);
            byte[] content = ASN1OctetString.getInstance(authSafe.getContent()).getOctets();
            mac.update(content, 0, content.length);
            byte[] actual = new byte[mac.getMacSize()];
            mac.doFinal(actual, 0);
            return MessageDigest.isEqual(actual, expected.getDigest());
        } catch (Exception e) {
            return false;
        }
    }

    private static void readPkcs12Bags(Collector out, PKCS12PfxPdu pfx, List<char[]> candidates,
            boolean passwordGiven) {
        int keyBags = 0;
        int certBags = 0;
        for (ContentInfo info : pfx.getContentInfos()) {
            ASN1ObjectIdentifier type = info.getContentType();
            PKCS12SafeBag[] bags;
            if (PKCSObjectIdentifiers.encryptedData.equals(type)) {
                bags = decryptedBags(info, candidates);
                if (bags == null) {
                    out.problem("cannot read the certificates of this PKCS#12 file: they could"
                            + " not be decrypted; the password is wrong or missing"
                            + (passwordGiven ? "" : " (none was given)") + ": " + PASSWORD_HINT);
                    continue;
                }
            } else if (PKCSObjectIdentifiers.data.equals(type)) {
                bags = new PKCS12SafeBagFactory(info).getSafeBags();
            } else {
                out.problem("part of this PKCS#12 file is protected by public-key encryption,"
                        + " which certgraph cannot open; export it again with password"
                        + " protection");
                continue;
            }
            for (PKCS12SafeBag bag : bags) {
                ASN1ObjectIdentifier bagType = bag.getType();
                if (PKCSObjectIdentifiers.certBag.equals(bagType)) {
                    CertBag cert = CertBag.getInstance(bag.toASN1Structure().getBagValue());
                    if (PKCSObjectIdentifiers.x509Certificate.equals(cert.getCertId())) {
                        certBags++;
                        byte[] der = ASN1OctetString.getInstance(cert.getCertValue())
                                .getOctets();
                        addCertificate(out, der, "certificate " + certBags
                                + " of the PKCS#12 file");
                    }
                } else if (PKCSObjectIdentifiers.keyBag.equals(bagType)
                        || PKCSObjectIdentifiers.pkcs8ShroudedKeyBag.equals(bagType)) {
                    keyBags++;
                }
            }
        }
        if (keyBags == 0 && certBags > 0) {
            out.format("PKCS#12 truststore");
        }
        if (certBags == 0 && out.problems.isEmpty()) {
            out.problem("this PKCS#12 file holds no certificates; export it again with the"
                    + " certificate chain included");
        }
    }

    private static PKCS12SafeBag[] decryptedBags(ContentInfo info, List<char[]> candidates) {
        for (char[] candidate : candidates) {
            try {
                if (candidate.length == 0) {
                    // Bouncy Castle refuses empty passwords for PBES2, which Java keystores and
                    // openssl use when saved with an empty password.
                    PKCS12SafeBag[] bags = EmptyPasswordPbes2.decrypt(info);
                    if (bags != null) {
                        return bags;
                    }
                }
                return new PKCS12SafeBagFactory(info, new JcePKCSPBEInputDecryptorProviderBuilder()
                        .setProvider(Crypto.BC).build(candidate)).getSafeBags();
            } catch (Exception e) {
                // The wrong password shows as a decryption or decoding error: try the next.
                continue;
            }
        }
        return null;
    }

    // ---------------------------------------------------------------------- Java keystores

    private void readKeystore(Collector out, byte[] data, String type) {
        out.format(type);
        KeyStore store;
        try {
            store = KeyStore.getInstance(type);
            // Without a password the integrity check is skipped; certificates stay readable.
            store.load(new ByteArrayInputStream(data), null);
        } catch (Exception e) {
            out.problem("damaged " + type + " keystore (" + e.getMessage()
                    + "); export it again");
            return;
        }
        try {
            List<String> aliases = Collections.list(store.aliases());
            Collections.sort(aliases);
            int count = 0;
            for (String alias : aliases) {
                Certificate[] certs;
                if (store.isCertificateEntry(alias)) {
                    certs = new Certificate[] {store.getCertificate(alias)};
                } else if (store.isKeyEntry(alias)) {
                    certs = store.getCertificateChain(alias);
                } else {
                    certs = null;
                }
                if (certs == null) {
                    continue;
                }
                for (Certificate cert : certs) {
                    count++;
                    addCertificate(out, cert.getEncoded(), "the certificate of entry \"" + alias
                            + "\"");
                }
            }
            if (count == 0) {
                out.problem("this " + type + " keystore holds no certificates; add the"
                        + " certificates to it or export them as PEM");
            }
        } catch (Exception e) {
            out.problem("this " + type + " keystore could not be read in full ("
                    + e.getMessage() + "); export it again");
        }
    }

    // ---------------------------------------------------------------------- text content

    private void readText(Collector out, byte[] raw, String text) {
        if (text.replace('\uFEFF', ' ').isBlank()) {
            out.problem("the file holds only blank text; export the certificate again");
            return;
        }
        if (text.contains("-----BEGIN")) {
            out.format("PEM");
            readPem(out, text);
            return;
        }
        String compact = text.replaceAll("[\\s\\u00A0\\uFEFF]+", "");
        if (compact.length() >= 16 && BASE64_TEXT.matcher(compact).matches()) {
            byte[] decoded;
            try {
                decoded = Base64.getDecoder().decode(compact);
            } catch (IllegalArgumentException e) {
                out.format("Base64");
                out.problem("damaged Base64: the text looks like Base64 but cannot be decoded ("
                        + e.getMessage() + "); copy or export it again");
                return;
            }
            if (decoded.length > 0 && (decoded[0] & 0xFF) == Der.SEQUENCE) {
                readBinary(out, decoded, "Base64");
                return;
            }
        }
        String mangled = textRoundTripDamage(raw);
        if (mangled != null) {
            out.problem("not a certificate file: it looks like DER whose " + mangled
                    + ", as happens when a binary file is saved as text; export it again as a"
                    + " binary (DER) or Base64 file");
            return;
        }
        out.unrecognised(raw);
    }

    private void readPem(Collector out, String text) {
        String[] lines = text.split("\r\n|\r|\n", -1);
        int blocks = 0;
        Map<String, Integer> skipped = new LinkedHashMap<>();
        int certificatesBefore = out.certificates.size();
        int problemsBefore = out.problems.size();
        for (int i = 0; i < lines.length; i++) {
            Matcher begin = BEGIN.matcher(lines[i]);
            if (!begin.matches()) {
                continue;
            }
            blocks++;
            String label = begin.group(1).trim().toUpperCase(Locale.ROOT);
            int beginLine = i + 1;
            String where = String.format(Locale.ROOT, "block %d (%s, starting at line %d)",
                    blocks, label, beginLine);
            boolean wanted = isCertificateLabel(label) || isPkcs7Label(label);
            StringBuilder body = new StringBuilder();
            String badLine = null;
            boolean ended = false;
            boolean inHeaders = true;
            for (i = i + 1; i < lines.length; i++) {
                if (END.matcher(lines[i]).matches()) {
                    ended = true;
                    break;
                }
                if (BEGIN.matcher(lines[i]).matches()) {
                    i--; // the next block starts before this one ended
                    break;
                }
                if (!wanted) {
                    continue; // keys and other blocks are passed over unread
                }
                String line = lines[i].strip();
                if (inHeaders && line.contains(":")) {
                    continue;
                }
                inHeaders = false;
                if (line.isEmpty()) {
                    continue;
                }
                if (badLine == null && !line.matches("[A-Za-z0-9+/=\\s]*")) {
                    badLine = "line " + (i + 1) + " holds characters that are not Base64";
                }
                body.append(line.replaceAll("\\s+", ""));
            }
            if (!ended) {
                out.problem(where + " has no END line, so the block or the file is cut short;"
                        + " copy the whole block again");
                continue;
            }
            if (!wanted) {
                skipped.merge(label, 1, Integer::sum);
                continue;
            }
            readPemBlock(out, label, body.toString(), badLine, where);
        }
        if (blocks == 0) {
            out.problem("not a certificate file: it mentions -----BEGIN but has no complete"
                    + " PEM block; check that the BEGIN and END lines were copied whole");
        } else if (out.certificates.size() == certificatesBefore
                && out.problems.size() == problemsBefore) {
            out.problem("no certificate found: the file holds only " + describeBlocks(skipped)
                    + "; give certgraph the file with the certificates");
        }
    }

    private static void readPemBlock(Collector out, String label, String body, String badLine,
            String where) {
        if (badLine != null) {
            out.problem(where + " is damaged: " + badLine + "; copy the block again from its"
                    + " source");
            return;
        }
        byte[] der;
        try {
            der = Base64.getDecoder().decode(body);
        } catch (IllegalArgumentException e) {
            out.problem(where + " is damaged: its Base64 text is broken (" + e.getMessage()
                    + "); copy the block again from its source");
            return;
        }
        if (der.length == 0) {
            out.problem(where + " is empty; copy the block again from its source");
            return;
        }
        Der.Element first;
        try {
            first = Der.first(der);
        } catch (Der.MalformedException e) {
            String why = e.truncated() ? "the data inside is cut short (" : "the data inside"
                    + " is broken (";
            out.problem(where + " is damaged: " + why + e.getMessage()
                    + "); copy the block again from its source");
            return;
        }
        if (isPkcs7Label(label) || classify(der, first) == Kind.PKCS7) {
            readPkcs7(out, der, first, where + ": ");
        } else {
            // Only the first element: TRUSTED CERTIFICATE blocks carry trust settings after it.
            addCertificate(out, first.bytes(der), where);
        }
    }

    private static boolean isCertificateLabel(String label) {
        return label.equals("CERTIFICATE") || label.equals("X509 CERTIFICATE")
                || label.equals("X.509 CERTIFICATE") || label.equals("TRUSTED CERTIFICATE");
    }

    private static boolean isPkcs7Label(String label) {
        return label.equals("PKCS7") || label.equals("PKCS #7 SIGNED DATA")
                || label.equals("CMS") || label.equals("CERTIFICATE CHAIN");
    }

    private static String describeBlocks(Map<String, Integer> labels) {
        List<String> parts = new ArrayList<>();
        labels.forEach((label, count) -> parts.add(count + " " + label + " block"
                + (count == 1 ? "" : "s")));
        return parts.isEmpty() ? "blocks without certificates" : String.join(", ", parts);
    }

    /** Decodes text by its byte order mark, or as Latin-1 when it is plain 8-bit text. */
    private static String decodeText(byte[] data) {
        if (startsWith(data, 0xEF, 0xBB, 0xBF)) {
            return new String(data, 3, data.length - 3, StandardCharsets.UTF_8);
        }
        if (startsWith(data, 0xFF, 0xFE)) {
            return new String(data, 2, data.length - 2, StandardCharsets.UTF_16LE);
        }
        if (startsWith(data, 0xFE, 0xFF)) {
            return new String(data, 2, data.length - 2, StandardCharsets.UTF_16BE);
        }
        if (data.length >= 4 && data[0] != 0 && data[1] == 0 && data[2] != 0 && data[3] == 0) {
            return new String(data, StandardCharsets.UTF_16LE);
        }
        if (data.length >= 4 && data[0] == 0 && data[1] != 0 && data[2] == 0 && data[3] != 0) {
            return new String(data, StandardCharsets.UTF_16BE);
        }
        return isPrintableText(data) ? new String(data, StandardCharsets.ISO_8859_1) : null;
    }

    /** True when the first bytes are printable ASCII or line breaks (or UTF-8 letters). */
    private static boolean isPrintableText(byte[] data) {
        int n = Math.min(data.length, 512);
        for (int i = 0; i < n; i++) {
            int b = data[i] & 0xFF;
            boolean ok = (b >= 0x20 && b < 0x7F) || b == '\r' || b == '\n' || b == '\t'
                    || b >= 0xC2 && b <= 0xF4 && i + 1 < data.length
                    && (data[i + 1] & 0xC0) == 0x80 || (b & 0xC0) == 0x80 && i > 0
                    && (data[i - 1] & 0x80) != 0;
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static boolean startsWith(byte[] data, int... prefix) {
        if (data.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((data[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** Gathers certificates (each once, by SHA-1) and problems for one file. */
    private static final class Collector {
        private final String source;
        private String format = "unknown";
        private final Map<String, CertificateFacts> certificates = new LinkedHashMap<>();
        private final List<String> problems = new ArrayList<>();

        Collector(String source) {
            this.source = source;
        }

        void format(String name) {
            format = name;
        }

        void add(CertificateFacts facts) {
            certificates.putIfAbsent(facts.sha1(), facts);
        }

        void problem(String sentence) {
            problems.add(source + ": " + sentence + ".");
        }

        void tooLarge(long size) {
            problem(String.format(Locale.ROOT, "is %.1f MiB, larger than the %d MiB certgraph"
                    + " reads; certificate files are far smaller, so check that this is the right"
                    + " file", size / (1024.0 * 1024.0), MAX_FILE_SIZE / (1024 * 1024)));
        }

        void unrecognised(byte[] data) {
            List<String> bytes = new ArrayList<>();
            for (int i = 0; i < Math.min(data.length, 8); i++) {
                bytes.add(String.format(Locale.ROOT, "%02X", data[i] & 0xFF));
            }
            String more = data.length > 8 ? " …" : "";
            problem("not a certificate file (format not recognised: starts with bytes "
                    + String.join(" ", bytes) + more + "); " + FORMATS);
        }

        ReadResult result() {
            return new ReadResult(source, format, new ArrayList<>(certificates.values()),
                    problems);
        }
    }
}
