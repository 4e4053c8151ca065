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

// A few skills (tags) per role, as a manager would record them for staffing work.
export const SKILLS: Record<string, readonly string[]> = {
  'Infrastructure & Cloud Manager': ['Azure', 'ITIL', 'Vendor management'],
  'Senior Cloud Engineer': ['Azure', 'Terraform', 'PowerShell', 'M365'],
  'Senior Systems Engineer': ['Windows Server', 'VMware', 'Active Directory', 'PowerShell'],
  'Platform Engineer': ['Azure', 'Kubernetes', 'Terraform', 'Linux'],
  'Cloud Engineer': ['Azure', 'M365', 'Intune', 'PowerShell'],
  'Storage & Backup Engineer': ['Veeam', 'NetApp', 'VMware'],
  'Systems Administrator': ['Windows Server', 'Active Directory', 'Patching'],
  'Infrastructure Apprentice': ['M365', 'Windows 11'],
  'Service Desk Manager': ['ITIL', 'ServiceNow', 'Supplier management'],
  'Service Desk Team Leader': ['ITIL', 'ServiceNow', 'M365'],
  'Senior Service Desk Analyst': ['ITIL', 'M365', 'Active Directory'],
  'Desktop Support Engineer': ['Intune', 'Windows 11', 'Hardware'],
  'Service Desk Analyst': ['ITIL', 'M365', 'ServiceNow'],
  'IT Apprentice': ['M365', 'Windows 11'],
  'Applications Manager': ['ITIL', 'PRINCE2', 'Dynamics 365'],
  'Solutions Architect': ['Azure', 'TOGAF', 'Integration', 'Dynamics 365'],
  'Senior Developer': ['C#', '.NET', 'SQL', 'Azure'],
  'Dynamics 365 Developer': ['Dynamics 365', 'Power Platform', 'C#'],
  'Business Systems Analyst': ['Business analysis', 'SQL', 'Dynamics 365'],
  'Business Analyst': ['Business analysis', 'Process mapping', 'Agile'],
  Developer: ['C#', '.NET', 'JavaScript', 'SQL'],
  'Applications Support Analyst': ['SQL', 'ITIL', 'Revenues & Benefits'],
  'Network & Security Manager': ['Networking', 'Security', 'ITIL', 'Cyber Essentials'],
  'Security Engineer': ['Security', 'Fortinet', 'Microsoft Defender', 'SIEM'],
  'Senior Network Engineer': ['Networking', 'Cisco', 'SD-WAN', 'Fortinet'],
  'Information Security Officer': ['ISO 27001', 'Risk management', 'PSN'],
  'Cyber Security Analyst': ['Security', 'SIEM', 'Microsoft Defender'],
  'Network Engineer': ['Networking', 'Cisco', 'Wi-Fi'],
  'Telephony Engineer': ['Telephony', 'Teams Phone', 'Networking'],
  'Data & Integration Lead': ['SQL', 'Azure', 'Data governance'],
  'Database Administrator': ['SQL', 'SQL Server', 'PostgreSQL'],
  'Integration Developer': ['Azure', 'Integration', 'C#', 'APIs'],
  'Data Engineer': ['SQL', 'Azure', 'Python', 'Data Factory'],
  'BI Analyst': ['Power BI', 'SQL'],
  'Data Analyst': ['Power BI', 'SQL', 'Excel'],
}

/** Part-timers who work fewer days (ISO weekdays); the rest spread their hours over Mon–Fri. */
export const WORKING_DAYS: Record<string, readonly number[]> = {
  'Chloe Evans': [1, 2, 3], // 22.5 h, Mon–Wed
  'Joe Lambert': [1, 2, 3], // 22.5 h, Mon–Wed
  'George Wilkinson': [2, 3, 4], // 22.5 h, Tue–Thu
  'Siân Pritchard': [1, 2, 3, 4], // 30 h, Mon–Thu
  'Grace Adebayo': [1, 2, 3, 4], // 30 h, Mon–Thu
  'Zara Hussain': [2, 3, 4, 5], // 30 h, Tue–Fri
}

/** People based outside England & Wales, on their own bank holidays. */
export const REGIONS: Record<string, 'GB-SCT' | 'GB-NIR'> = {
  'Fiona MacLeod': 'GB-SCT',
  'Stuart Ferguson': 'GB-SCT',
  'Callum Reid': 'GB-SCT',
  'Liam O’Connor': 'GB-NIR',
}

// The comings and goings the capacity pages show, relative to the seed's week.
/** Joined on a Wednesday two weeks before this week. */
export const JOINER = 'Josh Patel'
/** Leaves on the Friday three weeks after this week. */
export const LEAVER = 'Owen Davies'
/** Moved teams (and role) on the Monday six weeks before this week. */
export const MOVER = {
  name: 'Mohammed Iqbal',
  to: 'applications',
  role: 'Applications Support Analyst',
} as const
