-- Until the layout's parameters were renamed, the 报送信息 form pre-filled its 标题 with the layout's
-- own <title …>报送信息</title> markup, and items were saved with it. Strip that element; what the
-- officer typed around it stays. An item whose title was nothing but the markup keeps the form's
-- name, 报送信息, as its title (the column may not be empty). Runs on H2 and PostgreSQL alike
-- (H2 replaces every match, PostgreSQL the first; a title held the markup once).
update info_report
   set title = coalesce(nullif(trim(regexp_replace(title, '<title[^>]*>[^<]*</title>', '')), ''), '报送信息')
 where title like '%<title%</title>%';
