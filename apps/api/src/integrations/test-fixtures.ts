import { readFileSync } from 'node:fs'

// Alertmanager webhook bodies (version 4) as Alertmanager writes them (Go's field order, the zero
// time as a firing alert's end, 16-hex fingerprints):
// - am-openshift-firing / -resolved: a firing and its resolved delivery captured from OpenShift's
//   user-workload Alertmanager (github.com/rbaumgar/monitor-demo-app, application-monitoring.md).
// - am-instance-down-2019: a 2019 delivery quoted in the thunderball project’s README (Alertmanager
//   to Jira): no truncatedAlerts, nanosecond startsAt.
// - am-gnocpush-major: a delivery from kube-prometheus-stack (github.com/lsst-it/gnocpush README):
//   severity "major", no `service` label.
// - am-multi-firing: a group of three alerts (two firing, warning and critical, on two services;
//   one resolved since the last notification), in the same shape.
export type AlertmanagerFixture =
  | 'am-openshift-firing'
  | 'am-openshift-resolved'
  | 'am-instance-down-2019'
  | 'am-gnocpush-major'
  | 'am-multi-firing'

/** A fixture's text, exactly as it would arrive. */
export const fixtureText = (name: AlertmanagerFixture) =>
  readFileSync(new URL(`./fixtures/${name}.json`, import.meta.url), 'utf8')

/** A fixture parsed, for a test to change a copy of it. */
export const fixture = (name: AlertmanagerFixture) =>
  JSON.parse(fixtureText(name)) as AlertmanagerBody

export interface AlertmanagerBody {
  groupKey: string
  status: string
  alerts: {
    status: string
    labels: Record<string, string>
    annotations: Record<string, string>
    startsAt: string
    endsAt: string
    fingerprint: string
  }[]
  [field: string]: unknown
}
