import { budgetFill, budgetLevel, budgetText } from '../budget.ts'

/** The error budget left: a bar of the share (decorative) and the same in words beside it. */
export function BudgetBar({ remainingShare }: { remainingShare: number | null }) {
  const level = budgetLevel(remainingShare)
  return (
    <span className={`budget budget-${level}`}>
      <span className="budget-track" aria-hidden="true">
        <span className="budget-fill" style={{ width: `${budgetFill(remainingShare)}%` }} />
      </span>
      <span className="budget-text">{budgetText(remainingShare)}</span>
    </span>
  )
}
