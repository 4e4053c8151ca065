import type { ServiceConfigAnswer } from '../features/services/queries.ts'
import { NOW } from './services-fixture.ts'

// The catalogue's answers (POST /services, archive, restore), typed from the API's own types.

type Config = ServiceConfigAnswer['service']

/** A new push-checked service as the API answers its creation. */
export const configFixture = (over: Partial<Config> = {}): ServiceConfigAnswer => ({
  service: {
    slug: 'vpn',
    name: 'VPN gateway',
    description: '',
    tier: 2,
    ownerTeam: { slug: 'infrastructure-cloud', name: 'Infrastructure & Cloud' },
    sloTarget: 0.9995,
    sloWindowDays: 30,
    tags: ['network', 'remote'],
    runbookUrl: null,
    dashboardUrl: null,
    openIncidentOnPage: false,
    check: {
      mode: 'push',
      kind: 'http',
      enabled: true,
      url: null,
      method: 'GET',
      expectedStatuses: [200],
      keyword: null,
      host: null,
      port: null,
      intervalSeconds: 60,
      timeoutMs: 10_000,
      degradedLatencyMs: 2000,
    },
    archivedAt: null,
    createdAt: NOW,
    updatedAt: NOW,
    ...over,
  },
})
