-- The Atlas of each collectivité. A publication (step 8 « Validation ») writes a new, immutable
-- version holding the whole published state as one JSON document: the published Atlas of a
-- collectivité is its version with the highest number, « what changed » is a comparison of two
-- versions, and the versions are the audit trail (who, when, which update).
create table atlas_version (
  id                  varchar(36)   not null primary key,
  local_authority_id  varchar(40)   not null,
  number              integer       not null,
  content             text          not null,
  published_at        timestamp     not null,
  published_by        varchar(64)   not null,
  -- The update (draft) published by this version; null for versions written otherwise (demo data,
  -- a correction by the DAECT). Unique: a publication retried or run twice never adds a version.
  update_id           varchar(36),
  constraint atlas_version_number unique (local_authority_id, number),
  constraint atlas_version_update unique (update_id)
);

-- The draft of one running update (process AtlasUpdate): the whole Atlas as the user is changing
-- it, on top of the version it started from. The published Atlas never changes through a draft
-- until its publication.
create table atlas_draft (
  id                  varchar(36)   not null primary key,
  local_authority_id  varchar(40)   not null,
  -- The collectivité while the draft is open, null once published or closed: one open update per
  -- collectivité, as a database guarantee (NULLs do not collide, in PostgreSQL as in H2).
  open_for            varchar(40),
  status              varchar(20)   not null,
  base_version        integer       not null,
  content             text          not null,
  process_instance_id varchar(64),
  started_by          varchar(64)   not null,
  started_at          timestamp     not null,
  updated_by          varchar(64)   not null,
  updated_at          timestamp     not null,
  published_version   integer,
  closed_at           timestamp,
  lock_version        integer       not null,
  constraint atlas_draft_open_for unique (open_for)
);
create index atlas_draft_local_authority on atlas_draft (local_authority_id);

-- Aide publique au développement: what each collectivité declared for a year (the yearly
-- declaration is a procedure of its own; the Atlas update shows these amounts read-only).
create table oda_declaration (
  id                  varchar(36)   not null primary key,
  local_authority_id  varchar(40)   not null,
  declaration_year    integer       not null,
  amount              numeric(14,2) not null,
  zero_declaration    boolean       not null,
  declared_on         date          not null,
  constraint oda_declaration_year unique (local_authority_id, declaration_year)
);
