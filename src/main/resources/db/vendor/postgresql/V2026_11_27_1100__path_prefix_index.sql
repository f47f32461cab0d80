-- Under a non-C collation a btree index serves neither LIKE 'prefix%' nor a byte-wise order.
-- These columns hold only ASCII (paths, pinyin, digits), so the C collation costs nothing and lets
-- one plain index serve both the prefix match and the ORDER BY.
alter table org alter column path type varchar(400) collate "C";
alter table person alter column name_pinyin type varchar(300) collate "C";
alter table person alter column name_initials type varchar(50) collate "C";
alter table person alter column mobile_reversed type varchar(11) collate "C";
create index person_name_pattern_idx on person (name varchar_pattern_ops);
