-- The Base32 secret of an enrolled TOTP second factor (null: none); when an account was last
-- disabled, so that a session signed in before then stays dead after a re-enable.
alter table account add column totp_secret varchar(64);
alter table account add column disabled_at timestamp with time zone;
-- Wrong dynamic codes in a row: counted apart from wrong passwords, since a right password resets those.
alter table account add column totp_failures integer not null default 0;
