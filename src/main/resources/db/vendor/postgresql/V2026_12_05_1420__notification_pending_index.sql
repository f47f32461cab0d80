-- The metrics scrape counts the deliveries still pending (quntuan_notifications_pending): a partial
-- index keeps that to the few rows waiting instead of every notification ever sent.
create index notification_pending_idx on notification (status) where status = 'PENDING';
