import { useEffect, useRef, useState } from 'react'

/**
 * After a refused save (a local check or the API's 400), focus the form's first problem: a field
 * marked invalid, or the message that belongs to no field. Call `refused()` on each refusal.
 */
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
