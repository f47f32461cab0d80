-- The time step of the last accepted TOTP code: a code is good once, not for its whole window.
alter table account add column totp_last_step bigint;
