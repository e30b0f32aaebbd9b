package org.certgraph.core;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

import org.certgraph.cert.SignatureHash;

/** Which certificates a listing shows; a null field does not filter. */
public record CertificateFilter(
        SignatureHash signatureHash,
        Boolean isCA,
        Boolean selfSigned,
        Instant expiresBefore,
        String subjectContains,
        String trustedBy,
        String issuedBy) {

    public static final CertificateFilter ALL =
            new CertificateFilter(null, null, null, null, null, null, null);

    public CertificateFilter withIssuedBy(String sha1) {
        return new CertificateFilter(signatureHash, isCA, selfSigned, expiresBefore,
                subjectContains, trustedBy, sha1);
    }

    public CertificateFilter withTrustedBy(String trustListId) {
        return new CertificateFilter(signatureHash, isCA, selfSigned, expiresBefore,
                subjectContains, trustListId, issuedBy);
    }

    Map<String, Object> parameters() {
        Map<String, Object> p = new HashMap<>();
        p.put("signatureHash", signatureHash == null ? null : signatureHash.name());
        p.put("isCA", isCA);
        p.put("selfSigned", selfSigned);
        p.put("expiresBefore", expiresBefore == null ? null : expiresBefore.atOffset(ZoneOffset.UTC));
        p.put("subjectContains", subjectContains);
        p.put("trustedBy", trustedBy);
        p.put("issuedBy", issuedBy);
        return p;
    }
}
