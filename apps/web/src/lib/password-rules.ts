import { MIN_PASSWORD_LENGTH } from '@opsdeck/contract'

export interface PasswordForm {
  current: string
  next: string
  confirm: string
}

type PasswordProblems = Partial<Record<keyof PasswordForm, string>>

/** What is wrong with a password change before it is sent; empty when it may be sent. */
export function passwordProblems({ current, next, confirm }: PasswordForm): PasswordProblems {
  const problems: PasswordProblems = {}
  if (!current) problems.current = 'Enter your current password'
  if (next.length < MIN_PASSWORD_LENGTH)
    problems.next = `Use at least ${MIN_PASSWORD_LENGTH} characters`
  else if (next === current) problems.next = 'Choose a password different from the current one'
  if (confirm !== next) problems.confirm = 'The two new passwords do not match'
  return problems
}

/** For an admin setting someone's password: just the length rule. */
export function newPasswordProblem(password: string): string | null {
  return password.length < MIN_PASSWORD_LENGTH
    ? `Use at least ${MIN_PASSWORD_LENGTH} characters`
    : null
}
