-- ASCII-only like org.path: the C collation lets a plain index serve the prefix match (LIKE '/1/7/%').
alter table audit_event alter column org_path type varchar(400) collate "C";
create index audit_event_org_path_idx on audit_event (org_path);
