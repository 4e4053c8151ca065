import { type Kysely, sql } from 'kysely'

// Failed sign-ins, one row per failure and key ('account:<email>' or 'address:<ip>'): the login
// rate limit counts them over a sliding window, in PostgreSQL so that every API instance agrees.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE TABLE login_failures (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      key text NOT NULL,
      at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX login_failures_key_at_idx ON login_failures (key, at DESC);
    CREATE INDEX login_failures_at_idx ON login_failures (at);

    ALTER TABLE users ADD COLUMN last_login_at timestamptz;
    CREATE INDEX audit_log_actor_user_idx ON audit_log (actor_user_id, id DESC);
  `.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    DROP INDEX audit_log_actor_user_idx;
    ALTER TABLE users DROP COLUMN last_login_at;
    DROP TABLE login_failures;
  `.execute(db)
}
