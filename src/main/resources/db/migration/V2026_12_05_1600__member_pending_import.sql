-- An Excel file of people between its check (the preview) and the admin's confirmation. It lived in
-- a temporary file of the node that checked it, so only that node could confirm; as a row every node
-- behind the load balancer sees it, and the confirming transaction locks, imports and deletes it in one
-- commit. Rows nobody confirmed are deleted by a scheduled job after quntuan.import.pending-lifetime.
-- No foreign key to account: the row is short-lived and member names no identity table.
create table member_pending_import (
    token      varchar(64) primary key,
    account_id bigint not null,
    file_name  varchar(255),
    content    bytea not null,
    created_at timestamp with time zone not null
);
create index member_pending_import_created on member_pending_import (created_at);
