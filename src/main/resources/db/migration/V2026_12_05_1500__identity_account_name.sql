-- The one piece of the account table other modules may read: who an account is, by name (e.g. who
-- recorded a voucher). Published as a view so that no module outside identity names the account
-- table itself (ModuleTablesTests); password hashes, lockout counters and the like stay inside.
create view account_name as select id, display_name from account;
