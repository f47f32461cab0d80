-- Idempotency-Key (API): a client that did not get the answer to a POST (a node died, the network
-- dropped) sends it again with the same key and gets the first answer instead of a second booking.
-- status is null while the first request runs. Rows are forgotten after a day.
create table idempotency_key (
    account_id   bigint        not null,
    idem_key     varchar(100)  not null,
    fingerprint  varchar(64)   not null,
    status       integer,
    content_type varchar(100),
    body         varchar(200000),
    created_at   timestamp with time zone not null,
    constraint idempotency_key_pk primary key (account_id, idem_key)
);
create index idempotency_key_created_idx on idempotency_key (created_at);
