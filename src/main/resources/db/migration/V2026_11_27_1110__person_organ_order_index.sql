-- The active people of one organ in list order: a union admin's list is one index range, and a
-- group's head count an index-only scan.
create index person_organ_active_pinyin_idx on person (organ_id, active, name_pinyin);
