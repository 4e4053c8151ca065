import type { ReactNode } from 'react'
import { type Action, can } from './permissions.ts'
import { useMe } from './queries.ts'

/** Whether the signed-in person's role allows the action (false while unknown). */
function useCan(action: Action): boolean {
  return can(useMe()?.role, action)
}

interface CanProps {
  action: Action
  children: ReactNode
  /** What to show instead, e.g. a "no access" page; nothing by default. */
  fallback?: ReactNode
}

export function Can({ action, children, fallback = null }: CanProps) {
  return useCan(action) ? children : fallback
}
