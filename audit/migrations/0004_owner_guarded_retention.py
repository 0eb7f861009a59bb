"""Guarantees that hold against the application's own (non-owner) database role.

1. Retention deletes only through `audit_retention_delete(org, to_seq)`, a SECURITY
   DEFINER function owned by the role that runs migrations (the runtime role gets
   EXECUTE only). The append-only trigger lets a DELETE through only when the call
   stack (PG_CONTEXT) shows it is that function's own DELETE, called directly: no
   session setting (`vouch.audit_retention` no longer means anything) opens it. The
   function deletes only the oldest contiguous run, only events older than the
   organisation's retention period (never under 30 days), and only after a
   `retention` event that names exactly those rows was appended.
2. The chain head (audit_auditchain) moves only forward, to the newest event's hash,
   and is never deleted; a new event must extend the head (seq + 1, prev = head hash).

PostgreSQL only; on SQLite (the embedded try-out database) nothing changes.
"""

from django.db import migrations

PG_UP = r"""
CREATE OR REPLACE FUNCTION audit_event_append_only() RETURNS trigger AS $$
DECLARE
    v_context text;
BEGIN
    IF TG_OP = 'DELETE' THEN
        -- Only the DELETE inside audit_retention_delete, called directly by a client,
        -- gets through: the call stack says so, and no session setting can change it.
        GET DIAGNOSTICS v_context = PG_CONTEXT;
        IF v_context ~ ('\nSQL statement "DELETE FROM audit_auditevent WHERE organisation_id = '
                        'p_org AND seq <= p_to_seq"\nPL/pgSQL function '
                        'audit_retention_delete\(bigint,bigint\) line [0-9]+ at SQL statement$') THEN
            RETURN OLD;
        END IF;
    END IF;
    RAISE EXCEPTION 'audit_auditevent is append-only: % rejected', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;

CREATE OR REPLACE FUNCTION audit_retention_delete(p_org bigint, p_to_seq bigint)
RETURNS bigint
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path FROM CURRENT
AS $$
DECLARE
    v_days integer;
    v_cutoff timestamptz;
    v_first bigint;
    v_last_hash text;
    v_deleted bigint;
BEGIN
    PERFORM 1 FROM audit_auditchain WHERE organisation_id = p_org FOR UPDATE;
    SELECT retention_days INTO v_days FROM audit_auditsettings WHERE organisation_id = p_org;
    IF v_days IS NULL THEN
        RAISE EXCEPTION 'organisation % keeps its audit log forever', p_org
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    v_cutoff := clock_timestamp() - make_interval(days => greatest(v_days, 30));
    SELECT min(seq) INTO v_first FROM audit_auditevent WHERE organisation_id = p_org;
    IF v_first IS NULL OR p_to_seq < v_first THEN
        RETURN 0;
    END IF;
    IF EXISTS (
        SELECT 1 FROM audit_auditevent
        WHERE organisation_id = p_org AND seq BETWEEN v_first AND p_to_seq
          AND created_at >= v_cutoff
    ) THEN
        RAISE EXCEPTION 'audit events up to seq % are not older than % days', p_to_seq, v_days
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    SELECT hash INTO v_last_hash FROM audit_auditevent
        WHERE organisation_id = p_org AND seq = p_to_seq;
    IF v_last_hash IS NULL OR NOT EXISTS (
        SELECT 1 FROM audit_auditevent
        WHERE organisation_id = p_org AND seq > p_to_seq AND action = 'retention'
          AND data ->> 'to_seq' = p_to_seq::text
          AND data ->> 'from_seq' = v_first::text
          AND data ->> 'last_removed_hash' = v_last_hash
    ) THEN
        RAISE EXCEPTION 'no retention event records the removal of seq %–%', v_first, p_to_seq
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    DELETE FROM audit_auditevent WHERE organisation_id = p_org AND seq <= p_to_seq;
    GET DIAGNOSTICS v_deleted = ROW_COUNT;
    RETURN v_deleted;
END;
$$;

REVOKE ALL ON FUNCTION audit_retention_delete(bigint, bigint) FROM PUBLIC;

CREATE OR REPLACE FUNCTION audit_chain_forward_only() RETURNS trigger AS $$
DECLARE
    v_newest bigint;
BEGIN
    IF TG_OP = 'DELETE' THEN
        RAISE EXCEPTION 'audit_auditchain heads are never deleted'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF TG_OP = 'UPDATE' AND (NEW.organisation_id <> OLD.organisation_id
                             OR NEW.last_seq < OLD.last_seq) THEN
        RAISE EXCEPTION 'audit chain head may only move forward'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF TG_OP = 'UPDATE' AND NEW.last_seq = OLD.last_seq AND NEW.last_hash = OLD.last_hash THEN
        RETURN NEW;
    END IF;
    SELECT max(seq) INTO v_newest FROM audit_auditevent WHERE organisation_id = NEW.organisation_id;
    IF v_newest IS NULL THEN
        IF NEW.last_seq = 0 AND NEW.last_hash = repeat('0', 64) THEN
            RETURN NEW;
        END IF;
    ELSIF NEW.last_seq = v_newest AND EXISTS (
        SELECT 1 FROM audit_auditevent
        WHERE organisation_id = NEW.organisation_id AND seq = v_newest AND hash = NEW.last_hash
    ) THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'audit chain head must point at the newest event''s hash'
        USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER audit_chain_forward_only
    BEFORE INSERT OR UPDATE OR DELETE ON audit_auditchain
    FOR EACH ROW EXECUTE FUNCTION audit_chain_forward_only();

CREATE OR REPLACE FUNCTION audit_event_extends_head() RETURNS trigger AS $$
BEGIN
    IF NOT EXISTS (
        SELECT 1 FROM audit_auditchain
        WHERE organisation_id = NEW.organisation_id
          AND last_seq + 1 = NEW.seq AND last_hash = NEW.prev_hash
    ) THEN
        RAISE EXCEPTION 'an audit event must extend its chain head (seq %)', NEW.seq
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER audit_event_extends_head
    BEFORE INSERT ON audit_auditevent
    FOR EACH ROW EXECUTE FUNCTION audit_event_extends_head();
"""

PG_DOWN = r"""
DROP TRIGGER IF EXISTS audit_event_extends_head ON audit_auditevent;
DROP FUNCTION IF EXISTS audit_event_extends_head();
DROP TRIGGER IF EXISTS audit_chain_forward_only ON audit_auditchain;
DROP FUNCTION IF EXISTS audit_chain_forward_only();
CREATE OR REPLACE FUNCTION audit_event_append_only() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'DELETE' AND current_setting('vouch.audit_retention', true) = 'on' THEN
        RETURN OLD;
    END IF;
    RAISE EXCEPTION 'audit_auditevent is append-only: % rejected', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
DROP FUNCTION IF EXISTS audit_retention_delete(bigint, bigint);
"""


def _postgresql_only(sql):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(sql, params=None)

    return run


class Migration(migrations.Migration):
    dependencies = [("audit", "0003_audit_settings")]

    operations = [migrations.RunPython(_postgresql_only(PG_UP), _postgresql_only(PG_DOWN))]
