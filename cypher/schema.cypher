// Constraints and indexes, applied at every start; each statement is idempotent.
// params: none
// returns: nothing
CREATE CONSTRAINT certificate_sha1 IF NOT EXISTS
FOR (c:Certificate) REQUIRE c.sha1 IS UNIQUE;
CREATE CONSTRAINT trust_list_id IF NOT EXISTS
FOR (t:TrustList) REQUIRE t.id IS UNIQUE;
CREATE INDEX certificate_subject_key_id IF NOT EXISTS
FOR (c:Certificate) ON (c.subjectKeyId);
CREATE INDEX certificate_authority_key_id IF NOT EXISTS
FOR (c:Certificate) ON (c.authorityKeyId);
CREATE INDEX certificate_subject_key IF NOT EXISTS
FOR (c:Certificate) ON (c.subjectKey);
CREATE INDEX certificate_issuer_key IF NOT EXISTS
FOR (c:Certificate) ON (c.issuerKey);
CREATE INDEX certificate_sha256 IF NOT EXISTS
FOR (c:Certificate) ON (c.sha256);
CREATE INDEX certificate_not_after IF NOT EXISTS
FOR (c:Certificate) ON (c.notAfter);
CREATE INDEX certificate_signature_hash IF NOT EXISTS
FOR (c:Certificate) ON (c.signatureHash);
