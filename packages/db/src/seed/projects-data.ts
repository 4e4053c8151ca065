import type { BudgetCategory, SpendType } from '../schema/projects.ts'
import type { TeamSlug } from './people-data.ts'

export interface ProjectSpec {
  code: string
  name: string
  description: string
  owner: string
  sponsor: string
  /** Months from the current month to the start month, and length in months. */
  startIn: number
  months: number
  bacPounds: number
  lines: [category: string, type: SpendType, share: number][]
  /** Where the project should stand today: cost and schedule performance. */
  cpi: number
  spi: number
  curve: 's' | 'flat'
  teams: TeamSlug[]
  note: string
  /**
   * Re-baselined this many months ago, for this reason: the original plan (version 1) spread the
   * budget evenly; the current plan (version 2) is the curve above, which the figures use.
   */
  rebaselined?: { monthsAgo: number; reason: string }
}

// Four green, three amber, three red by the default RAG thresholds.
// prettier-ignore
export const PROJECTS: ProjectSpec[] = [
  { code: 'PRJ-0007', name: 'Laptop Refresh 2025/26', description: 'Replace 1,600 end-of-life laptops with Windows 11 devices', owner: 'Karen Whitfield', sponsor: 'Director of Resources', startIn: -15, months: 12, bacPounds: 640_000, cpi: 1.03, spi: 1, curve: 's', teams: ['service-desk'], note: 'Project closed; lessons learned signed off',
    lines: [['Hardware', 'capex', 0.78], ['Contractors', 'capex', 0.1], ['Internal staff', 'opex', 0.08], ['Secure disposal', 'opex', 0.04]] },
  { code: 'PRJ-0009', rebaselined: { monthsAgo: 4, reason: 'Re-phased after the Azure landing zone was delayed (change request CR-114)' }, name: 'Data Centre Exit to Azure', description: 'Migrate 180 virtual servers from the Civic Centre data centre to Azure', owner: 'Priya Raman', sponsor: 'Director of Resources', startIn: -13, months: 24, bacPounds: 1_600_000, cpi: 0.93, spi: 0.96, curve: 's', teams: ['infrastructure-cloud', 'data-integration'], note: 'Azure consumption running ahead of plan during dual running',
    lines: [['Migration services', 'capex', 0.35], ['Azure consumption', 'opex', 0.25], ['Contractors', 'capex', 0.2], ['Internal staff', 'opex', 0.15], ['Contingency', 'capex', 0.05]] },
  { code: 'PRJ-0012', name: 'Microsoft 365 E5 Security Rollout', description: 'Defender, Purview and Intune rollout to all staff devices', owner: 'Viktor Horvath', sponsor: 'Chief Digital Officer', startIn: -7, months: 12, bacPounds: 420_000, cpi: 0.97, spi: 0.91, curve: 'flat', teams: ['networks-security', 'infrastructure-cloud'], note: 'Intune enrolment behind plan; licence true-up above forecast',
    lines: [['Licences', 'opex', 0.55], ['Professional services', 'capex', 0.2], ['Internal staff', 'opex', 0.15], ['Training', 'opex', 0.05], ['Contingency', 'opex', 0.05]] },
  { code: 'PRJ-0015', name: 'Network Refresh – Civic Centre & Depots', description: 'Replace core and edge switching at 14 sites', owner: 'Andrew Campbell', sponsor: 'Director of Finance', startIn: -9, months: 18, bacPounds: 1_850_000, cpi: 0.8, spi: 0.93, curve: 's', teams: ['networks-security'], note: 'Switch prices up 18% since tender; contractor rates above plan',
    lines: [['Hardware', 'capex', 0.55], ['Contractors', 'capex', 0.2], ['Professional services', 'capex', 0.1], ['Internal staff', 'opex', 0.1], ['Contingency', 'capex', 0.05]] },
  { code: 'PRJ-0018', name: 'Citizen Portal Replatform', description: 'Move the Citizen Portal to a supported low-code platform', owner: 'Rachel Ashworth', sponsor: 'Director of Customer Services', startIn: -8, months: 14, bacPounds: 780_000, cpi: 1.03, spi: 1.01, curve: 's', teams: ['applications', 'data-integration'], note: 'Release 2 (payments) in user acceptance testing',
    lines: [['Contractors', 'capex', 0.4], ['Licences', 'opex', 0.2], ['Internal staff', 'opex', 0.25], ['Professional services', 'capex', 0.1], ['Contingency', 'capex', 0.05]] },
  { code: 'PRJ-0021', name: 'Finance ERP Upgrade (Dynamics 365)', description: 'Upgrade finance and purchasing to Dynamics 365 Finance', owner: 'Peter Nowak', sponsor: 'Director of Finance', startIn: -11, months: 16, bacPounds: 1_200_000, cpi: 0.88, spi: 0.78, curve: 's', teams: ['applications', 'data-integration'], note: 'Data migration rework pushed user acceptance testing back two months',
    lines: [['Professional services', 'capex', 0.45], ['Licences', 'opex', 0.2], ['Internal staff', 'opex', 0.2], ['Contractors', 'capex', 0.1], ['Training', 'opex', 0.05]] },
  { code: 'PRJ-0024', name: 'Contact Centre Telephony Replacement', description: 'Cloud contact centre with Teams integration and call recording', owner: 'Ben Ellis', sponsor: 'Director of Customer Services', startIn: -4, months: 10, bacPounds: 560_000, cpi: 1.02, spi: 0.99, curve: 's', teams: ['networks-security', 'service-desk'], note: 'Pilot with Council Tax team went live',
    lines: [['Licences', 'opex', 0.35], ['Hardware', 'capex', 0.15], ['Professional services', 'capex', 0.3], ['Internal staff', 'opex', 0.15], ['Training', 'opex', 0.05]] },
  { code: 'PRJ-0027', name: 'Cyber Essentials Plus Remediation', description: 'Close the gaps found in the Cyber Essentials Plus pre-assessment', owner: 'Grace Adebayo', sponsor: 'Senior Information Risk Owner', startIn: -5, months: 8, bacPounds: 95_000, cpi: 1.05, spi: 1.02, curve: 'flat', teams: ['networks-security', 'infrastructure-cloud'], note: 'Patching compliance at 97%; external assessment booked',
    lines: [['Professional services', 'opex', 0.4], ['Licences', 'opex', 0.3], ['Internal staff', 'opex', 0.3]] },
  { code: 'PRJ-0029', name: 'Social Care Records Data Migration', description: 'Migrate legacy case files into Adult Social Care Records', owner: 'Helen Marsh', sponsor: 'Director of Adult Social Care', startIn: -6, months: 10, bacPounds: 310_000, cpi: 0.79, spi: 0.9, curve: 'flat', teams: ['data-integration', 'applications'], note: 'Extra contractor days for data cleansing; quality issues in legacy records',
    lines: [['Contractors', 'capex', 0.5], ['Internal staff', 'opex', 0.3], ['Professional services', 'capex', 0.15], ['Contingency', 'capex', 0.05]] },
  { code: 'PRJ-0031', name: 'Wi-Fi 6 Upgrade – Libraries', description: 'Wi-Fi 6 access points in nine branch libraries', owner: 'Nadia Rahman', sponsor: 'Head of Libraries', startIn: -3, months: 6, bacPounds: 48_000, cpi: 0.99, spi: 0.89, curve: 'flat', teams: ['networks-security'], note: 'Two library sites delayed by building access',
    lines: [['Hardware', 'capex', 0.7], ['Contractors', 'capex', 0.2], ['Internal staff', 'opex', 0.1]] },
]

