import { writeFile } from "node:fs/promises";
import { join, relative, resolve } from "node:path";
import { parseArgs } from "node:util";
import { DEFAULT_GATE } from "../compare/compare.js";
import { MAX_EVAL_SET_BYTES, readUserFile } from "../config/files.js";
import { openProject, resolveTargets } from "../config/project.js";
import { UserError } from "../errors.js";
import { decideEval } from "../engine/eval-gate.js";
import { evaluatePrompt, loadTarget, type PromptRun } from "../engine/evaluate.js";
import { isModelCriterion } from "../engine/scorers/model-criteria.js";
import { feedbackAgreement, humanPass } from "../lifecycle/feedback.js";
import { scoringSuite } from "../lifecycle/score-traces.js";
import {
  renderTraceScoringMarkdown,
  renderTraceScoringText,
  type ScoreResults,
} from "../lifecycle/trace-report.js";
import { traceProvider } from "../lifecycle/trace-provider.js";
import { parseTraces, type Trace } from "../lifecycle/traces.js";
import { progressPrinter } from "../report/progress.js";
import { renderEvalMarkdown, renderEvalText } from "../report/eval-report.js";
import { buildEvalResults } from "../report/results.js";
import { scrubDeep, secretsFromEnv } from "../secrets.js";
import { VERSION } from "../version.js";
import { EXIT, type CliIo } from "./io.js";
import { promptVersions } from "./pin-version.js";
import {
  makeRunSetup,
  oneOf,
  positiveInt,
  providerOptions,
  RUN_FLAG_SPECS,
  runFlags,
  runSignal,
} from "./provider-flags.js";

export const SCORE_HELP = `Usage: agentops score <traces.jsonl> --prompt <name> [options]

Scores logged production traces with a prompt version's criteria, without
calling the model under test: each trace's logged output is the answer. Judges,
moderation and embeddings (llm_judge, safety, similarity by embedding) still
call their models, within the budgets. A line is {id?, input, output, tags?,
metadata?, timestamp?, expected?, latency_ms?, usage?, feedback?} or an OpenAI
chat-completion log record (messages and choices, or request/response); see
the README, "After the merge". feedback is {thumbs: up|down, rating: 1-5,
comment}: each llm_judge criterion's agreement with it (Cohen's kappa and the
traces they disagree on) is reported. A criterion the traces cannot feed (it
compares against expected, or scores latency_ms/usage they did not log) is
skipped and named; the others run.

Options:
  --prompt NAME        the prompt whose criteria score the traces
  --version N          that version's criteria (default: the one active in --env)
  --env NAME           environment whose active version to use (default: production)
  --criteria A,B       score only these criteria (an error if the traces cannot feed one)
  --sample N           score a deterministic sample of N traces (by sha256 of the id)
  --project DIR        the project folder (default: the current folder, searched upwards)
${providerOptions}
  --threshold X        also fail when the mean overall score is below X (0..1)
  --out FILE           write the results JSON (eval's shape, plus trace_scoring) to FILE
  --format FORMAT      table | json | markdown (default: table)
  -q, --quiet          no progress lines
  -h, --help           show this help

Exit codes as for eval: 0 every threshold met, 1 a criterion below its threshold,
2 bad input or usage, 3 incomplete, 4 internal error.
`;

const FORMATS = ["table", "json", "markdown"] as const;

export interface ScoreOptions {
  tracesFile: string;
  prompt: string;
  version?: number;
  environment?: string;
  sample?: number;
  criteria?: string[];
  project?: string;
  quiet?: boolean;
  flags: ReturnType<typeof runFlags>;
}

