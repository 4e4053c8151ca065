// `pnpm account:unlock <email>`: forgets an account's failed sign-ins (and the address-wide ones
// of the addresses that failed on it), for the admin who is locked out of the admin page itself.
// `pnpm account:unlock --all` forgets every failed sign-in, for when everyone behind one proxy or
// NAT is held back. Opens the database as the db CLI does (DATABASE_URL or the embedded server)
// and writes an audit row as the system.
import { DbEnv, openDatabase, openOptions, parseEnv, readEnv, runCli } from '@opsdeck/db'
import { SYSTEM } from '../lib/audit.ts'
import { type UnlockAudit, unlockAccount, unlockEveryone } from './unlock-account.ts'

const USAGE = 'usage: pnpm account:unlock <email> | pnpm account:unlock --all'

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`

async function main(args: string[]): Promise<number> {
  const [target, ...rest] = args
  if (!target || rest.length > 0 || (target.startsWith('-') && target !== '--all')) {
    console.error(USAGE)
    return 2
  }
  // While opsdeck runs, its embedded server is used as it is: no need to stop the app.
  const database = await openDatabase({ ...openOptions(parseEnv(DbEnv, readEnv())), attach: true })
  const audit: UnlockAudit = {
    actor: SYSTEM,
    at: new Date(),
    requestId: null,
    via: 'cli',
  }
  try {
    if (target === '--all') {
      const cleared = await unlockEveryone(database.db, audit)
      console.log(
        `every account and address unlocked (${plural(cleared, 'failed sign-in')} forgotten)`,
      )
      return 0
    }
    const unlocked = await unlockAccount(database.db, { email: target }, audit)
    if (!unlocked) {
      console.error(`no account with the email ${target}`)
      return 1
    }
    const { email, cleared, addresses } = unlocked
    console.log(
      `${email}: unlocked (${plural(cleared, 'failed sign-in')} forgotten, ${plural(addresses, 'address', 'addresses')} cleared)`,
    )
    return 0
  } finally {
    await database.close()
  }
}

runCli(main)