// Each line's name read into the six budget categories.
const CATEGORY_OF: Record<string, BudgetCategory> = {
  Hardware: 'hardware',
  'Secure disposal': 'hardware',
  Licences: 'licences',
  Contractors: 'labour',
  'Internal staff': 'labour',
  'Professional services': 'services',
  'Migration services': 'services',
  Training: 'services',
  'Azure consumption': 'cloud',
  Contingency: 'contingency',
}

export function categoryOf(lineName: string): BudgetCategory {
  const category = CATEGORY_OF[lineName]
  if (!category) throw new Error(`No budget category for the line ${lineName}`)
  return category
}

export const SUPPLIERS: Record<string, string[]> = {
  Hardware: ['Computacenter', 'XMA', 'Insight UK', 'CDW UK'],
  Licences: ['Bytes Software Services', 'Softcat', 'Phoenix Software'],
  Contractors: ['Hays Technology', 'Harvey Nash', 'Sanderson Recruitment'],
  'Professional services': ['Capgemini', 'Ultima', 'Advania', 'Methods'],
  'Migration services': ['Ultima', 'Advania'],
  'Azure consumption': ['Softcat (Microsoft CSP)'],
  'Internal staff': ['Internal recharge'],
  Training: ['QA Ltd', 'Learning Tree'],
  'Secure disposal': ['Stone Group'],
  Contingency: ['Various'],
}

export function progressNote(percent: number): string {
  if (percent < 10) return 'Mobilising: team and suppliers on board'
  if (percent < 30) return 'Design and procurement'
  if (percent < 60) return 'Build in progress'
  if (percent < 90) return 'Rollout under way'
  if (percent < 100) return 'Closing down'
  return 'Complete'
}
