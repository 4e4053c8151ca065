import { type Kysely, sql } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE TABLE incidents (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      ref text NOT NULL UNIQUE,
      title text NOT NULL,
      summary text NOT NULL DEFAULT '',
      severity text NOT NULL CHECK (severity IN ('SEV1', 'SEV2', 'SEV3', 'SEV4')),
      status text NOT NULL DEFAULT 'open'
        CHECK (status IN ('open', 'acknowledged', 'mitigated', 'resolved')),
      started_at timestamptz NOT NULL,
      detected_at timestamptz,
      acknowledged_at timestamptz,
      mitigated_at timestamptz,
      resolved_at timestamptz,
      commander_person_id bigint REFERENCES people (id),
      source text NOT NULL DEFAULT 'manual',
      external_id text,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (source, external_id),
      CHECK (detected_at IS NULL OR detected_at >= started_at),
      CHECK (acknowledged_at IS NULL OR acknowledged_at >= started_at),
      CHECK (resolved_at IS NULL OR resolved_at >= started_at),
      CHECK ((status = 'resolved') = (resolved_at IS NOT NULL))
    );
    CREATE INDEX incidents_started_at_idx ON incidents (started_at);
    CREATE INDEX incidents_open_idx ON incidents (severity) WHERE status <> 'resolved';

    CREATE TABLE incident_services (
      incident_id bigint NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
      service_id bigint NOT NULL REFERENCES services (id),
      impact text NOT NULL DEFAULT 'outage' CHECK (impact IN ('outage', 'degraded')),
      PRIMARY KEY (incident_id, service_id)
    );
    CREATE INDEX incident_services_service_idx ON incident_services (service_id);

    CREATE TABLE incident_events (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      incident_id bigint NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
      at timestamptz NOT NULL,
      kind text NOT NULL CHECK (kind IN ('alert', 'status', 'note', 'page')),
      body text NOT NULL DEFAULT '',
      author text
    );
    CREATE INDEX incident_events_incident_idx ON incident_events (incident_id, at);

    CREATE TABLE incident_actions (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      incident_id bigint NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
      title text NOT NULL,
      owner_person_id bigint REFERENCES people (id),
      due_on date,
      status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done', 'wont_do')),
      completed_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX incident_actions_open_idx ON incident_actions (due_on) WHERE status = 'open';
  `.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    DROP TABLE incident_actions; DROP TABLE incident_events; DROP TABLE incident_services;
    DROP TABLE incidents;
  `.execute(db)
}
