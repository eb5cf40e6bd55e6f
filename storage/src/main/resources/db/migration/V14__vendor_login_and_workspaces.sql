-- Issue 13: vendor users log in with a password (failures counted, repeated failures lock), and one
-- billing-center account's many workspaces may be bound to the same marketplace instance, which
-- names the one it opens.

-- Many workspaces per instance: the one-workspace-per-instance rule goes. A workspace is still
-- bound to at most one instance, and never re-bound (no statement clears or changes instance_id).
alter table workspaces drop constraint if exists workspaces_instance_id_key;
create index workspaces_by_instance on workspaces (instance_id) where instance_id is not null;
-- The target of the instance's (open_workspace_id, instance_id) reference below.
alter table workspaces add constraint workspaces_workspace_instance unique (workspace_id, instance_id);
create index workspaces_by_owner on workspaces (owner_vendor_user_id, create_time, workspace_id);

-- The workspace the instance opens: the one bound or chosen (OpenWorkspace, LogIn) last. It is
-- always one of the instance's own workspaces; null while none is bound.
alter table marketplace_instances add column open_workspace_id text;
alter table marketplace_instances add column open_time timestamptz;
alter table marketplace_instances add constraint marketplace_instances_open_workspace
  foreign key (open_workspace_id, instance_id) references workspaces (workspace_id, instance_id);
alter table marketplace_instances add constraint marketplace_instances_open_time
  check ((open_workspace_id is null) = (open_time is null));

update marketplace_instances i
   set open_workspace_id = w.workspace_id, open_time = w.bind_time
  from workspaces w
 where w.instance_id = i.instance_id;

create index billing_accounts_by_owner on billing_accounts (owner_vendor_user_id);

-- Failed log-ins, per vendor user ('vus-...') or, for a name that is no user, per HMAC of the name
-- (so an unknown name locks exactly as a real one and no typed name is stored). failures counts
-- the failures since last_failure_time - lock duration; locked_until set and in the future =
-- every attempt is refused. A successful log-in deletes the row.
create table login_attempts (
  login_key         text primary key,
  failures          integer not null check (failures >= 0),
  last_failure_time timestamptz,
  locked_until      timestamptz
);

create index login_attempts_stale on login_attempts (last_failure_time);
