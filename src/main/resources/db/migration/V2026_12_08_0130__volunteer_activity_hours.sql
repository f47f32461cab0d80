-- Hours of a 志愿 activity: the check-out (签退) of an approved volunteer writes a claim carrying the
-- activity, measured from check-in to check-out within the activity's time; it counts once the organizer
-- (an admin who reaches the volunteer) verifies it, as every claim. One claim per activity and person.
alter table volunteer_hours add column activity_id bigint;
create unique index volunteer_hours_activity_uk on volunteer_hours (activity_id, person_id);
