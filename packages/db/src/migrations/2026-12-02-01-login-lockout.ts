import { type Kysely, sql } from 'kysely'

// A sign-in attempt is charged before its (slow) password check, as a pending row; the check then
// settles it as a failure or deletes it. Rows still pending are attempts in flight: a parallel
// attempt waits for them to settle instead of being refused for them.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE login_failures ADD COLUMN pending boolean NOT NULL DEFAULT false`.execute(
    db,
  )
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE login_failures DROP COLUMN pending`.execute(db)
}
