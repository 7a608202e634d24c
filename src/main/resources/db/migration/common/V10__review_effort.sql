-- Portable SQL (H2 and PostgreSQL): one-step review, repetitions and post-editing effort (issue 6).

-- One-step review: reviewers approve directly (ConfirmStatus reads it).
alter table document add column one_step_review boolean not null default false;

-- Repetitions: a hash of the normalised source (of the MT in MT-only documents), written at import;
-- rows imported before this migration get theirs at start-up (document.RepetitionKeys).
alter table segment add column repetition_key varchar(64);
create index segment_repetition on segment (document_id, repetition_key);

-- Post-editing effort per segment: edit distances between the MT and the current target (written with every
-- version by ReviewService) and the time spent in the editor (accumulated across sessions).
create table segment_effort (
    segment_id     bigint  not null primary key references segment (id),
    char_edits     integer not null default 0,
    word_edits     integer not null default 0,
    mt_words       integer not null default 0,
    target_words   integer not null default 0,
    target_chars   integer not null default 0,
    editing_millis bigint  not null default 0
);
