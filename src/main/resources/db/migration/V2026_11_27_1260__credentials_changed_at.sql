-- When the password last changed: page sessions signed in before it end, like those of a disabled account.
alter table account add column credentials_changed_at timestamp with time zone;
