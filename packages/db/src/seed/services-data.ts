import type { TeamSlug } from './people-data.ts'

export interface ServiceSpec {
  slug: string
  name: string
  tier: 1 | 2 | 3
  team: TeamSlug
  slo: number
  /** Typical (median) check latency off-peak, and where the service counts as degraded. */
  baseMs: number
  degradedMs: number
  description: string
}

type Row = [string, string, 1 | 2 | 3, TeamSlug, number, number, number, string]
// One service a line reads better than prettier's 8-line arrays.
// prettier-ignore
const rows: Row[] = [
  ['email', 'Email (Exchange Online)', 1, 'infrastructure-cloud', 0.9995, 180, 2000, 'Staff email and calendars in Microsoft 365'],
  ['active-directory', 'Active Directory', 1, 'infrastructure-cloud', 0.9995, 25, 500, 'On-premises directory, DNS and group policy'],
  ['identity-sso', 'Single Sign-On (Entra ID)', 1, 'networks-security', 0.9995, 140, 1500, 'Staff sign-in and MFA for cloud applications'],
  ['citizen-portal', 'Citizen Portal', 1, 'applications', 0.999, 320, 3000, 'Resident accounts, reports and requests online'],
  ['council-tax-payments', 'Council Tax Payments', 1, 'applications', 0.9995, 260, 2500, 'Online card payments and Direct Debit sign-up'],
  ['payroll', 'Payroll', 1, 'applications', 0.999, 290, 3000, 'Monthly payroll for 3,400 staff and BACS submission'],
  ['finance-erp', 'Finance ERP (Dynamics 365)', 1, 'applications', 0.999, 410, 4000, 'General ledger, purchasing and accounts payable'],
  ['vpn', 'VPN (Remote Access)', 1, 'networks-security', 0.999, 60, 1000, 'Always-on VPN for laptops working away from council sites'],
  ['core-network', 'Core Network', 1, 'networks-security', 0.9995, 8, 200, 'Core switching and inter-site links'],
  ['internet-gateway', 'Internet Gateway & Firewall', 1, 'networks-security', 0.9995, 35, 800, 'Internet breakout, web filtering and perimeter firewalls'],
  ['contact-centre', 'Contact Centre Telephony', 1, 'networks-security', 0.999, 120, 1500, 'Customer Services call queues, IVR and call recording'],
  ['revenues-benefits', 'Revenues & Benefits', 1, 'applications', 0.999, 380, 3500, 'Council tax billing, business rates and housing benefit'],
  ['social-care-records', 'Adult Social Care Records', 1, 'applications', 0.999, 450, 4000, 'Case management for adult social care'],
  ['hr-system', 'HR & Self-Service', 2, 'applications', 0.998, 350, 3500, 'HR records, absence, timesheets and expenses claims'],
  ['planning-portal', 'Planning Portal', 2, 'applications', 0.995, 520, 5000, 'Planning applications and public access search'],
  ['corporate-wifi', 'Wi-Fi (Corporate)', 2, 'networks-security', 0.998, 15, 400, 'Staff Wi-Fi at the Civic Centre, depots and libraries'],
  ['service-desk', 'Service Desk Tooling', 2, 'service-desk', 0.998, 240, 2500, 'IT self-service portal, ticketing and knowledge base'],
  ['intranet', 'Intranet (SharePoint)', 2, 'applications', 0.995, 380, 3500, 'Staff news, policies and team sites'],
  ['microsoft-teams', 'Microsoft Teams', 2, 'infrastructure-cloud', 0.999, 160, 2000, 'Chat, meetings and Teams Rooms'],
  ['edrms', 'Document Management (EDRMS)', 2, 'data-integration', 0.998, 430, 4000, 'Electronic records and document management'],
  ['housing-management', 'Housing Management', 2, 'applications', 0.998, 390, 4000, 'Tenancies, rents and repairs for 9,000 homes'],
  ['council-website', 'Council Website', 2, 'applications', 0.999, 140, 2000, 'Public website and content management'],
  ['integration-hub', 'Integration Hub (API Gateway)', 2, 'data-integration', 0.999, 70, 1000, 'APIs and message queues between line-of-business systems'],
  ['backup', 'Backup & Recovery', 2, 'infrastructure-cloud', 0.995, 210, 3000, 'Nightly backups, immutable copies and restores'],
  ['file-shares', 'File Shares', 2, 'infrastructure-cloud', 0.998, 45, 1000, 'Departmental network drives'],
  ['waste-bookings', 'Bulky Waste Bookings', 2, 'applications', 0.995, 300, 3000, 'Online booking and payment for bulky waste collections'],
  ['electoral-register', 'Electoral Register', 2, 'applications', 0.998, 340, 3500, 'Electoral registration and canvass'],
  ['gis-mapping', 'GIS Mapping', 2, 'data-integration', 0.995, 610, 6000, 'Corporate GIS, gazetteer and web maps'],
  ['parking-permits', 'Parking Permits', 2, 'applications', 0.995, 280, 3000, 'Resident and business parking permit applications'],
  ['libraries', 'Library Management', 2, 'applications', 0.995, 330, 3500, 'Catalogue, loans and self-service kiosks'],
  ['school-admissions', 'School Admissions Portal', 2, 'applications', 0.995, 360, 3500, 'School place applications for parents'],
  ['print-scan', 'Print & Scan', 3, 'service-desk', 0.99, 90, 2000, 'Follow-me printing and scan to email on 140 devices'],
  ['room-booking', 'Room Booking', 3, 'service-desk', 0.99, 230, 3000, 'Meeting room booking and door panels'],
  ['staff-expenses', 'Staff Expenses', 3, 'applications', 0.995, 300, 3000, 'Mileage and expenses claims'],
  ['learning-platform', 'Learning Platform', 3, 'applications', 0.99, 420, 4000, 'Mandatory training and e-learning for staff'],
  ['fleet-tracking', 'Fleet Tracking', 3, 'data-integration', 0.99, 380, 4000, 'Vehicle telematics for refuse and highways fleets'],
  ['power-bi', 'Reporting (Power BI)', 3, 'data-integration', 0.995, 650, 6000, 'Dashboards and scheduled data refreshes'],
  ['guest-wifi', 'Guest Wi-Fi', 3, 'networks-security', 0.99, 20, 600, 'Public Wi-Fi in libraries and reception areas'],
  ['foi-tracker', 'FOI Request Tracker', 3, 'applications', 0.99, 270, 3000, 'Freedom of information and subject access requests'],
  ['visitor-management', 'Visitor Management', 3, 'service-desk', 0.99, 200, 2500, 'Reception sign-in and visitor badges'],
  ['asset-management', 'IT Asset Management', 3, 'service-desk', 0.995, 260, 3000, 'Hardware and licence inventory'],
]

