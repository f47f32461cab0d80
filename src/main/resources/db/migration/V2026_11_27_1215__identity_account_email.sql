-- Where an account's notifications can be e-mailed; unknown (null) for existing accounts.
alter table account add column email varchar(200);
