-- A material can be edited (updated_at) and withdrawn (撤回): a withdrawn material leaves the lists of those
-- who have not completed it and cannot be assigned again; the completions earned before keep their points.
alter table learning_material add column updated_at timestamp with time zone;
alter table learning_material add column withdrawn_at timestamp with time zone;
alter table learning_material add column withdrawn_by varchar(100);