export const SERVICES: readonly ServiceSpec[] = rows.map(
  ([slug, name, tier, team, slo, baseMs, degradedMs, description]) => ({
    slug,
    name,
    tier,
    team,
    slo,
    baseMs,
    degradedMs,
    description,
  }),
)

export function checkUrlOf(slug: string): string {
  return `https://${slug}.example.org/health`
}

// Where each service runs (default: the council's own data centre) and what it holds, as the
// tags a manager filters the catalogue by.
// prettier-ignore
const HOSTING: Record<string, 'saas' | 'azure'> = {
  'email': 'saas', 'identity-sso': 'saas', 'microsoft-teams': 'saas', 'intranet': 'saas',
  'service-desk': 'saas', 'learning-platform': 'saas', 'power-bi': 'saas', 'finance-erp': 'saas',
  'fleet-tracking': 'saas', 'school-admissions': 'saas', 'planning-portal': 'saas',
  'citizen-portal': 'azure', 'council-website': 'azure', 'integration-hub': 'azure',
  'waste-bookings': 'azure', 'parking-permits': 'azure', 'council-tax-payments': 'azure',
}
// prettier-ignore
const PUBLIC_FACING = new Set([
  'citizen-portal', 'council-tax-payments', 'planning-portal', 'council-website', 'contact-centre',
  'waste-bookings', 'parking-permits', 'school-admissions', 'libraries', 'guest-wifi',
])
// prettier-ignore
const PERSONAL_DATA = new Set([
  'payroll', 'hr-system', 'social-care-records', 'revenues-benefits', 'housing-management',
  'citizen-portal', 'electoral-register', 'school-admissions', 'edrms', 'foi-tracker',
])
// Card payments: in scope for PCI DSS.
const CARD_PAYMENTS = new Set(['council-tax-payments', 'waste-bookings', 'parking-permits'])

export function tagsOf(slug: string): string[] {
  return [
    `hosting:${HOSTING[slug] ?? 'on-prem'}`,
    ...(PUBLIC_FACING.has(slug) ? ['public-facing'] : []),
    ...(PERSONAL_DATA.has(slug) ? ['personal-data'] : []),
    ...(CARD_PAYMENTS.has(slug) ? ['pci-dss'] : []),
  ]
}

/** Runbooks for tiers 1 and 2 (the tier 3 ones live in the service desk's knowledge base). */
export function runbookUrlOf(s: Pick<ServiceSpec, 'slug' | 'tier'>): string | null {
  return s.tier <= 2 ? `https://wiki.example.org/runbooks/${s.slug}` : null
}

/** A monitoring dashboard for the tier 1 services. */
export function dashboardUrlOf(s: Pick<ServiceSpec, 'slug' | 'tier'>): string | null {
  return s.tier === 1 ? `https://grafana.example.org/d/${s.slug}` : null
}
