import type { EmbeddedServer } from './embedded.ts'
import { credentialsPath, readCredentials, serverUrls } from './embedded-credentials.ts'
import { readPidFile } from './embedded-orphan.ts'

/**
 * The server of the opsdeck that runs on this data folder, for the CLIs (unlock, migrate, seed)
 * while the app runs: reached on the port in postmaster.pid with the credentials file, never
 * started, stopped or changed (its stop() does nothing). Undefined when no live opsdeck runs it.
 */
export async function attachEmbedded(dataDir: string): Promise<EmbeddedServer | undefined> {
  const state = await readPidFile(dataDir)
  if (state.kind !== 'in-use') return undefined
  const { port, owner } = state
  if (!Number.isInteger(port) || port <= 0) {
    throw new Error(`the embedded PostgreSQL of opsdeck (pid ${owner}) names no port`)
  }
  const creds = await readCredentials(dataDir)
  if (!creds) {
    throw new Error(
      `the embedded PostgreSQL of opsdeck (pid ${owner}) runs, but its credentials file ` +
        `${credentialsPath(dataDir)} is missing`,
    )
  }
  return { ...serverUrls(port, creds), port, attachedTo: owner, stop: async () => {} }
}
