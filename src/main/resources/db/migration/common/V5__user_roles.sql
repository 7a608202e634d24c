-- A user may hold several roles (a reviewer who also keeps the glossary, an approver who also translates).
create table user_role (
    user_id bigint      not null references app_user (id),
    role    varchar(20) not null,
    primary key (user_id, role)
);
insert into user_role (user_id, role) select id, role from app_user;
alter table app_user drop column role;
