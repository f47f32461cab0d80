-- H2 has no partial indexes; PostgreSQL gets one on the pending deliveries only.
create index notification_pending_idx on notification (status);
