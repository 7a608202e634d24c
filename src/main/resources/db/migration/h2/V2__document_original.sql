create table document_original (
    document_id bigint primary key references document (id),
    file_name   varchar(500) not null,
    content     blob not null
);
