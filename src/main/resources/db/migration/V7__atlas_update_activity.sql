-- When a user last completed a step of an update, and when an idle update was last reminded:
-- an update with no step completed for 14 days reminds its editor, after 60 idle days it is
-- abandoned (see AtlasUpdateFollowUp). Completing a step starts the count again.
alter table atlas_draft add column last_activity_at timestamp;
alter table atlas_draft add column last_activity_by varchar(64);
alter table atlas_draft add column reminded_at timestamp;
update atlas_draft set last_activity_at = updated_at, last_activity_by = updated_by;
alter table atlas_draft alter column last_activity_at set not null;
alter table atlas_draft alter column last_activity_by set not null;
create index atlas_draft_idle on atlas_draft (status, last_activity_at);
