import type { Database } from '@opsdeck/db'
import type { Kysely } from 'kysely'

/** The Alertmanager labels an alert's severity and service are read from (admin settings). */
export async function intakeLabels(db: Kysely<Database>) {
  const row = await db
    .selectFrom('organisationSettings')
    .select(['alertmanagerSeverityLabel as severity', 'alertmanagerServiceLabel as service'])
    .executeTakeFirstOrThrow()
  return row
}

/** Services by slug, archived ones too (an alert cannot open an incident on those). */
export async function servicesBySlug(db: Kysely<Database>, slugs: string[]) {
  if (slugs.length === 0) return []
  return db
    .selectFrom('services')
    .select(['id', 'slug', 'archivedAt'])
    .where('slug', 'in', slugs)
    .execute()
}

/**
 * Records a delivery by its digest: true when it is new, false when the same body came before
 * (a delivery beside ours with the same digest waits for ours to commit, then finds it).
 */
export async function insertDelivery(
  db: Kysely<Database>,
  delivery: { source: string; digest: string; at: Date },
) {
  const row = await db
    .insertInto('integrationDeliveries')
    .values({ source: delivery.source, digest: delivery.digest, receivedAt: delivery.at })
    .onConflict((oc) => oc.columns(['source', 'digest']).doNothing())
    .returning('digest')
    .executeTakeFirst()
  return row !== undefined
}

export async function setDeliveryIncident(
  db: Kysely<Database>,
  delivery: { source: string; digest: string },
  incidentId: number,
) {
  await db
    .updateTable('integrationDeliveries')
    .set({ incidentId })
    .where('source', '=', delivery.source)
    .where('digest', '=', delivery.digest)
    .execute()
}

/** The ref of the incident an earlier delivery with this digest touched, if any. */
export async function deliveryRef(
  db: Kysely<Database>,
  delivery: { source: string; digest: string },
) {
  const row = await db
    .selectFrom('integrationDeliveries as d')
    .leftJoin('incidents as i', 'i.id', 'd.incidentId')
    .select(['i.ref', 'd.receivedAt'])
    .where('d.source', '=', delivery.source)
    .where('d.digest', '=', delivery.digest)
    .executeTakeFirstOrThrow()
  return row
}
