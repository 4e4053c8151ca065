interface ProjectsPageProps {
  /** Managers and admins add projects and import actuals; viewers only read. */
  canManage: boolean
}

/** The portfolio: every live project's budget, spend, forecast and RAG with its reason. */
export function ProjectsPage({ canManage }: ProjectsPageProps) {
  return (
    <div className="page">
      <title>Projects · opsdeck</title>
      <h1>Projects</h1>
      {canManage ? null : null}
    </div>
  )
}
