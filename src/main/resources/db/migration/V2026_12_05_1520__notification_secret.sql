-- A notification whose arguments were secret (a one-time code) is stored masked: a node that picks up
-- a delivery another node left PENDING must not send the mask, so it needs to know.
alter table notification add column secret boolean default false not null;
