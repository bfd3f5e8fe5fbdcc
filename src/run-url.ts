/**
 * The workflow run's page, where a report's reader finds the log, the job summary and the
 * uploaded artifacts. Pure and free of @actions/github, so the CLI (run as a workflow step)
 * links its report to the run too.
 */
export function runUrlOf(serverUrl: string, repository: string, runId: number | string): string | undefined {
  const id = String(runId);
  if (
    !/^[1-9]\d*$/.test(id) ||
    !/^[\w.-]+\/[\w.-]+$/.test(repository) ||
    !/^https?:\/\/[^\s/]+/.test(serverUrl)
  )
    return undefined;
  return `${serverUrl.replace(/\/+$/, "")}/${repository}/actions/runs/${id}`;
}

/** GITHUB_SERVER_URL/GITHUB_REPOSITORY/actions/runs/GITHUB_RUN_ID, when all three are set. */
export function runUrlFromEnv(env: Readonly<Record<string, string | undefined>>): string | undefined {
  const { GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repo, GITHUB_RUN_ID: id } = env;
  return server && repo && id ? runUrlOf(server, repo, id) : undefined;
}
