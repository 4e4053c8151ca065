import { type Kysely, sql } from 'kysely'

// Incidents (issue 9): the seven-status lifecycle (closed = review done), customer impact, an
// immutable timeline with authors and structured details, response targets per severity,
// post-incident reviews, Alertmanager / webhook intake (one open incident per group key,
// idempotent deliveries) and the per-service "page alert opens an incident" setting.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    -- The old status checks are unnamed table constraints: drop every check that reads status.
    DO $$
    DECLARE c record;
    BEGIN
      FOR c IN SELECT conname FROM pg_constraint
        WHERE conrelid = 'incidents'::regclass AND contype = 'c'
          AND pg_get_constraintdef(oid) LIKE '%status%'
      LOOP
        EXECUTE format('ALTER TABLE incidents DROP CONSTRAINT %I', c.conname);
      END LOOP;
    END $$;
    UPDATE incidents SET status = CASE status
      WHEN 'open' THEN 'triggered' WHEN 'mitigated' THEN 'monitoring' ELSE status END;
    ALTER TABLE incidents
      ALTER COLUMN status SET DEFAULT 'triggered',
      ADD COLUMN customer_impact text NOT NULL DEFAULT '',
      ADD COLUMN closed_at timestamptz,
      ADD CONSTRAINT incidents_status_check CHECK (status IN ('triggered', 'acknowledged',
        'investigating', 'identified', 'monitoring', 'resolved', 'closed')),
      ADD CONSTRAINT incidents_resolved_check
        CHECK ((status IN ('resolved', 'closed')) = (resolved_at IS NOT NULL)),
      ADD CONSTRAINT incidents_closed_check CHECK ((status = 'closed') = (closed_at IS NOT NULL)),
      ADD CONSTRAINT incidents_mitigated_check
        CHECK (mitigated_at IS NULL OR mitigated_at >= started_at);
    DROP INDEX incidents_open_idx;
    CREATE INDEX incidents_open_idx ON incidents (severity)
      WHERE status NOT IN ('resolved', 'closed');

    -- An alert group (source, external id) has at most one open incident; once resolved, the same
    -- group firing again opens a new one.
    ALTER TABLE incidents DROP CONSTRAINT incidents_source_external_id_key;
    CREATE UNIQUE INDEX incidents_open_external_idx ON incidents (source, external_id)
      WHERE external_id IS NOT NULL AND status NOT IN ('resolved', 'closed');
    CREATE INDEX incidents_external_idx ON incidents (source, external_id)
      WHERE external_id IS NOT NULL;

    ALTER TABLE incident_events DROP CONSTRAINT incident_events_kind_check;
    ALTER TABLE incident_events
      ADD COLUMN author_user_id bigint REFERENCES users (id),
      -- What changed, for the timeline and the audit: { from, to, field, ... }.
      ADD COLUMN data jsonb NOT NULL DEFAULT '{}',
      ADD CONSTRAINT incident_events_kind_check CHECK (kind IN ('created', 'status', 'severity',
        'correction', 'note', 'alert', 'page', 'services', 'review', 'action'));
    -- The timeline is a record: events are added, never changed.
    CREATE FUNCTION incident_events_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION 'incident events cannot be changed' USING ERRCODE = 'check_violation';
    END $$;
    CREATE TRIGGER incident_events_immutable BEFORE UPDATE ON incident_events
      FOR EACH ROW EXECUTE FUNCTION incident_events_immutable();

    CREATE TABLE incident_response_targets (
      severity text PRIMARY KEY CHECK (severity IN ('SEV1', 'SEV2', 'SEV3', 'SEV4')),
      ack_minutes integer NOT NULL CHECK (ack_minutes > 0),
      resolve_minutes integer NOT NULL CHECK (resolve_minutes > 0),
      updated_at timestamptz NOT NULL DEFAULT now()
    );
    INSERT INTO incident_response_targets (severity, ack_minutes, resolve_minutes) VALUES
      ('SEV1', 5, 240), ('SEV2', 15, 480), ('SEV3', 60, 4320), ('SEV4', 1440, 14400);

    CREATE TABLE incident_reviews (
      incident_id bigint PRIMARY KEY REFERENCES incidents (id) ON DELETE CASCADE,
      root_cause text NOT NULL DEFAULT '',
      contributing_factors text NOT NULL DEFAULT '',
      went_well text NOT NULL DEFAULT '',
      lessons text NOT NULL DEFAULT '',
      completed_at timestamptz,
      updated_at timestamptz NOT NULL DEFAULT now(),
      updated_by_user_id bigint REFERENCES users (id)
    );

    ALTER TABLE incident_actions ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now();

    ALTER TABLE organisation_settings
      ADD COLUMN alertmanager_severity_label text NOT NULL DEFAULT 'severity',
      ADD COLUMN alertmanager_service_label text NOT NULL DEFAULT 'service';
    ALTER TABLE services
      ADD COLUMN open_incident_on_page boolean NOT NULL DEFAULT false;

    -- A webhook body seen before (by digest) changes nothing the second time.
    CREATE TABLE integration_deliveries (
      source text NOT NULL,
      digest text NOT NULL,
      incident_id bigint REFERENCES incidents (id) ON DELETE SET NULL,
      received_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (source, digest)
    );
  `.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    DROP TABLE integration_deliveries;
    ALTER TABLE services DROP COLUMN open_incident_on_page;
    ALTER TABLE organisation_settings DROP COLUMN alertmanager_severity_label,
      DROP COLUMN alertmanager_service_label;
    ALTER TABLE incident_actions DROP COLUMN updated_at;
    DROP TABLE incident_reviews;
    DROP TABLE incident_response_targets;
    DROP TRIGGER incident_events_immutable ON incident_events;
    DROP FUNCTION incident_events_immutable();
    ALTER TABLE incident_events DROP CONSTRAINT incident_events_kind_check;
    DELETE FROM incident_events WHERE kind NOT IN ('alert', 'status', 'note', 'page');
    ALTER TABLE incident_events DROP COLUMN author_user_id, DROP COLUMN data,
      ADD CONSTRAINT incident_events_kind_check CHECK (kind IN ('alert', 'status', 'note', 'page'));
    DROP INDEX incidents_external_idx;
    DROP INDEX incidents_open_external_idx;
    ALTER TABLE incidents ADD CONSTRAINT incidents_source_external_id_key
      UNIQUE (source, external_id);
    DROP INDEX incidents_open_idx;
    ALTER TABLE incidents DROP CONSTRAINT incidents_status_check,
      DROP CONSTRAINT incidents_resolved_check, DROP CONSTRAINT incidents_closed_check,
      DROP CONSTRAINT incidents_mitigated_check;
    UPDATE incidents SET status = CASE
      WHEN status = 'triggered' THEN 'open'
      WHEN status IN ('investigating', 'identified') THEN 'acknowledged'
      WHEN status = 'monitoring' THEN 'mitigated'
      WHEN status = 'closed' THEN 'resolved' ELSE status END;
    ALTER TABLE incidents DROP COLUMN customer_impact, DROP COLUMN closed_at,
      ALTER COLUMN status SET DEFAULT 'open',
      ADD CONSTRAINT incidents_status_check
        CHECK (status IN ('open', 'acknowledged', 'mitigated', 'resolved')),
      ADD CONSTRAINT incidents_resolved_check
        CHECK ((status = 'resolved') = (resolved_at IS NOT NULL));
    CREATE INDEX incidents_open_idx ON incidents (severity) WHERE status <> 'resolved';
  `.execute(db)
}
