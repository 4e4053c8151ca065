import { type Kysely, sql } from 'kysely'

// Browsers an account has signed in from ("device cookies"): a sign-in that presents one is judged
// by that device's own failures, so nobody elsewhere can lock the owner out. Only the token's
// SHA-256 is kept; a device unused for its lifetime is deleted.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE TABLE login_devices (
      token_hash bytea PRIMARY KEY,
      user_id bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      created_at timestamptz NOT NULL DEFAULT now(),
      last_used_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX login_devices_user_idx ON login_devices (user_id, last_used_at DESC);
    CREATE INDEX login_devices_last_used_idx ON login_devices (last_used_at);
  `.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TABLE login_devices`.execute(db)
}
