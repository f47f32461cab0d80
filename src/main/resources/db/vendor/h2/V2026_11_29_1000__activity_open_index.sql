-- H2 has no partial indexes; PostgreSQL gets one on end_at for the published activities.
create index activity_open_end_idx on activity (status, end_at);
