-- Uniqueness of account requests as a database guarantee (concurrent identical requests give one
-- 202 and 409 for the others): an identifiant is claimed, case-insensitively, by an open or
-- activated request; an e-mail address by an open request. A closed request (rejected, expired,
-- cancelled) releases what it claimed. NULLs do not collide, in PostgreSQL as in H2.
alter table account_request add column claimed_username varchar(30);
alter table account_request add column claimed_email varchar(254);

-- Existing rows: the oldest request keeps the claim; later duplicates stay as they are, unclaimed.
update account_request r set claimed_username = lower(r.username)
 where r.status in ('PENDING_REVIEW', 'APPROVED', 'ACTIVATED')
   and not exists (select 1 from account_request o
                    where lower(o.username) = lower(r.username)
                      and o.status in ('PENDING_REVIEW', 'APPROVED', 'ACTIVATED')
                      and (o.created_at < r.created_at or (o.created_at = r.created_at and o.id < r.id)));
update account_request r set claimed_email = lower(r.email)
 where r.status in ('PENDING_REVIEW', 'APPROVED')
   and not exists (select 1 from account_request o
                    where lower(o.email) = lower(r.email)
                      and o.status in ('PENDING_REVIEW', 'APPROVED')
                      and (o.created_at < r.created_at or (o.created_at = r.created_at and o.id < r.id)));

create unique index account_request_claimed_username on account_request (claimed_username);
create unique index account_request_claimed_email on account_request (claimed_email);
