import type { EvalResults } from "../report/results.js";

export interface VersionRow {
  version: number;
  /** Environments that run this version. */
  environments: string[];
  /** The newest run of this version in the results files given, if any. */
  last?: { finished_at: string; file: string; mean_score: number; pass_rate: number; examples: number };
}

/** One row per version file: where it runs, and its newest scores from results files (by finished_at). */
export function versionRows(
  prompt: string,
  versions: readonly number[],
  environments: Record<string, Record<string, number>>,
  results: readonly { file: string; results: EvalResults }[],
): VersionRow[] {
  return [...versions]
    .sort((a, b) => a - b)
    .map((version) => {
      const envs = Object.entries(environments)
        .filter(([, pins]) => pins[prompt] === version)
        .map(([name]) => name);
      let last: VersionRow["last"];
      for (const { file, results: r } of results)
        for (const run of r.runs) {
          if (run.prompt !== prompt || run.version !== version || run.summary.ok === 0) continue;
          if (last && last.finished_at >= r.finished_at) continue;
          last = {
            finished_at: r.finished_at,
            file,
            mean_score: run.summary.mean_score,
            pass_rate: run.summary.pass_rate,
            examples: run.summary.ok,
          };
        }
      return { version, environments: envs, ...(last ? { last } : {}) };
    });
}

/** The rows as a plain-text table. */
export function renderVersions(prompt: string, rows: readonly VersionRow[]): string {
  const lines = [`${prompt}:`];
  for (const r of rows) {
    const where = r.environments.length > 0 ? r.environments.join(", ") : "–";
    const score = r.last
      ? `mean ${r.last.mean_score.toFixed(3)}, all criteria passed on ${(r.last.pass_rate * 100).toFixed(1)}% of ${r.last.examples} (${r.last.finished_at}, ${r.last.file})`
      : "no results";
    lines.push(`  v${r.version}  ${where.padEnd(24)}  ${score}`);
  }
  return lines.join("\n") + "\n";
}
