-- Up Migration
-- A debtor's payment-history segment override (`data.segmentOverride`) is a lead's decision, like its
-- assignment: the database refuses an agent's transaction that sets, changes or removes it, on insert as on
-- update, whatever the handler let through.

CREATE OR REPLACE FUNCTION records_guard_roles() RETURNS trigger
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
      OR (NEW.kind = 'debtor' AND NEW.data IS NOT NULL
          AND coalesce(NEW.data -> 'segmentOverride', 'null'::jsonb) IS DISTINCT FROM coalesce(old_data -> 'segmentOverride', 'null'::jsonb))
      OR (NEW.kind = 'promise' AND TG_OP = 'UPDATE' AND NEW.data ->> 'status' IS DISTINCT FROM old_data ->> 'status'
          AND NEW.data IS NOT NULL)
    THEN
      RAISE EXCEPTION 'only a team lead may change this % record', NEW.kind USING ERRCODE = '42501';
    END IF;
    RETURN NEW;
  END
  $$;

-- Down Migration
CREATE OR REPLACE FUNCTION records_guard_roles() RETURNS trigger
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
