-- Account requests: the data of the AccountRequest process (the process only holds their id).
create table account_request (
  id                         varchar(36)   not null primary key,
  status                     varchar(20)   not null,
  local_authority_id         varchar(40),
  unlisted_name              varchar(200),
  unlisted_type              varchar(30),
  unlisted_department_code   varchar(3),
  civility                   varchar(10)   not null,
  last_name                  varchar(100)  not null,
  first_name                 varchar(100)  not null,
  job_function               varchar(150)  not null,
  email                      varchar(254)  not null,
  phone                      varchar(30),
  username                   varchar(30)   not null,
  -- Engine-compatible hash and salt of the chosen password; erased once the account is opened,
  -- rejected or expired. Never a process variable.
  password_hash              varchar(200),
  password_salt              varchar(100),
  rejection_motive           varchar(2000),
  reviewed_by                varchar(64),
  reviewed_at                timestamp,
  -- SHA-256 of the activation token; the token itself is only in the mail.
  activation_token_hash      varchar(64),
  activation_expires_at      timestamp,
  activated_at               timestamp,
  created_at                 timestamp     not null
);
create index account_request_username on account_request (username);
create index account_request_email on account_request (email);
create unique index account_request_token on account_request (activation_token_hash);

-- Mails already sent, by idempotence key (process instance + step): a retried step never sends twice.
create table sent_mail (
  mail_key    varchar(200) not null primary key,
  recipient   varchar(254) not null,
  subject     varchar(300) not null,
  sent_at     timestamp    not null
);
