-- The official referential of collectivités (COG, Etalab), plus collectivités added by the DAECT.
create table local_authority (
  id               varchar(40)  not null primary key,
  type             varchar(30)  not null,
  nature           varchar(10),
  code             varchar(20),
  name             varchar(200) not null,
  department_code  varchar(3),
  region_code      varchar(3),
  postal_codes     varchar(4000),
  siren            varchar(9),
  population       integer,
  added_by_daect   boolean      not null default false
);
create index local_authority_type on local_authority (type);
create index local_authority_department on local_authority (department_code);

-- Which version of the committed referential file has been loaded.
create table referential_load (
  dataset      varchar(100) not null primary key,
  loaded_at    timestamp    not null,
  entry_count  integer      not null
);
