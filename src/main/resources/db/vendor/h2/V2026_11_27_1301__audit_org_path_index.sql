create index audit_event_org_path_idx on audit_event (org_path);
