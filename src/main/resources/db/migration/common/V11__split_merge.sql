-- Portable SQL (H2 and PostgreSQL): reviewers split and merge segments (issue 6, see docs/split-merge.md).

-- The key of the file's segment whose text this segment holds, when that is not its own segment_key: the second
-- part of a split gets a new segment_key (unique in its unit, for XLIFF ids) but still rebuilds the file's
-- segment it came from. Null for every imported segment.
alter table segment add column file_segment_key varchar(100);

-- A merge retires the absorbed segment instead of deleting it (its versions are append-only, so it cannot be
-- deleted): merged_into names the survivor and the ordinal leaves 1..n (it becomes minus the id), so every query
-- that lists a document's segments by ordinal, and the unique (document, ordinal) key, ignore it.
alter table segment add column merged_into bigint;
alter table segment add constraint segment_merged_into foreign key (merged_into) references segment (id);
