-- Versions are history: the database refuses to change or remove them.
create function segment_version_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'segment_version is append-only: versions are never updated or deleted'
        using errcode = '45000';
end;
$$;

create trigger segment_version_no_update before update on segment_version
    for each row execute function segment_version_append_only();
create trigger segment_version_no_delete before delete on segment_version
    for each row execute function segment_version_append_only();
