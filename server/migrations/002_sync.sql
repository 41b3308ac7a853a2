-- Up Migration
-- The synced records, the team version that orders them, clients (devices) with their last applied mutation,
-- lost edits, the append-only audit, and call locks. Every table is scoped to the request's team by RLS.

CREATE TABLE team_versions (
  team_id uuid PRIMARY KEY REFERENCES teams (id),
  version bigint NOT NULL DEFAULT 0
);
-- Every team starts at version 0, whoever creates it.
CREATE FUNCTION teams_start_version() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
  BEGIN
    INSERT INTO team_versions (team_id) VALUES (NEW.id);
    RETURN NEW;
  END
  $$;
CREATE TRIGGER teams_start_version AFTER INSERT ON teams FOR EACH ROW EXECUTE FUNCTION teams_start_version();

CREATE TABLE clients (
  id uuid PRIMARY KEY,
  team_id uuid NOT NULL REFERENCES teams (id),
  user_id uuid NOT NULL REFERENCES users (id),
  device_name text NOT NULL DEFAULT '',
  last_mutation_id uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE records (
  team_id uuid NOT NULL REFERENCES teams (id),
  kind text NOT NULL,
  id text NOT NULL CHECK (length(id) BETWEEN 1 AND 64),
  data jsonb,
  deleted boolean NOT NULL DEFAULT false,
  version bigint NOT NULL,
  created_by uuid NOT NULL REFERENCES users (id),
  created_device uuid NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_by uuid NOT NULL REFERENCES users (id),
  updated_device uuid NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (team_id, kind, id),
  CHECK (deleted = (data IS NULL))
);
-- Pull walks a team's rows in (version, kind, id) order from a cookie.
CREATE INDEX records_pull ON records (team_id, version, kind, id);

CREATE TABLE conflicts (
  id bigserial PRIMARY KEY,
  team_id uuid NOT NULL REFERENCES teams (id),
  user_id uuid NOT NULL REFERENCES users (id),
  client_id uuid NOT NULL,
  mutation_id uuid NOT NULL,
  kind text NOT NULL,
  record_id text NOT NULL,
  field text NOT NULL,
  lost jsonb,
  kept jsonb,
  version bigint NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX conflicts_pull ON conflicts (team_id, user_id, version);

CREATE TABLE audit (
  id bigserial PRIMARY KEY,
  team_id uuid NOT NULL REFERENCES teams (id),
  mutation_id uuid NOT NULL,
  client_id uuid NOT NULL,
  user_id uuid NOT NULL REFERENCES users (id),
  device_name text NOT NULL,
  name text NOT NULL,
  status text NOT NULL CHECK (status IN ('applied', 'rejected')),
  reason text,
  kind text,
  record_id text,
  client_time timestamptz NOT NULL,
  server_time timestamptz NOT NULL DEFAULT clock_timestamp(),
  version bigint NOT NULL,
  before jsonb,
  after jsonb,
  -- A mutation is applied once per client: the constraint is the last guard behind the last-id check.
  UNIQUE (client_id, mutation_id)
);
CREATE INDEX audit_team ON audit (team_id, id);

CREATE FUNCTION audit_is_append_only() RETURNS trigger
  LANGUAGE plpgsql AS $$
  BEGIN
    RAISE EXCEPTION 'audit rows are append-only' USING ERRCODE = '42501';
  END
  $$;
CREATE TRIGGER audit_no_change BEFORE UPDATE OR DELETE ON audit FOR EACH ROW EXECUTE FUNCTION audit_is_append_only();
CREATE TRIGGER audit_no_truncate BEFORE TRUNCATE ON audit FOR EACH STATEMENT EXECUTE FUNCTION audit_is_append_only();

CREATE TABLE call_locks (
  team_id uuid NOT NULL REFERENCES teams (id),
  debtor_id text NOT NULL,
  user_id uuid NOT NULL REFERENCES users (id),
  client_id uuid NOT NULL,
  acquired_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  PRIMARY KEY (team_id, debtor_id)
);

-- What only a lead may write, checked by the database as well as by the server's own code, so a bug in the
-- handler or a forged request cannot publish a script or decide a plan as an agent.
CREATE FUNCTION records_guard_roles() RETURNS trigger
  LANGUAGE plpgsql AS $$
  DECLARE
    old_data jsonb := CASE WHEN TG_OP = 'UPDATE' THEN OLD.data ELSE NULL END;
  BEGIN
    IF current_user <> 'cadence_app' OR app_is_lead() THEN
      RETURN NEW;
    END IF;
    IF NEW.kind IN ('scriptVersion', 'teamSetting')
      OR (NEW.kind = 'plan' AND NEW.data ->> 'status' IS DISTINCT FROM coalesce(old_data ->> 'status', 'proposed'))
      OR (NEW.kind = 'debtor' AND NEW.data IS NOT NULL
          AND coalesce(NEW.data -> 'assignee', 'null'::jsonb) IS DISTINCT FROM coalesce(old_data -> 'assignee', 'null'::jsonb))
      OR (NEW.kind = 'promise' AND TG_OP = 'UPDATE' AND NEW.data ->> 'status' IS DISTINCT FROM old_data ->> 'status'
          AND NEW.data IS NOT NULL)
    THEN
      RAISE EXCEPTION 'only a team lead may change this % record', NEW.kind USING ERRCODE = '42501';
    END IF;
    RETURN NEW;
  END
  $$;
CREATE TRIGGER records_guard_roles BEFORE INSERT OR UPDATE ON records FOR EACH ROW EXECUTE FUNCTION records_guard_roles();

-- Push writes a mutation in one statement ending in COMMIT: a create that found its record made meanwhile by
-- another device must fail that statement (a unique violation), not commit as applied.
CREATE FUNCTION sync_written(written bigint, expected boolean) RETURNS bigint
  LANGUAGE plpgsql AS $$
  BEGIN
    IF expected AND written <> 1 THEN
      RAISE EXCEPTION 'the record was created meanwhile' USING ERRCODE = '23505';
    END IF;
    RETURN written;
  END
  $$;

ALTER TABLE team_versions ENABLE ROW LEVEL SECURITY;
ALTER TABLE clients ENABLE ROW LEVEL SECURITY;
ALTER TABLE records ENABLE ROW LEVEL SECURITY;
ALTER TABLE conflicts ENABLE ROW LEVEL SECURITY;
ALTER TABLE audit ENABLE ROW LEVEL SECURITY;
ALTER TABLE call_locks ENABLE ROW LEVEL SECURITY;

GRANT SELECT, UPDATE ON team_versions TO cadence_app;
CREATE POLICY team_versions_own ON team_versions TO cadence_app
  USING (team_id = (SELECT app_team_id())) WITH CHECK (team_id = (SELECT app_team_id()));

-- A client belongs to one user: nobody else can push or pull as it.
GRANT SELECT, INSERT, UPDATE ON clients TO cadence_app;
CREATE POLICY clients_own ON clients TO cadence_app
  USING (team_id = (SELECT app_team_id()) AND user_id = (SELECT app_user_id()))
  WITH CHECK (team_id = (SELECT app_team_id()) AND user_id = (SELECT app_user_id()));

-- Rows are never deleted by the app: a delete is a tombstone (data NULL, deleted true) that pull carries.
GRANT SELECT, INSERT, UPDATE ON records TO cadence_app;
CREATE POLICY records_team ON records TO cadence_app
  USING (team_id = (SELECT app_team_id()))
  WITH CHECK (team_id = (SELECT app_team_id()) AND updated_by = (SELECT app_user_id()));

GRANT SELECT, INSERT ON conflicts TO cadence_app;
GRANT USAGE ON SEQUENCE conflicts_id_seq TO cadence_app;
CREATE POLICY conflicts_read ON conflicts FOR SELECT TO cadence_app
  USING (team_id = (SELECT app_team_id()) AND (user_id = (SELECT app_user_id()) OR (SELECT app_is_lead())));
CREATE POLICY conflicts_write ON conflicts FOR INSERT TO cadence_app
  WITH CHECK (team_id = (SELECT app_team_id()) AND user_id = (SELECT app_user_id()));

-- Append-only: insert as yourself, read as the team's admin; no UPDATE or DELETE grant (and the trigger).
GRANT SELECT, INSERT ON audit TO cadence_app;
GRANT USAGE ON SEQUENCE audit_id_seq TO cadence_app;
CREATE POLICY audit_admin_read ON audit FOR SELECT TO cadence_app
  USING (team_id = (SELECT app_team_id()) AND (SELECT app_user_role()) = 'admin');
CREATE POLICY audit_write ON audit FOR INSERT TO cadence_app
  WITH CHECK (team_id = (SELECT app_team_id()) AND user_id = (SELECT app_user_id()));

GRANT SELECT, INSERT, UPDATE, DELETE ON call_locks TO cadence_app;
CREATE POLICY call_locks_read ON call_locks FOR SELECT TO cadence_app USING (team_id = (SELECT app_team_id()));
CREATE POLICY call_locks_take ON call_locks FOR INSERT TO cadence_app
  WITH CHECK (team_id = (SELECT app_team_id()) AND user_id = (SELECT app_user_id()));
-- A lock can be taken over only once it expired, or renewed by its holder.
CREATE POLICY call_locks_renew ON call_locks FOR UPDATE TO cadence_app
  USING (team_id = (SELECT app_team_id()) AND (user_id = (SELECT app_user_id()) OR expires_at < now()))
  WITH CHECK (team_id = (SELECT app_team_id()) AND user_id = (SELECT app_user_id()));
CREATE POLICY call_locks_release ON call_locks FOR DELETE TO cadence_app
  USING (team_id = (SELECT app_team_id()) AND (user_id = (SELECT app_user_id()) OR expires_at < now()));

-- Down Migration
DROP TABLE call_locks, audit, conflicts, records, clients, team_versions CASCADE;
DROP FUNCTION IF EXISTS records_guard_roles, audit_is_append_only, teams_start_version, sync_written;
