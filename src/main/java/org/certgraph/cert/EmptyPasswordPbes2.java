package org.certgraph.cert;

import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.ContentInfo;
import org.bouncycastle.asn1.pkcs.EncryptedData;
import org.bouncycastle.asn1.pkcs.EncryptionScheme;
import org.bouncycastle.asn1.pkcs.PBES2Parameters;
import org.bouncycastle.asn1.pkcs.PBKDF2Params;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.SafeBag;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.digests.SHA1Digest;
import org.bouncycastle.crypto.digests.SHA224Digest;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.digests.SHA384Digest;
import org.bouncycastle.crypto.digests.SHA512Digest;
import org.bouncycastle.crypto.generators.PKCS5S2ParametersGenerator;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.pkcs.PKCS12SafeBag;

/**
 * Decrypts a PKCS#12 encrypted-data part protected by PBES2 (PBKDF2 with AES-CBC) and an empty
 * password, which Bouncy Castle's PKCS#12 decryptors refuse. Only certificate containers are
 * passed here; shrouded keys are never decrypted.
 */
final class EmptyPasswordPbes2 {

    private static final Map<ASN1ObjectIdentifier, Integer> AES_KEY_BYTES = Map.of(
            NISTObjectIdentifiers.id_aes128_CBC, 16,
            NISTObjectIdentifiers.id_aes192_CBC, 24,
            NISTObjectIdentifiers.id_aes256_CBC, 32);

    private EmptyPasswordPbes2() {
    }

    /** The bags in {@code info}, or null when it is not PBES2 with AES-CBC. */
    static PKCS12SafeBag[] decrypt(ContentInfo info) throws Exception {
        EncryptedData data = EncryptedData.getInstance(info.getContent());
        AlgorithmIdentifier algorithm = data.getEncryptionAlgorithm();
        if (!PKCSObjectIdentifiers.id_PBES2.equals(algorithm.getAlgorithm())) {
            return null;
        }
        PBES2Parameters params = PBES2Parameters.getInstance(algorithm.getParameters());
        if (!PKCSObjectIdentifiers.id_PBKDF2.equals(
                params.getKeyDerivationFunc().getAlgorithm())) {
            return null;
        }
        PBKDF2Params kdf = PBKDF2Params.getInstance(params.getKeyDerivationFunc().getParameters());
        EncryptionScheme scheme = params.getEncryptionScheme();
        Integer keyBytes = AES_KEY_BYTES.get(scheme.getAlgorithm());
        Digest prf = prf(kdf.getPrf().getAlgorithm());
        if (keyBytes == null || prf == null) {
            return null;
        }
        PKCS5S2ParametersGenerator generator = new PKCS5S2ParametersGenerator(prf);
        generator.init(new byte[0], kdf.getSalt(), kdf.getIterationCount().intValue());
        byte[] key = ((KeyParameter) generator.generateDerivedParameters(keyBytes * 8)).getKey();
        byte[] iv = ASN1OctetString.getInstance(scheme.getParameters()).getOctets();
        Cipher cipher = Cipher.getInstance("AES/CBC/PKCS5Padding");
        cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(iv));
        byte[] plain = cipher.doFinal(data.getContent().getOctets());
        ASN1Sequence bags = ASN1Sequence.getInstance(plain);
        PKCS12SafeBag[] result = new PKCS12SafeBag[bags.size()];
        for (int i = 0; i < result.length; i++) {
            result[i] = new PKCS12SafeBag(SafeBag.getInstance(bags.getObjectAt(i)));
        }
        return result;
    }

    private static Digest prf(ASN1ObjectIdentifier hmac) {
        if (PKCSObjectIdentifiers.id_hmacWithSHA1.equals(hmac)) {
            return new SHA1Digest();
        } else if (PKCSObjectIdentifiers.id_hmacWithSHA224.equals(hmac)) {
            return new SHA224Digest();
        } else if (PKCSObjectIdentifiers.id_hmacWithSHA256.equals(hmac)) {
            return new SHA256Digest();
        } else if (PKCSObjectIdentifiers.id_hmacWithSHA384.equals(hmac)) {
            return new SHA384Digest();
        } else if (PKCSObjectIdentifiers.id_hmacWithSHA512.equals(hmac)) {
            return new SHA512Digest();
        }
        return null;
    }
}
