import { mkdir } from "node:fs/promises";
import { dirname, join, relative, resolve } from "node:path";
import { parseArgs } from "node:util";
import { resolveTargets } from "../config/project.js";
import { errorMessage, isUserError, UserError } from "../errors.js";
import { DEFAULT_GATE } from "../compare/compare.js";
import { stopReason } from "../engine/deadline.js";
import { decideEval } from "../engine/eval-gate.js";
import { evaluatePrompt, loadTarget, type LoadedTarget, type PromptRun } from "../engine/evaluate.js";
import { renderEvalMarkdown, renderEvalText } from "../report/eval-report.js";
import { buildEvalResults } from "../report/results.js";
import { secretsFromEnv } from "../secrets.js";
import { VERSION } from "../version.js";
import { sampleById } from "../engine/sample.js";
import { evalShardFileName, parseShard, shareSets } from "../scale/shard.js";
import { DEFAULT_SHARD_DIR } from "../scale/write-shard.js";
import { EXIT, type CliIo } from "./io.js";
import { progressPrinter } from "../report/progress.js";
import {
  makeRunSetup,
  runSignal,
  oneOf,
  positiveInt,
  providerOptions,
  RUN_FLAG_SPECS,
  runFlags,
} from "./provider-flags.js";
import { writeJsonFile } from "../report/json-file.js";

export const EVAL_HELP = `Usage: agentops eval <path> [options]

Evaluates prompt versions on their eval sets and prints per-criterion results.
<path> is a version file (prompts/summarize/v2.yaml), a prompt folder
(prompts/summarize: its active version), a prompts folder or a project folder
(every prompt's active version).

Options:
  --version N          evaluate version N instead of the active one
  --env NAME           environment whose active version to use (default: production)
${providerOptions}
  --threshold X        also fail when a prompt's mean overall score is below X (0..1)
  --out FILE           write the results JSON to FILE
  --shard I/N          evaluate only shard I of N (a stable share of the examples); results go to
                       --out, else agentops-shards/eval-shard-I-of-N.json
  --format FORMAT      table | json | markdown (default: table)
  --by tag             table format: also each criterion by eval-set category
                       (tags, labels.category) and the failing examples by category
  -q, --quiet          no progress lines
  -h, --help           show this help

Exit codes: 0 every threshold met, 1 a criterion below its threshold (or the mean
score below --threshold), 2 bad input or usage (found before any model call),
3 incomplete (stopped early, or more errors than thresholds.max_error_rate),
4 internal error or a prompt that could not be run.
`;

const FORMATS = ["table", "json", "markdown"] as const;

export async function evalCommand(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      version: { type: "string" },
      env: { type: "string" },
      ...RUN_FLAG_SPECS,
      threshold: { type: "string" },
      out: { type: "string" },
      shard: { type: "string" },
      format: { type: "string" },
      by: { type: "string" },
      quiet: { type: "boolean", short: "q" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    io.stdout(EVAL_HELP);
    return EXIT.ok;
  }
  const [path, ...extra] = positionals;
  if (!path || extra.length)
    throw new UserError("eval takes exactly one path", {}, "run: agentops eval --help");
  const version = positiveInt(values.version, "--version");
  const format = oneOf(values.format, FORMATS, "--format") ?? "table";
  const byTag = oneOf(values.by, ["tag"] as const, "--by") === "tag";
  const threshold = fraction(values.threshold, "--threshold");
  const shard = values.shard !== undefined ? parseShard(values.shard, "--shard") : undefined;

  const { project, targets } = await resolveTargets(resolve(io.cwd, path), {
    ...(version !== undefined ? { version } : {}),
    ...(values.env ? { environment: values.env } : {}),
  });
  const rel = (p: string): string => relative(io.cwd, p) || ".";
  // Load every target first: a typo in the last prompt should not cost the first one's model calls.
  const loaded: LoadedTarget[] = [];
  for (const t of targets) loaded.push(await loadTarget(project, t));

  const signal = runSignal(runFlags(values), io);
  const setup = await makeRunSetup(project, runFlags(values), io);
  if (shard) {
    // max_examples cuts each eval set as one run would, before the cut is dealt.
    const cut = loaded.map((l) => ({
      prompt: l.target.name,
      examples: sampleById(l.evalSet.examples, setup.run.maxExamples).items,
    }));
    shareSets(cut, shard).forEach((examples, i) => {
      const l = loaded[i];
      if (l) l.evalSet = { ...l.evalSet, examples };
    });
  }

  const now = io.now ?? Date.now;
  const startedAt = new Date(now());
  const runs: PromptRun[] = [];
  const failed: { prompt: string; reason: string }[] = [];
  for (const l of loaded) {
    if (signal?.aborted) {
      failed.push({
        prompt: `${l.target.name} v${l.target.version}`,
        reason: `${stopReason(signal)} before it started`,
      });
      continue;
    }
    try {
      const label = `${l.target.name} v${l.target.version}`;
      runs.push(
        await evaluatePrompt(
          l.prompt,
          l.evalSet,
          {
            name: l.target.name,
            reason: l.target.reason,
            file: rel(l.prompt.file),
            evalSetFile: rel(l.evalSet.file),
          },
          {
            ...setup.run,
            ...(signal ? { signal } : {}),
            ...(values.quiet ? {} : { onProgress: progressPrinter(label, (s) => io.stderr(`${s}\n`), now) }),
          },
        ),
      );
    } catch (e) {
      if (isUserError(e)) throw e;
      failed.push({ prompt: `${l.target.name} v${l.target.version}`, reason: errorMessage(e) });
    }
  }
  const results = buildEvalResults({
    version: VERSION,
    provider: setup.run.provider.id,
    startedAt,
    finishedAt: new Date(now()),
    runs,
    failed,
    secrets: secretsFromEnv(io.env),
  });

  const outFile = values.out ?? (shard ? join(DEFAULT_SHARD_DIR, evalShardFileName(shard)) : undefined);
  if (outFile) {
    const out = resolve(io.cwd, outFile);
    await mkdir(dirname(out), { recursive: true });
    const written = shard ? { ...results, shard: { index: shard.index, count: shard.count } } : results;
    await writeJsonFile(out, written);
    if (!values.quiet) io.stderr(`results written to ${rel(out)}\n`);
  }
  if (format === "json") io.stdout(JSON.stringify(results, null, 2) + "\n");
  else if (format === "markdown") io.stdout(renderEvalMarkdown(results));
  else io.stdout(renderEvalText(results, { byTag }));
  const gate = decideEval(results, {
    ...(threshold !== undefined ? { threshold } : {}),
    maxErrorRate: project.config.thresholds?.max_error_rate ?? DEFAULT_GATE.maxErrorRate,
  });
  for (const reason of gate.reasons)
    io.stderr(`${gate.outcome === "fail" ? "failed" : "incomplete"}: ${reason}\n`);
  if (failed.length > 0) return EXIT.internal;
  return gate.outcome === "fail"
    ? EXIT.regression
    : gate.outcome === "incomplete"
      ? EXIT.inconclusive
      : EXIT.ok;
}

/** A number in [0, 1] from a flag, or undefined when the flag is absent. */
function fraction(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (value.trim() === "" || !Number.isFinite(n) || n < 0 || n > 1)
    throw new UserError(`${flag} takes a number from 0 to 1, got "${value}"`, {}, `e.g. ${flag} 0.85`);
  return n;
}
