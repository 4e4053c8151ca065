import { type Kysely, sql } from 'kysely'

// Tables only; behaviour arrives with the auth issue. Tokens are stored hashed, never in clear.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE TABLE users (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      email text NOT NULL,
      name text NOT NULL DEFAULT '',
      password_hash text NOT NULL,
      role text NOT NULL CHECK (role IN ('admin', 'manager', 'viewer')),
      disabled_at timestamptz,
      password_changed_at timestamptz NOT NULL DEFAULT now(),
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE UNIQUE INDEX users_email_idx ON users (lower(email));

    CREATE TABLE sessions (
      token_hash bytea PRIMARY KEY,
      user_id bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      created_at timestamptz NOT NULL DEFAULT now(),
      last_seen_at timestamptz NOT NULL DEFAULT now(),
      expires_at timestamptz NOT NULL,
      ip text,
      user_agent text
    );
    CREATE INDEX sessions_user_idx ON sessions (user_id);

    CREATE TABLE api_tokens (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      name text NOT NULL,
      token_hash bytea NOT NULL UNIQUE,
      scopes text[] NOT NULL CHECK (scopes <@ ARRAY['ingest', 'read']::text[] AND cardinality(scopes) > 0),
      created_by_user_id bigint REFERENCES users (id),
      created_at timestamptz NOT NULL DEFAULT now(),
      last_used_at timestamptz,
      revoked_at timestamptz
    );

    CREATE TABLE audit_log (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      at timestamptz NOT NULL DEFAULT now(),
      actor_user_id bigint REFERENCES users (id),
      actor_token_id bigint REFERENCES api_tokens (id),
      entity text NOT NULL,
      entity_id text NOT NULL,
      action text NOT NULL,
      changes jsonb NOT NULL DEFAULT '{}',
      request_id text
    );
    CREATE INDEX audit_log_at_idx ON audit_log (at DESC);
    CREATE INDEX audit_log_entity_idx ON audit_log (entity, entity_id);
  `.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TABLE audit_log; DROP TABLE api_tokens; DROP TABLE sessions; DROP TABLE users;`.execute(
    db,
  )
}
