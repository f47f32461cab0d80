-- Where the event happened: the materialized path of the organization it concerns, as it was at
-- the time (a snapshot, so a later move of the organization does not rewrite the log). Org admins
-- see the events below their grants; null (an unknown user's sign-in, a refused request) only the
-- federation admin and the actor. Still append-only: nothing updates or deletes a row.
alter table audit_event add column org_path varchar(400);
create index audit_event_type_time_idx on audit_event (type, occurred_at);
create index audit_event_actor_time_idx on audit_event (actor, occurred_at);
