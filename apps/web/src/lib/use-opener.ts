import { useCallback, useEffect, useRef, useState } from 'react'

/**
 * A form opened from a button it replaces: `close()` puts focus back on the button (`opener`),
 * since closing removes the focused element and focus would otherwise fall to the page.
 */
export function useOpener() {
  const [open, setOpen] = useState(false)
  const opener = useRef<HTMLButtonElement>(null)
  const returning = useRef(false)
  useEffect(() => {
    if (open || !returning.current) return
    returning.current = false
    opener.current?.focus()
  }, [open])
  const show = useCallback(() => setOpen(true), [])
  const close = useCallback(() => {
    returning.current = true
    setOpen(false)
  }, [])
  return { open, show, close, opener }
}
