-- Communes+ — database roles and database, run once per server by a DBA as a superuser
-- (or the managed service's admin role). Idempotent: running it again fixes drifted attributes,
-- rotates the passwords to the values given, and changes nothing else.
--
--   psql "postgres://postgres@db.example.org/postgres" \
--        -v owner_password="$COMMUNES_OWNER_PASSWORD" \
--        -v app_password="$COMMUNES_APP_PASSWORD" \
--        [-v dbname=communes] \
--        -f deploy/database/roles.sql
--
-- Two roles (DESIGN.md "Tenancy: two locks"):
--   communes_owner  owns the database, the schema objects and runs migrations (`npm run db:migrate`,
--                   DATABASE_OWNER_URL). FORCE ROW LEVEL SECURITY makes it obey RLS as well.
--   communes_app    what the API connects as (DATABASE_URL): not superuser, not owner of anything,
--                   not BYPASSRLS, so row-level security always applies. Its table privileges are
--                   granted by the migrations, not here.
-- Passwords come from psql variables only; nothing secret is written in this file.
-- Needs psql 10 or later (\if, :{?var}).

\set ON_ERROR_STOP on
\set QUIET on

\if :{?owner_password}
\else
  do $$ begin raise exception 'roles.sql: pass the owner role password with -v owner_password=...'; end $$;
\endif
\if :{?app_password}
\else
  do $$ begin raise exception 'roles.sql: pass the application role password with -v app_password=...'; end $$;
\endif
\if :{?dbname}
\else
  \set dbname communes
\endif

-- Refuse empty or short passwords (an empty PASSWORD silently clears it) and two equal ones.
select length(:'owner_password') >= 16
   and length(:'app_password') >= 16
   and :'owner_password' <> :'app_password' as passwords_ok \gset
\if :passwords_ok
\else
  do $$ begin raise exception 'owner_password and app_password must differ and have at least 16 characters'; end $$;
\endif

-- Roles: created when missing, then their attributes are (re)asserted in every run.
do $$
begin
  if not exists (select from pg_catalog.pg_roles where rolname = 'communes_owner') then
    create role communes_owner login;
  end if;
  if not exists (select from pg_catalog.pg_roles where rolname = 'communes_app') then
    create role communes_app login;
  end if;
end
$$;

-- psql substitutes :'var' as a quoted literal outside dollar-quoted bodies, hence outside the DO block.
alter role communes_owner with login nosuperuser nobypassrls nocreatedb nocreaterole noreplication
  password :'owner_password';
alter role communes_app with login nosuperuser nobypassrls nocreatedb nocreaterole noreplication
  password :'app_password';

-- The application role must never be able to act as the owner.
do $$
begin
  if exists (
    select from pg_catalog.pg_auth_members m
    join pg_catalog.pg_roles r on r.oid = m.roleid
    join pg_catalog.pg_roles u on u.oid = m.member
    where u.rolname = 'communes_app' and r.rolname = 'communes_owner'
  ) then
    revoke communes_owner from communes_app;
  end if;
end
$$;

-- The database (CREATE DATABASE cannot run inside a DO block or a transaction: \gexec it).
select format('create database %I owner communes_owner encoding %L template template0', :'dbname', 'UTF8')
where not exists (select from pg_catalog.pg_database where datname = :'dbname') \gexec
alter database :"dbname" owner to communes_owner;
revoke all on database :"dbname" from public;
grant connect on database :"dbname" to communes_app;

-- Inside the database: extensions (some managed servers allow them only to their admin role)
-- and a public schema where only the owner creates objects.
\connect :"dbname"
create extension if not exists citext;
create extension if not exists unaccent;
create extension if not exists pg_trgm;
revoke create on schema public from public;
grant usage, create on schema public to communes_owner;

\echo 'roles.sql: communes_owner and communes_app ready; database' :"dbname" 'owned by communes_owner.'
\echo 'Next: npm run db:migrate with DATABASE_OWNER_URL pointing at communes_owner.'
