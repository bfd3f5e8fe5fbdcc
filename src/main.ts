import * as core from "@actions/core";

/** The Action entry. The full pipeline lands with the GitHub Action work; today it reports that plainly. */
export async function run(): Promise<void> {
  try {
    core.info("agentops-action: the GitHub Action entry is not implemented yet; use the agentops CLI.");
    await Promise.resolve();
  } catch (e) {
    core.setFailed(e instanceof Error ? e.message : String(e));
  }
}
