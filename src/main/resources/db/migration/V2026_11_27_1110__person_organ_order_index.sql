-- The people of one organ in list order: a union admin's list is one index range.
create index person_organ_pinyin_idx on person (organ_id, name_pinyin);
