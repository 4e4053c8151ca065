// The demo IT department: five teams, 45 people. Rates are loaded hourly costs in £.

export const ORGANISATION_NAME = 'Northbridge Council IT'
export const EMAIL_DOMAIN = 'northbridge.example.org'

export const TEAMS = [
  { slug: 'infrastructure-cloud', name: 'Infrastructure & Cloud' },
  { slug: 'service-desk', name: 'Service Desk' },
  { slug: 'applications', name: 'Applications' },
  { slug: 'networks-security', name: 'Networks & Security' },
  { slug: 'data-integration', name: 'Data & Integration' },
] as const

export type TeamSlug = (typeof TEAMS)[number]['slug']

// [name, role, contracted hours per week, £ per hour]; the first of each team leads it.
type PersonRow = readonly [string, string, number, number]

export const PEOPLE: Record<TeamSlug, readonly PersonRow[]> = {
  'infrastructure-cloud': [
    ['Gareth Hughes', 'Infrastructure & Cloud Manager', 37.5, 68],
    ['Priya Raman', 'Senior Cloud Engineer', 37.5, 55],
    ['Imran Siddiqui', 'Senior Systems Engineer', 37.5, 50],
    ['Harriet Lane', 'Platform Engineer', 37.5, 46],
    ['Tom Fletcher', 'Cloud Engineer', 37.5, 44],
    ['Aisha Okafor', 'Cloud Engineer', 37.5, 42],
    ['Daniel Kowalski', 'Storage & Backup Engineer', 37.5, 40],
    ['Callum Reid', 'Systems Administrator', 37.5, 36],
    ['Siân Pritchard', 'Systems Administrator', 30, 35],
    ['Megan Doyle', 'Infrastructure Apprentice', 37.5, 25],
  ],
  'service-desk': [
    ['Karen Whitfield', 'Service Desk Manager', 37.5, 48],
    ['Liam O’Connor', 'Service Desk Team Leader', 37.5, 36],
    ['Olivia Bennett', 'Senior Service Desk Analyst', 37.5, 31],
    ['Kwame Mensah', 'Desktop Support Engineer', 37.5, 32],
    ['Emily Carter', 'Desktop Support Engineer', 30, 32],
    ['Jade Thompson', 'Service Desk Analyst', 37.5, 28],
    ['Mohammed Iqbal', 'Service Desk Analyst', 37.5, 28],
    ['Ryan Murphy', 'Service Desk Analyst', 37.5, 27],
    ['Bethan Morgan', 'Service Desk Analyst', 30, 27],
    ['Chloe Evans', 'Service Desk Analyst', 22.5, 27],
    ['Josh Patel', 'IT Apprentice', 37.5, 25],
  ],
  applications: [
    ['Rachel Ashworth', 'Applications Manager', 37.5, 65],
    ['Martin Croft', 'Solutions Architect', 37.5, 78],
    ['Sanjay Mehta', 'Senior Developer', 37.5, 58],
    ['Peter Nowak', 'Dynamics 365 Developer', 37.5, 52],
    ['Fiona MacLeod', 'Business Systems Analyst', 37.5, 47],
    ['Zara Hussain', 'Business Analyst', 30, 46],
    ['Lucy Hammond', 'Developer', 37.5, 45],
    ['Oluwaseun Adeyemi', 'Developer', 37.5, 44],
    ['Hannah Price', 'Applications Support Analyst', 37.5, 34],
    ['George Wilkinson', 'Applications Support Analyst', 22.5, 34],
  ],
  'networks-security': [
    ['Andrew Campbell', 'Network & Security Manager', 37.5, 70],
    ['Viktor Horvath', 'Security Engineer', 37.5, 58],
    ['Nadia Rahman', 'Senior Network Engineer', 37.5, 56],
    ['Grace Adebayo', 'Information Security Officer', 30, 55],
    ['Sophie Turner', 'Cyber Security Analyst', 37.5, 48],
    ['Chris Bailey', 'Network Engineer', 37.5, 45],
    ['Owen Davies', 'Network Engineer', 37.5, 43],
    ['Ben Ellis', 'Telephony Engineer', 37.5, 40],
  ],
  'data-integration': [
    ['Helen Marsh', 'Data & Integration Lead', 37.5, 72],
    ['Stuart Ferguson', 'Database Administrator', 37.5, 54],
    ['Arjun Nair', 'Integration Developer', 37.5, 50],
    ['Katie Walsh', 'Data Engineer', 37.5, 49],
    ['Amira Haddad', 'BI Analyst', 37.5, 40],
    ['Joe Lambert', 'Data Analyst', 22.5, 33],
  ],
}

export function emailOf(name: string): string {
  const local = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f’']/g, '')
    .toLowerCase()
    .replace(/[^a-z]+/g, '.')
  return `${local}@${EMAIL_DOMAIN}`
}
