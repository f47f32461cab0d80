-- The journal is append-only: nothing may update or delete a transaction or a line, whatever code
-- or console runs the statement. (On H2, used for development and tests, the randomised journal
-- tests check the same property from the outside.)
create function fin_refuse_change() returns trigger language plpgsql as $$
begin
    raise exception '账簿只能追加，不能修改或删除（%）', tg_table_name using errcode = 'P0001';
end
$$;
create trigger fin_txn_append_only before update or delete on fin_txn
    for each row execute function fin_refuse_change();
create trigger fin_line_append_only before update or delete on fin_line
    for each row execute function fin_refuse_change();
-- ASCII-only like org.path: the C collation lets a plain index serve the prefix match.
alter table fin_expense alter column org_path type varchar(400) collate "C";
alter table fin_audit alter column org_path type varchar(400) collate "C";
