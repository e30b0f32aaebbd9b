// Constraints and indexes, applied at every start; each statement is idempotent.
// Certificates are indexed only where a query starts from them: issuers are found in memory
// (IssuerIndex) and children by their authority key id or issuer name, so the subject key id,
// subject name and signature hash of a million leaves are not indexed; graphs made by earlier
// versions lose those indexes here.
// params: none
// returns: nothing
CREATE CONSTRAINT certificate_sha1 IF NOT EXISTS
FOR (c:Certificate) REQUIRE c.sha1 IS UNIQUE;
CREATE CONSTRAINT trust_list_id IF NOT EXISTS
FOR (t:TrustList) REQUIRE t.id IS UNIQUE;
CREATE CONSTRAINT authority_name IF NOT EXISTS
FOR (n:Authority) REQUIRE n.name IS UNIQUE;
CREATE CONSTRAINT template_name IF NOT EXISTS
FOR (n:Template) REQUIRE n.name IS UNIQUE;
CREATE CONSTRAINT server_fqdn IF NOT EXISTS
FOR (n:Server) REQUIRE n.fqdn IS UNIQUE;
CREATE CONSTRAINT pool_fqdn IF NOT EXISTS
FOR (n:Pool) REQUIRE n.fqdn IS UNIQUE;
CREATE CONSTRAINT service_id IF NOT EXISTS
FOR (n:Service) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT handset_id IF NOT EXISTS
FOR (n:Handset) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT handset_model_id IF NOT EXISTS
FOR (n:HandsetModel) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT firmware_id IF NOT EXISTS
FOR (n:Firmware) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT platform_id IF NOT EXISTS
FOR (n:Platform) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT source_import_id IF NOT EXISTS
FOR (n:SourceImport) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT site_knowledge_id IF NOT EXISTS
FOR (n:SiteKnowledge) REQUIRE n.id IS UNIQUE;
CREATE INDEX template_oid IF NOT EXISTS
FOR (n:Template) ON (n.oid);
CREATE INDEX certificate_authority_key_id IF NOT EXISTS
FOR (c:Certificate) ON (c.authorityKeyId);
CREATE INDEX certificate_issuer_key IF NOT EXISTS
FOR (c:Certificate) ON (c.issuerKey);
CREATE INDEX certificate_sha256 IF NOT EXISTS
FOR (c:Certificate) ON (c.sha256);
CREATE INDEX certificate_not_after IF NOT EXISTS
FOR (c:Certificate) ON (c.notAfter);
DROP INDEX certificate_subject_key_id IF EXISTS;
DROP INDEX certificate_subject_key IF EXISTS;
DROP INDEX certificate_signature_hash IF EXISTS;
