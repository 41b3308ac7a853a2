-- Up Migration
-- Teams, users, sessions, invitations and login failures, and the role the app connects as.
-- The app role has no BYPASSRLS: every row it reads or writes goes through the policies below, keyed on the
-- user and team each request's transaction sets with set_config('app.user_id' / 'app.team_id', ..., true).

-- Roles belong to the cluster, not the database: another database of the cluster may create it at the same time.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'cadence_app') THEN
    BEGIN
      CREATE ROLE cadence_app LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
    EXCEPTION WHEN duplicate_object OR unique_violation THEN
      NULL;
    END;
  END IF;
END
$$;

CREATE TABLE teams (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE users (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  team_id uuid NOT NULL REFERENCES teams (id),
  email text NOT NULL UNIQUE CHECK (email = lower(email) AND length(email) BETWEEN 3 AND 254),
  display_name text NOT NULL CHECK (length(display_name) BETWEEN 1 AND 100),
  role text NOT NULL CHECK (role IN ('agent', 'lead', 'admin')),
  password_hash text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  disabled_at timestamptz
);
CREATE INDEX users_team ON users (team_id);

-- The cookie holds a random token; only its SHA-256 is stored, so a copy of this table opens no session.
CREATE TABLE sessions (
  token_hash bytea PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  team_id uuid NOT NULL REFERENCES teams (id),
  csrf_token text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);

CREATE TABLE invitations (
  token_hash bytea PRIMARY KEY,
  team_id uuid NOT NULL REFERENCES teams (id),
  email text NOT NULL CHECK (email = lower(email)),
  role text NOT NULL CHECK (role IN ('agent', 'lead', 'admin')),
  invited_by uuid NOT NULL REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  accepted_at timestamptz
);

CREATE TABLE login_failures (
  key text NOT NULL,
  at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX login_failures_key_at ON login_failures (key, at);

-- The request's user, only when it belongs to the request's team and is enabled: a forged team id alone
-- opens nothing. SECURITY DEFINER so policies can read users without granting the app every column.
CREATE FUNCTION app_user_id() RETURNS uuid
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT u.id FROM users u
    WHERE u.id = nullif(current_setting('app.user_id', true), '')::uuid
      AND u.team_id = nullif(current_setting('app.team_id', true), '')::uuid
      AND u.disabled_at IS NULL
  $$;
CREATE FUNCTION app_team_id() RETURNS uuid
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT u.team_id FROM users u
    WHERE u.id = nullif(current_setting('app.user_id', true), '')::uuid
      AND u.team_id = nullif(current_setting('app.team_id', true), '')::uuid
      AND u.disabled_at IS NULL
  $$;
-- The role comes from the database, never from the request.
CREATE FUNCTION app_user_role() RETURNS text
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT u.role FROM users u
    WHERE u.id = nullif(current_setting('app.user_id', true), '')::uuid
      AND u.team_id = nullif(current_setting('app.team_id', true), '')::uuid
      AND u.disabled_at IS NULL
  $$;
CREATE FUNCTION app_is_lead() RETURNS boolean
  LANGUAGE sql STABLE AS $$ SELECT coalesce(app_user_role() IN ('lead', 'admin'), false) $$;

-- Before a session exists there is no user to scope by: these narrow functions are the only way the app role
-- reaches password hashes, sessions and invitations.
CREATE FUNCTION auth_login_candidate(p_email text)
  RETURNS TABLE (user_id uuid, team_id uuid, role text, password_hash text)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT id, team_id, role, password_hash FROM users WHERE email = lower(p_email) AND disabled_at IS NULL
  $$;

CREATE FUNCTION auth_open_session(p_user uuid, p_token_hash bytea, p_csrf text, p_ttl interval) RETURNS void
  LANGUAGE sql SECURITY DEFINER SET search_path = public, pg_temp AS $$
    DELETE FROM sessions WHERE expires_at < now();
    INSERT INTO sessions (token_hash, user_id, team_id, csrf_token, expires_at)
      SELECT p_token_hash, id, team_id, p_csrf, now() + p_ttl FROM users WHERE id = p_user AND disabled_at IS NULL;
  $$;

CREATE FUNCTION auth_session(p_token_hash bytea)
  RETURNS TABLE (user_id uuid, team_id uuid, role text, csrf_token text, email text, display_name text)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT u.id, u.team_id, u.role, s.csrf_token, u.email, u.display_name
    FROM sessions s JOIN users u ON u.id = s.user_id AND u.team_id = s.team_id
    WHERE s.token_hash = p_token_hash AND s.expires_at > now() AND u.disabled_at IS NULL
  $$;

CREATE FUNCTION auth_close_session(p_token_hash bytea) RETURNS void
  LANGUAGE sql SECURITY DEFINER SET search_path = public, pg_temp AS $$
    DELETE FROM sessions WHERE token_hash = p_token_hash
  $$;

CREATE FUNCTION auth_recent_failures(p_key text, p_window interval) RETURNS integer
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT count(*)::integer FROM login_failures WHERE key = p_key AND at > now() - p_window
  $$;

CREATE FUNCTION auth_note_failure(p_keys text[]) RETURNS void
  LANGUAGE sql SECURITY DEFINER SET search_path = public, pg_temp AS $$
    DELETE FROM login_failures WHERE at < now() - interval '1 day';
    INSERT INTO login_failures (key) SELECT unnest(p_keys);
  $$;

CREATE FUNCTION auth_clear_failures(p_key text) RETURNS void
  LANGUAGE sql SECURITY DEFINER SET search_path = public, pg_temp AS $$
    DELETE FROM login_failures WHERE key = p_key
  $$;

CREATE FUNCTION auth_invitation(p_token_hash bytea) RETURNS TABLE (team_id uuid, email text, role text)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT team_id, email, role FROM invitations
    WHERE token_hash = p_token_hash AND accepted_at IS NULL AND expires_at > now()
  $$;

-- Marks the invitation used and creates its user in one statement pair; a second use finds nothing.
CREATE FUNCTION auth_accept_invitation(p_token_hash bytea, p_display_name text, p_password_hash text) RETURNS uuid
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
  DECLARE
    inv invitations;
    new_id uuid;
  BEGIN
    UPDATE invitations SET accepted_at = now()
      WHERE token_hash = p_token_hash AND accepted_at IS NULL AND expires_at > now()
      RETURNING * INTO inv;
    IF NOT FOUND THEN
      RETURN NULL;
    END IF;
    INSERT INTO users (team_id, email, display_name, role, password_hash)
      VALUES (inv.team_id, inv.email, p_display_name, inv.role, p_password_hash)
      RETURNING id INTO new_id;
    RETURN new_id;
  END
  $$;

REVOKE ALL ON FUNCTION auth_login_candidate(text), auth_open_session(uuid, bytea, text, interval), auth_session(bytea),
  auth_close_session(bytea), auth_recent_failures(text, interval), auth_note_failure(text[]), auth_clear_failures(text),
  auth_invitation(bytea), auth_accept_invitation(bytea, text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION auth_login_candidate(text), auth_open_session(uuid, bytea, text, interval), auth_session(bytea),
  auth_close_session(bytea), auth_recent_failures(text, interval), auth_note_failure(text[]), auth_clear_failures(text),
  auth_invitation(bytea), auth_accept_invitation(bytea, text, text) TO cadence_app;

GRANT USAGE ON SCHEMA public TO cadence_app;

ALTER TABLE teams ENABLE ROW LEVEL SECURITY;
GRANT SELECT ON teams TO cadence_app;
CREATE POLICY teams_own ON teams FOR SELECT TO cadence_app USING (id = (SELECT app_team_id()));

-- No password hash for the app role: column grants leave it out.
ALTER TABLE users ENABLE ROW LEVEL SECURITY;
GRANT SELECT (id, team_id, email, display_name, role, created_at, disabled_at) ON users TO cadence_app;
CREATE POLICY users_same_team ON users FOR SELECT TO cadence_app USING (team_id = (SELECT app_team_id()));

ALTER TABLE invitations ENABLE ROW LEVEL SECURITY;
GRANT SELECT (team_id, email, role, invited_by, created_at, expires_at, accepted_at), INSERT ON invitations TO cadence_app;
CREATE POLICY invitations_admin_read ON invitations FOR SELECT TO cadence_app
  USING (team_id = (SELECT app_team_id()) AND (SELECT app_user_role()) = 'admin');
CREATE POLICY invitations_admin_write ON invitations FOR INSERT TO cadence_app
  WITH CHECK (team_id = (SELECT app_team_id()) AND invited_by = (SELECT app_user_id()) AND (SELECT app_user_role()) = 'admin');

ALTER TABLE sessions ENABLE ROW LEVEL SECURITY;
ALTER TABLE login_failures ENABLE ROW LEVEL SECURITY;

-- Down Migration
DROP TABLE login_failures, invitations, sessions, users, teams CASCADE;
DROP FUNCTION IF EXISTS app_user_id, app_team_id, app_user_role, app_is_lead;
