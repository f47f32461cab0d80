-- A LIKE 'prefix%' match uses a btree index only with pattern ops under a non-C collation.
create index org_path_pattern_idx on org (path varchar_pattern_ops);
create index person_name_pinyin_pattern_idx on person (name_pinyin varchar_pattern_ops);
create index person_name_initials_pattern_idx on person (name_initials varchar_pattern_ops);
create index person_name_pattern_idx on person (name varchar_pattern_ops);
create index person_mobile_reversed_pattern_idx on person (mobile_reversed varchar_pattern_ops);
