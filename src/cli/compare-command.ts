import { writeFile } from "node:fs/promises";
import { relative, resolve } from "node:path";
import { parseArgs } from "node:util";
import { gateSettings } from "../compare/compare.js";
import { checkEnvironment, openProject } from "../config/project.js";
import { UserError } from "../errors.js";
import { createGit, resolveOrFetch, showFile, type Git } from "../plan/git.js";
import { projectAt, requirePrompts } from "../plan/project-at.js";
import { planComparison } from "../plan/plan.js";
import { runComparison, type CompareOptions, type CompareResults } from "../pipeline/compare-run.js";
import { parseShard } from "../scale/shard.js";
import { runShardCommand } from "./shard-command.js";
import { runUrlFromEnv } from "../run-url.js";
import { renderCompareMarkdown } from "../report/compare-report.js";
import { EXIT, type CliIo } from "./io.js";
import { progressPrinter } from "../report/progress.js";
import { makeRunSetup, runSignal, providerOptions, RUN_FLAG_SPECS, runFlags } from "./provider-flags.js";
import { scrubDeep, secretsFromEnv } from "../secrets.js";
import { writeJsonFile } from "../report/json-file.js";

export const COMPARE_HELP = `Usage: agentops compare [--base <ref>] [--head <ref>] [options]

Works out which prompts the change from <base> to <head> affects, evaluates the
champion (the version active at <base>, read from git) and the challenger
(the version the change proposes) on the base's examples plus those the change
adds, and decides the gate. What judges the change (config, criteria, rubrics,
examples) comes from <base>; a change that edits it needs approval (exit 5).

Options:
  --base REF           the baseline revision (default: origin/HEAD, the remote's default branch)
  --head REF           the proposed revision (default: HEAD)
  --env NAME           environment whose active version is the baseline (default: config, else production)
  --tolerance PTS      largest tolerated drop in points (default: config, else 2)
  --alpha A            family-wise chance of failing a change that is not worse beyond the
                       tolerance, over every criterion of every prompt (default: config, else 0.01)
  --out FILE           write the results JSON to FILE
  --report FILE        write the markdown report to FILE
  --format FORMAT      markdown | json (what goes to stdout; default markdown)
  --shard I/N          run only shard I of N (a stable share of the examples) and write its results
                       to --out, else agentops-shards/shard-I-of-N.json; agentops merge decides
${providerOptions}
  -q, --quiet          no progress lines
  -h, --help           show this help

Exit codes: 0 pass, 1 fail (a regression or a missed threshold), 2 bad input or usage, 3 inconclusive,
4 internal error, 5 needs approval (the change edits its own config, criteria, rubrics or base examples).
`;

export function exitCodeFor(results: CompareResults): number {
  if (results.verdict === "fail") return EXIT.regression;
  if (results.verdict === "needs_approval") return EXIT.needsApproval;
  if (results.verdict === "inconclusive") return EXIT.inconclusive;
  return EXIT.ok;
}

export async function compareCommand(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      base: { type: "string" },
      head: { type: "string" },
      env: { type: "string" },
      tolerance: { type: "string" },
      alpha: { type: "string" },
      out: { type: "string" },
      report: { type: "string" },
      format: { type: "string" },
      shard: { type: "string" },
      ...RUN_FLAG_SPECS,
      quiet: { type: "boolean", short: "q" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    io.stdout(COMPARE_HELP);
    return EXIT.ok;
  }
  if (positionals.length)
    throw new UserError(`unexpected argument "${positionals[0] ?? ""}"`, {}, "run: agentops compare --help");
  const format = values.format ?? "markdown";
  if (format !== "markdown" && format !== "json")
    throw new UserError(`--format must be markdown or json, got "${format}"`);
  let tolerance: number | undefined;
  if (values.tolerance !== undefined) {
    tolerance = Number(values.tolerance);
    if (!Number.isFinite(tolerance) || tolerance < 0 || tolerance > 100) {
      throw new UserError(`--tolerance takes points between 0 and 100, got "${values.tolerance}"`);
    }
  }

  let alpha: number | undefined;
  if (values.alpha !== undefined) {
    alpha = Number(values.alpha);
    if (!Number.isFinite(alpha) || alpha <= 0 || alpha > 0.5) {
      throw new UserError(`--alpha takes a probability above 0 and at most 0.5, got "${values.alpha}"`);
    }
  }

  const shard = values.shard !== undefined ? parseShard(values.shard, "--shard") : undefined;
  const git = createGit(io.cwd);
  const top = (await git.run(["rev-parse", "--show-toplevel"])).trim();
  const base = values.base ?? (await remoteDefaultBranch(git));
  if (!base)
    throw new UserError(
      "--base is required here (no origin/HEAD to default to)",
      {},
      "e.g. agentops compare --base origin/main --head HEAD",
    );
  if (!values.base) io.stderr(`comparing with ${base}, the remote's default branch (--base to choose)\n`);
  const project = await openProject(io.cwd);
  const rel = (p: string): string => relative(top, p).split("\\").join("/");
  // As in the Action, the base revision lays out the project and its config judges the change.
  const baseSha = await resolveOrFetch(git, base);
  const atBase = await projectAt(git, baseSha, rel(io.cwd));
  await requirePrompts(git, [baseSha, values.head ?? "HEAD"], atBase);
  if (values.env) checkEnvironment(atBase.config?.config ?? {}, values.env, atBase.config?.path);
  // Without --env, the plan uses the base revision's gate_environment: a change cannot pick its own baseline.
  const environment = values.env;
  const plan = await planComparison({
    git,
    base,
    head: values.head ?? "HEAD",
    promptsDir: atBase.promptsDir,
    configPath: atBase.config?.path,
    ...(environment ? { environment } : {}),
  });
  const trusted = plan.trustedConfig;

  const signal = runSignal(runFlags(values), io);
  const setup = await makeRunSetup(project, runFlags(values), io);
  const gate = gateSettings(trusted.thresholds, { tolerance, alpha });
  const compareOptions: CompareOptions = {
    run: {
      ...setup.run,
      ...(values.quiet
        ? {}
        : { onProgress: (label: string) => progressPrinter(label, (s) => io.stderr(`${s}\n`), io.now) }),
    },
    readFile: (side, path) => showFile(git, side === "champion" ? plan.baseSha : plan.headSha, path),
    gate,
    ...(signal ? { signal } : {}),
    ...(io.now ? { now: io.now } : {}),
  };
  const labels = { base, head: values.head ?? "HEAD" };
  if (shard) return runShardCommand(plan, labels, compareOptions, shard, values.out, io);
  const compared = await runComparison(plan, labels, compareOptions);
  // Scrubbed as a value, before serializing: JSON would hide a key split by a newline as "\n".
  const results = scrubDeep(compared, secretsFromEnv(io.env));
  // Run as a workflow step, the report links the run (and its artifacts) like the Action's does.
  const runUrl = runUrlFromEnv(io.env);
  const markdown = renderCompareMarkdown(results, runUrl ? { runUrl } : {});
  if (values.out) await writeJsonFile(resolve(io.cwd, values.out), results);
  if (values.report) await writeFile(resolve(io.cwd, values.report), markdown);
  io.stdout(format === "json" ? JSON.stringify(results, null, 2) + "\n" : markdown);
  return exitCodeFor(results);
}

/** origin/HEAD as "origin/main", when the clone knows the remote's default branch. */
async function remoteDefaultBranch(git: Git): Promise<string | undefined> {
  try {
    return (await git.run(["symbolic-ref", "--short", "refs/remotes/origin/HEAD"])).trim() || undefined;
  } catch {
    return undefined;
  }
}
