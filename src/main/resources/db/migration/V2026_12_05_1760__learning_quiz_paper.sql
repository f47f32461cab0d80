-- A competition's paper is drawn at random per attempt (draw_* per type, optionally only questions
-- tagged draw_tag) or fixed: the questions listed in quiz_paper_question, every attempt gets all of
-- them (their order and options shuffled per attempt). For a fixed paper the draw_* columns hold the
-- number of listed questions per type.
alter table quiz add column draw_tag varchar(20);
alter table quiz add column fixed_paper boolean default false not null;

create table quiz_paper_question (
    quiz_id     bigint  not null references quiz (id),
    question_id bigint  not null references quiz_question (id),
    position    integer not null,
    constraint quiz_paper_question_pk primary key (quiz_id, question_id),
    constraint quiz_paper_question_position_uk unique (quiz_id, position)
);
create index quiz_paper_question_question_idx on quiz_paper_question (question_id);
