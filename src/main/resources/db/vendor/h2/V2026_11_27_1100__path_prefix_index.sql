-- H2 uses the plain index on org.path for LIKE 'prefix%'; nothing more is needed.
select 1;