/** Scores a traces file; shared with drift, which scores raw traces on the way. */
export async function scoreTraces(
  opts: ScoreOptions,
  io: CliIo,
  preparsed?: Trace[],
): Promise<{ results: ScoreResults; maxErrorRate: number }> {
  const rel = (p: string): string => relative(io.cwd, p) || ".";
  const tracesPath = resolve(io.cwd, opts.tracesFile);
  const traces =
    preparsed ?? parseTraces(await readUserFile(tracesPath, MAX_EVAL_SET_BYTES), opts.tracesFile);
  const opened = await openProject(resolve(io.cwd, opts.project ?? "."));
  await promptVersions(opened, opts.prompt); // an unknown prompt is an error naming the known ones
  const { project, targets } = await resolveTargets(join(opened.promptsDir, opts.prompt), {
    ...(opts.version !== undefined ? { version: opts.version } : {}),
    ...(opts.environment ? { environment: opts.environment } : {}),
  });
  const target = targets[0];
  if (!target) throw new Error(`no version of ${opts.prompt} to score`);
  const loaded = await loadTarget(project, target);
  const suite = scoringSuite(loaded.prompt, traces, rel(tracesPath), opts.sample, opts.criteria);
  const signal = runSignal(opts.flags, io);
  // Rule criteria alone call nothing: no provider needs configuring for them (mock is never asked).
  const needsModels = suite.prompt.data.eval_criteria.some(
    (c) => c.type === "llm_judge" || isModelCriterion(c),
  );
  const flags =
    needsModels || opts.flags.provider || project.config.provider || io.env.OPENAI_API_KEY
      ? opts.flags
      : { ...opts.flags, provider: "mock" };
  const setup = await makeRunSetup(project, flags, io);
  const now = io.now ?? Date.now;
  const startedAt = new Date(now());
  const label = `${target.name} v${target.version} on ${rel(tracesPath)}`;
  const run: PromptRun = await evaluatePrompt(
    suite.prompt,
    suite.evalSet,
    {
      name: target.name,
      reason: `scoring traces (${target.reason})`,
      file: rel(loaded.prompt.file),
      evalSetFile: rel(tracesPath),
    },
    {
      ...setup.run,
      provider: traceProvider(traces, setup.run.provider, needsModels),
      ...(signal ? { signal } : {}),
      ...(opts.quiet ? {} : { onProgress: progressPrinter(label, (s) => io.stderr(`${s}\n`), now) }),
    },
  );
  // --sample cut the traces before the run saw them; say so as max_examples would.
  const sampled = run.sampled ?? suite.sampled;
  const evalResults = buildEvalResults({
    version: VERSION,
    provider: needsModels ? `traces+${setup.run.provider.id}` : "traces",
    startedAt,
    finishedAt: new Date(now()),
    runs: [{ ...run, ...(sampled ? { sampled } : {}) }],
    failed: [],
    secrets: secretsFromEnv(io.env),
  });
  const judges = suite.prompt.data.eval_criteria.flatMap((c) => (c.type === "llm_judge" ? [c.name] : []));
  const scored = new Set(suite.evalSet.examples.map((e) => e.id));
  const inRun = traces.filter((t) => scored.has(t.id));
  // Feedback comments are production text: masked like the rest of the results.
  const results: ScoreResults = {
    ...evalResults,
    trace_scoring: scrubDeep(
      {
        traces_file: rel(tracesPath),
        traces: inRun.length,
        with_feedback: inRun.filter((t) => humanPass(t.feedback) !== undefined).length,
        skipped_criteria: suite.skipped,
        feedback_agreement: feedbackAgreement(judges, run.examples, inRun),
      },
      secretsFromEnv(io.env),
    ),
  };
  return { results, maxErrorRate: project.config.thresholds?.max_error_rate ?? DEFAULT_GATE.maxErrorRate };
}

export async function scoreCommand(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      prompt: { type: "string" },
      version: { type: "string" },
      env: { type: "string" },
      sample: { type: "string" },
      criteria: { type: "string" },
      project: { type: "string" },
      ...RUN_FLAG_SPECS,
      threshold: { type: "string" },
      out: { type: "string" },
      format: { type: "string" },
      quiet: { type: "boolean", short: "q" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    io.stdout(SCORE_HELP);
    return EXIT.ok;
  }
  const [tracesFile, ...extra] = positionals;
  if (!tracesFile || extra.length)
    throw new UserError("score takes exactly one traces file", {}, "run: agentops score --help");
  if (!values.prompt) throw new UserError("score needs --prompt", {}, "e.g. --prompt summarize");
  const format = oneOf(values.format, FORMATS, "--format") ?? "table";
  const threshold = fraction(values.threshold, "--threshold");
  const version = positiveInt(values.version, "--version");
  const sample = positiveInt(values.sample, "--sample");
  const criteria = criteriaList(values.criteria);
  const { results, maxErrorRate } = await scoreTraces(
    {
      tracesFile,
      prompt: values.prompt,
      ...(version !== undefined ? { version } : {}),
      ...(values.env ? { environment: values.env } : {}),
      ...(sample !== undefined ? { sample } : {}),
      ...(criteria ? { criteria } : {}),
      ...(values.project ? { project: values.project } : {}),
      ...(values.quiet ? { quiet: true } : {}),
      flags: runFlags(values),
    },
    io,
  );
  if (values.out) {
    const out = resolve(io.cwd, values.out);
    await writeFile(out, JSON.stringify(results, null, 2) + "\n");
    if (!values.quiet) io.stderr(`results written to ${relative(io.cwd, out)}\n`);
  }
  if (format === "json") io.stdout(JSON.stringify(results, null, 2) + "\n");
  else if (format === "markdown")
    io.stdout(
      renderEvalMarkdown(results) +
        (results.trace_scoring ? renderTraceScoringMarkdown(results.trace_scoring) : ""),
    );
  else
    io.stdout(
      renderEvalText(results) + (results.trace_scoring ? renderTraceScoringText(results.trace_scoring) : ""),
    );
  const gate = decideEval(results, { ...(threshold !== undefined ? { threshold } : {}), maxErrorRate });
  for (const reason of gate.reasons)
    io.stderr(`${gate.outcome === "fail" ? "failed" : "incomplete"}: ${reason}\n`);
  return gate.outcome === "fail"
    ? EXIT.regression
    : gate.outcome === "incomplete"
      ? EXIT.inconclusive
      : EXIT.ok;
}

function fraction(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (value.trim() === "" || !Number.isFinite(n) || n < 0 || n > 1)
    throw new UserError(`${flag} takes a number from 0 to 1, got "${value}"`, {}, `e.g. ${flag} 0.85`);
  return n;
}

/** --criteria a,b: names, trimmed, none empty. */
export function criteriaList(value: string | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  const names = value.split(",").map((n) => n.trim());
  if (names.some((n) => n === ""))
    throw new UserError(
      `--criteria takes names separated by commas, got "${value}"`,
      {},
      "e.g. --criteria tone,format",
    );
  return [...new Set(names)];
}
