-- Versions are history: the database refuses to change or remove them (see AppendOnlyVersions).
create trigger segment_version_no_update before update on segment_version
    for each row call 'org.postedit.workbench.review.db.AppendOnlyVersions';
create trigger segment_version_no_delete before delete on segment_version
    for each row call 'org.postedit.workbench.review.db.AppendOnlyVersions';
