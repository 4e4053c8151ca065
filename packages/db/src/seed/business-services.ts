import type { GroupRule } from '../schema/services.ts'
import type { SeedContext, SeededService } from './context.ts'

interface BusinessServiceSpec {
  slug: string
  name: string
  description: string
  slo: number
  rule: GroupRule
  minUp?: number
  components: string[]
}

// What the business asks about, each made of catalogue services with a roll-up rule: 'all' for a
// chain that breaks at any link, 'at_least' and 'any' where channels stand in for each other.
export const BUSINESS_SERVICES: readonly BusinessServiceSpec[] = [
  {
    slug: 'payroll-run',
    name: 'Payroll run',
    description:
      'Paying 3,400 staff on time: the payroll system, staff sign-in, the directory and the core network all have to work.',
    slo: 0.998,
    rule: 'all',
    components: ['payroll', 'identity-sso', 'active-directory', 'core-network'],
  },
  {
    slug: 'remote-working',
    name: 'Remote working',
    description:
      'Staff working from home or on the move: the VPN, sign-in, email and Teams all have to work.',
    slo: 0.995,
    rule: 'all',
    components: ['vpn', 'identity-sso', 'email', 'microsoft-teams'],
  },
  {
    slug: 'customer-contact',
    name: 'Customer contact',
    description:
      'Residents can reach the council: up while at least two of the phone lines, the portal and the website work.',
    slo: 0.999,
    rule: 'at_least',
    minUp: 2,
    components: ['contact-centre', 'citizen-portal', 'council-website'],
  },
  {
    slug: 'resident-payments',
    name: 'Resident payments',
    description:
      'Residents can pay: online card payments or the automated payment line in the contact centre, either is enough.',
    slo: 0.9995,
    rule: 'any',
    components: ['council-tax-payments', 'contact-centre'],
  },
]

/**
 * The business services over the seeded catalogue. A test run seeding part of the catalogue
 * leaves out the components it did not create, and a business service left with fewer than two
 * (or fewer than its minimum) altogether.
 */
export async function seedBusinessServices(
  ctx: SeedContext,
  services: SeededService[],
): Promise<number> {
  const bySlug = new Map(services.map((s) => [s.slug, s.id]))
  const specs = BUSINESS_SERVICES.map((b) => ({
    ...b,
    ids: b.components.flatMap((slug) => bySlug.get(slug) ?? []),
  })).filter((b) => b.ids.length >= Math.max(2, b.minUp ?? 0))
  if (specs.length === 0) return 0
  const groups = await ctx.db
    .insertInto('serviceGroups')
    .values(
      specs.map((b) => ({
        slug: b.slug,
        name: b.name,
        description: b.description,
        sloTarget: b.slo,
        rule: b.rule,
        minUp: b.minUp ?? null,
        createdAt: ctx.createdAt,
      })),
    )
    .returning('id')
    .execute()
  await ctx.db
    .insertInto('serviceGroupMembers')
    .values(
      specs.flatMap((b, i) => b.ids.map((serviceId) => ({ groupId: groups[i]!.id, serviceId }))),
    )
    .execute()
  return specs.length
}
