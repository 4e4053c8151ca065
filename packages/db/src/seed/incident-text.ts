// Words for incidents. `{name}` is the affected service's name.

export const OUTAGE_TITLES = [
  '{name} unavailable for all users',
  '{name} down after overnight change',
  '{name} returning HTTP 503 errors',
  '{name} outage – database failover did not complete',
  '{name} unreachable after firewall rule change',
  'Expired TLS certificate took {name} offline',
  '{name} down – application servers out of memory',
  'Loss of {name} after storage latency spike',
]

export const DEGRADED_TITLES = [
  'Slow page loads on {name}',
  'Intermittent timeouts on {name}',
  '{name} login failures for some users',
  'High response times on {name} during peak',
  '{name} search not returning results',
  'Scheduled export from {name} failed',
  '{name} notification emails not being sent',
  'Partial loss of {name} for remote workers',
]

// prettier-ignore
export const SPECIFIC_TITLES: Record<string, string[]> = {
  email: ['Mail flow delayed inbound from Exchange Online', 'Outlook clients disconnected during Microsoft 365 service incident'],
  'active-directory': ['Domain controller replication failure', 'Account lockouts after password policy change'],
  'identity-sso': ['SSO sign-in loop for Microsoft 365 apps', 'Conditional access policy blocked staff sign-ins'],
  vpn: ['VPN concentrator failover did not trigger', 'Remote staff unable to connect to VPN'],
  'corporate-wifi': ['Wi-Fi authentication failures at the Civic Centre', 'Wireless controller reboot dropped clients in the Town Hall'],
  payroll: ['BACS file submission to bank failed', 'Payroll calculation run stalled'],
  'council-tax-payments': ['Card payments failing at payment provider', 'Direct Debit sign-up page erroring'],
  'citizen-portal': ['Residents unable to log in to the Citizen Portal', 'Missed bin reports not submitting'],
  'finance-erp': ['Purchase order approvals stuck in workflow', 'Month-end close job failed'],
  'contact-centre': ['Inbound calls dropping in the contact centre queue', 'Call recordings not saving'],
  'core-network': ['Core switch stack failure at the Civic Centre', 'Spanning tree loop on the second floor'],
  'internet-gateway': ['Web filtering blocking Microsoft 365 endpoints', 'Firewall HA pair split-brain'],
  'planning-portal': ['Planning application uploads failing', 'Public access search timing out'],
  'hr-system': ['Self-service timesheets not saving', 'New starter accounts not created from HR feed'],
  backup: ['Nightly backup jobs failed for file servers', 'Backup repository out of space'],
  'integration-hub': ['API gateway rejecting requests with HTTP 429', 'Message queue backlog in the integration hub'],
  'service-desk': ['Service desk portal not logging tickets from email'],
  'print-scan': ['Follow-me printing unavailable on all floors', 'Scan to email failing on multifunction devices'],
  'council-website': ['Council website errors after CDN cache purge', 'Website search returning no results'],
  'revenues-benefits': ['Benefits overnight batch overran into the working day'],
  'social-care-records': ['Case notes saving slowly in Adult Social Care Records'],
  'housing-management': ['Repairs jobs not syncing to contractors'],
  edrms: ['Documents failing to open from EDRMS'],
  'microsoft-teams': ['Teams meeting audio dropping for external callers'],
  'file-shares': ['File shares slow after antivirus definition update'],
  'power-bi': ['Power BI refresh failures for finance dashboards'],
  'room-booking': ['Room booking panels showing the wrong times'],
}

export const NOTES = [
  'Errors started shortly after change {change} was implemented.',
  'Supplier support case raised ({supplier}), priority 1.',
  'Rolled back change {change}; monitoring error rates.',
  'Failed over to the secondary site at Riverside data centre.',
  'Restarted the application pool on both web servers.',
  'All-staff message posted on the intranet banner.',
  'Customer Services briefed; holding message added to the phone line.',
  'Database server disk at 100%; cleared old transaction log backups.',
  'Certificate renewed and bound on the load balancer.',
  'Capacity added: two extra application nodes.',
  'Root cause under investigation with {supplier}.',
]

export const CAUSES = [
  'an expired certificate; auto-renewal was not configured',
  'a full disk on the database server; housekeeping job added',
  'a firewall rule removed in error during a change',
  'an outage at the supplier',
  'a memory leak in the application, patched in the latest release',
  'a DNS record changed without a change request',
  'a failed storage controller; replaced under warranty',
  'a configuration drift between the two application nodes',
]

// A post-incident review's other parts; the root cause is the incident's cause.
export const CONTRIBUTING_FACTORS = [
  'The alert went to a shared mailbox nobody watches out of hours.',
  'The change was approved without a tested rollback plan.',
  'Monitoring covered the servers but not the user journey.',
  'The runbook for {name} was two versions out of date.',
  'Only one engineer knew the system well enough to diagnose it.',
  'The supplier’s status page showed no problem for the first hour.',
  'Capacity warnings had been raised for weeks without an owner.',
]

export const WENT_WELL = [
  'On-call acknowledged within minutes and opened a bridge call promptly.',
  'Customer Services were briefed early and kept residents informed.',
  'Failover to the secondary site worked as documented.',
  'The supplier escalated quickly once the case was raised at priority 1.',
  'Rollback of the change was clean and quick.',
  'Status updates went out every 30 minutes as agreed.',
]

export const LESSONS = [
  'Automate the checks we rely on people to remember.',
  'Every change to {name} needs a tested rollback step.',
  'Alert on the symptom users see, not only on server health.',
  'Keep a second engineer trained on each critical system.',
  'Review supplier escalation contacts every quarter.',
  'Capacity warnings need an owner and a due date.',
]

export const ACTIONS = [
  'Add monitoring for certificate expiry',
  'Update the failover runbook for {name}',
  'Review change approval for {name}',
  'Add a disk capacity alert on the database servers',
  'Test disaster recovery failover for {name}',
  'Raise a problem record with {supplier}',
  'Automate certificate renewal',
  'Add a synthetic login check for {name}',
]

export const SUPPLIERS = [
  'Microsoft',
  'Civica',
  'Capita',
  'Cisco',
  'Palo Alto Networks',
  'NEC',
  'Idox',
  'Northgate',
]

export function fill(text: string, vars: Record<string, string>): string {
  return text.replace(/\{(\w+)\}/g, (_, key: string) => vars[key] ?? key)
}
