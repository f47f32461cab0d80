-- The audit log is append-only in the database too, as the journal is: no statement, from the
-- application or a console, may change or remove an event. The one exception is the operator's
-- retention purge of events older than the 180 days 等保 2.0 asks for, and only inside a transaction
-- that says so first (README, "The audit log"):
--     begin; set local quntuan.audit_purge = 'on'; delete ... where occurred_at < ...; commit;
-- A setting that is set local lasts to the end of its transaction, so it cannot leak into a pooled
-- connection's later work. (On H2, used for development and tests, AuditRetentionTests checks that
-- the application has no such statement.)
create function audit_refuse_change() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' and current_setting('quntuan.audit_purge', true) = 'on'
            and old.occurred_at < now() - interval '180 days' then
        return old;
    end if;
    raise exception '审计日志只能追加，不能修改或删除（保存期内的事件，或未声明为到期清理）' using errcode = 'P0001';
end
$$;
create trigger audit_event_append_only before update or delete on audit_event
    for each row execute function audit_refuse_change();

create function audit_refuse_truncate() returns trigger language plpgsql as $$
begin
    raise exception '审计日志只能追加，不能清空' using errcode = 'P0001';
end
$$;
create trigger audit_event_no_truncate before truncate on audit_event
    for each statement execute function audit_refuse_truncate();
