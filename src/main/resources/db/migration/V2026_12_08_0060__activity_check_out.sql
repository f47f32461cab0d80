-- Check-out (签退): when a member who checked in left, from the organizer's second QR code. Volunteer
-- services count their hours from check-in to check-out.
alter table activity_registration add column checked_out_at timestamp with time zone;
