-- The member's list of open activities reads only the published ones that have not ended: a
-- partial index keeps that to the few hundred rows ahead instead of every activity ever held.
create index activity_open_end_idx on activity (end_at) where status = 'PUBLISHED';
