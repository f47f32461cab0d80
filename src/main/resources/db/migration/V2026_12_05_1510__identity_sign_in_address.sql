-- Failed sign-ins per client address in the current window, shared by every node (it lived in one
-- node's memory: an attacker spread over two nodes got the limit twice).
create table sign_in_address (
    address      varchar(64) primary key,
    window_start timestamp with time zone not null,
    used         integer not null check (used >= 0)
);
create index sign_in_address_window on sign_in_address (window_start);
