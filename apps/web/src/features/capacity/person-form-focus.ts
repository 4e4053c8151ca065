import { useEffect, useRef, useState } from 'react'

// As projects' form-focus.ts (features do not import each other): after a refused save, focus the
// form's first problem, a field marked invalid or the message that belongs to no field.
export function useFocusFirstProblem() {
  const formRef = useRef<HTMLFormElement>(null)
  const [attempt, setAttempt] = useState(0)
  useEffect(() => {
    if (attempt === 0) return
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"], [data-problem]')?.focus()
  }, [attempt])
  return { formRef, refused: () => setAttempt((n) => n + 1) }
}

/** Today in the browser's zone as a date input holds it (`2026-11-27`). */
export function localToday(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`
}

/** `value` once it has stood still for `ms`: what a preview asks about while someone types. */
export function useSettled<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value)
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms)
    return () => clearTimeout(timer)
  }, [value, ms])
  return settled
}
