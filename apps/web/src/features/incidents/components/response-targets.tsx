import { Stat, type Tone } from '../../../components/ui/stat.tsx'
import { formatDuration, formatInstant } from '../../../lib/format.ts'
import { MILESTONE_NAMES } from '../list-transform.ts'
import type { MilestoneTarget, ResponseTargets as Targets } from '../queries.ts'

const STATE_WORDS = { met: 'Met', breached: 'Breached', pending: 'Pending' } as const
const TONES: Record<MilestoneTarget['state'], Tone> = {
  met: 'good',
  breached: 'bad',
  pending: undefined,
}

/** The acknowledge and resolve targets of the incident's severity: met, breached or time left. */
export function ResponseTargets({ targets }: { targets: Targets | null }) {
  if (!targets) {
    return <p className="muted">No response targets are set for this severity.</p>
  }
  return (
    <div className="stats">
      {(['ack', 'resolve'] as const).map((key) => {
        const t = targets[key]
        return (
          <Stat
            key={key}
            label={`${MILESTONE_NAMES[key]} target`}
            value={STATE_WORDS[t.state]}
            tone={TONES[t.state]}
            note={noteOf(t)}
          />
        )
      })}
    </div>
  )
}

function noteOf(t: MilestoneTarget) {
  const target = `target ${formatDuration(t.targetMinutes)}`
  if (t.leftMinutes === null) return `took ${formatDuration(t.minutes)}, ${target}`
  if (t.leftMinutes < 0) {
    return `${formatDuration(-t.leftMinutes)} overdue (due ${formatInstant(t.dueAt)}), ${target}`
  }
  return `${formatDuration(t.leftMinutes)} left (due ${formatInstant(t.dueAt)}), ${target}`
}
