// `pnpm account:unlock <email>`: forgets an account's failed sign-ins, for the admin who is locked
// out of the admin page itself. Opens the database as the db CLI does (DATABASE_URL or the
// embedded server) and writes an audit row as the system.
import { ConfigError, DbEnv, openDatabase, openOptions, parseEnv, readEnv } from '@opsdeck/db'
import { unlockAccount } from './unlock-account.ts'

const USAGE = 'usage: pnpm account:unlock <email>'

async function main(args: string[]): Promise<number> {
  const [email, ...rest] = args
  if (!email || rest.length > 0 || email.startsWith('-')) {
    console.error(USAGE)
    return 2
  }
  // While opsdeck runs, its embedded server is used as it is: no need to stop the app.
  const database = await openDatabase({ ...openOptions(parseEnv(DbEnv, readEnv())), attach: true })
  try {
    const unlocked = await unlockAccount(
      database.db,
      { email },
      { actor: { userId: null, tokenId: null }, at: new Date(), requestId: null, via: 'cli' },
    )
    if (!unlocked) {
      console.error(`no account with the email ${email}`)
      return 1
    }
    const n = unlocked.cleared
    console.log(`${unlocked.email}: unlocked (${n} failed sign-in${n === 1 ? '' : 's'} forgotten)`)
    return 0
  } finally {
    await database.close()
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    // Configuration mistakes are the user's to fix: one line, no stack trace.
    if (err instanceof ConfigError) console.error(err.message)
    else console.error(err)
    process.exit(1)
  },
)
