-- The documents of a published version of a collectivité's Atlas: the compte-rendu (PDF report of
-- the update that published it) and the attestation « Atlas à jour » (PDF, with a verification
-- code). Written once, after the publication, never changed: downloaded again later they are the
-- same bytes, which their SHA-256 proves.
create table atlas_document (
  id                  varchar(36)   not null primary key,
  version_id          varchar(36)   not null references atlas_version (id),
  kind                varchar(20)   not null,
  content             bytea         not null,
  sha256              varchar(64)   not null,
  created_at          timestamp     not null,
  -- The attestation's code, typed on /verification; null for a compte-rendu.
  verification_code   varchar(20),
  constraint atlas_document_version_kind unique (version_id, kind),
  constraint atlas_document_verification_code unique (verification_code)
);
