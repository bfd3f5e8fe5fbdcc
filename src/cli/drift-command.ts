import { writeFile } from "node:fs/promises";
import { relative, resolve } from "node:path";
import { parseArgs } from "node:util";
import { MAX_EVAL_SET_BYTES, readUserFile } from "../config/files.js";
import { UserError } from "../errors.js";
import type { ExampleResult } from "../engine/runner.js";
import { driftReport, inputDrift } from "../lifecycle/drift.js";
import { renderDriftMarkdown } from "../lifecycle/drift-report.js";
import {
  criterionSources,
  labelDrift,
  outputFieldSource,
  type LabelSource,
} from "../lifecycle/label-drift.js";
import type { ScoreResults } from "../lifecycle/trace-report.js";
import type { Criterion } from "../config/schema.js";
import { parseTraces, type Trace } from "../lifecycle/traces.js";
import { scrubDeep, secretsFromEnv } from "../secrets.js";
import { EXIT, type CliIo } from "./io.js";
import { providerOptions, positiveInt, RUN_FLAG_SPECS, runFlags, oneOf } from "./provider-flags.js";
import { scoreTraces } from "./score-command.js";
import { parseResults } from "./versions-command.js";

export const DRIFT_HELP = `Usage: agentops drift --baseline <a> --current <b> --prompt <name> [options]

Compares two windows of a prompt's production traffic: per criterion the shift
of the score distribution (PSI, a two-sample KS test for graded scores, a
two-proportion z-test for pass rates), the drift of the inputs (text
length, tag mix, each --field) and of the output labels (each one_of and
equals criterion's label, each --field output.PATH: PSI and Jensen-Shannon
divergence). A window is a results JSON of agentops score
(--out), or raw traces (JSONL), scored on the way with the prompt's criteria.

Options:
  --baseline FILE      the earlier window
  --current FILE       the window to check
  --prompt NAME        the prompt whose criteria score (and name) the windows
  --version N          that version's criteria, for raw traces (default: the one active in --env)
  --env NAME           environment whose active version to use (default: production)
  --field NAME         an input field to check for drift (raw traces only), or output.PATH:
                       a field of the JSON answer whose values are labels; repeat for several
  --fail-psi X         exit 1 when any PSI is above X (default 0.25)
  --sample N           score a deterministic sample of N traces per raw window
  --project DIR        the project folder (default: the current folder, searched upwards)
${providerOptions}
  --out FILE           write the drift JSON to FILE
  --report FILE        write the markdown report to FILE
  --format FORMAT      markdown | json (what goes to stdout; default markdown)
  -q, --quiet          no progress lines
  -h, --help           show this help

Exit codes: 0 no PSI above --fail-psi, 1 a PSI above it, 2 bad input or usage,
3 a raw window could not be scored completely, 4 internal error.
`;

interface Window {
  results: ExampleResult[];
  criteria: string[];
  /** Every criterion of the run with its type, the skipped ones included (their labels need no verdict). */
  types: { name: string; type: Criterion["type"] }[];
  traces?: Trace[];
  complete: boolean;
}

export async function driftCommand(argv: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    allowPositionals: false,
    strict: true,
    options: {
      baseline: { type: "string" },
      current: { type: "string" },
      prompt: { type: "string" },
      version: { type: "string" },
      env: { type: "string" },
      field: { type: "string", multiple: true },
      "fail-psi": { type: "string" },
      sample: { type: "string" },
      project: { type: "string" },
      ...RUN_FLAG_SPECS,
      out: { type: "string" },
      report: { type: "string" },
      format: { type: "string" },
      quiet: { type: "boolean", short: "q" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    io.stdout(DRIFT_HELP);
    return EXIT.ok;
  }
  if (!values.baseline || !values.current || !values.prompt)
    throw new UserError("drift needs --baseline, --current and --prompt", {}, "run: agentops drift --help");
  const format = oneOf(values.format, ["markdown", "json"] as const, "--format") ?? "markdown";
  const failPsi = values["fail-psi"] === undefined ? 0.25 : Number(values["fail-psi"]);
  if (!Number.isFinite(failPsi) || failPsi <= 0)
    throw new UserError(
      `--fail-psi takes a positive number, got "${values["fail-psi"]}"`,
      {},
      "e.g. --fail-psi 0.25",
    );
  const version = positiveInt(values.version, "--version");
  const sample = positiveInt(values.sample, "--sample");
  const prompt = values.prompt;

  const load = async (file: string): Promise<Window> => {
    const text = await readUserFile(resolve(io.cwd, file), MAX_EVAL_SET_BYTES);
    if (text.trimStart().startsWith("{") && looksLikeResults(text)) {
      const parsed = parseResults(text, file) as ScoreResults;
      const runs = parsed.runs.filter((r) => r.prompt === prompt);
      if (runs.length === 0)
        throw new UserError(
          `holds no run of prompt "${prompt}"`,
          { file, field: "runs" },
          "pass the results of agentops score --prompt " + prompt,
        );
      return {
        results: runs.flatMap((r) => r.examples),
        criteria: [...new Set(runs.flatMap((r) => r.criteria.map((c) => c.name)))],
        types: typesOf(runs, parsed),
        complete: runs.every((r) => !r.stopped),
      };
    }
    const traces = parseTraces(text, file);
    const { results } = await scoreTraces(
      {
        tracesFile: file,
        prompt,
        ...(version !== undefined ? { version } : {}),
        ...(values.env ? { environment: values.env } : {}),
        ...(sample !== undefined ? { sample } : {}),
        ...(values.project ? { project: values.project } : {}),
        ...(values.quiet ? { quiet: true } : {}),
        flags: runFlags(values),
      },
      io,
      traces,
    );
    const run = results.runs[0];
    const kept = new Set(run?.examples.map((e) => e.id));
    return {
      results: run?.examples ?? [],
      criteria: run?.criteria.map((c) => c.name) ?? [],
      types: typesOf(run ? [run] : [], results),
      traces: traces.filter((t) => kept.has(t.id)),
      complete: results.complete,
    };
  };
  const baseline = await load(values.baseline);
  const current = await load(values.current);
  const criteria = current.criteria.filter((c) => baseline.criteria.includes(c));
  const outputFields = (values.field ?? []).flatMap((f) => {
    const source = outputFieldSource(f);
    return source ? [source] : [];
  });
  const fields = (values.field ?? []).filter((f) => !outputFieldSource(f));
  // A label source counts when both windows have it, with the same type.
  const sources: LabelSource[] = [
    ...criterionSources(
      current.types.filter((c) => baseline.types.some((b) => b.name === c.name && b.type === c.type)),
    ),
    ...outputFields,
  ];
  // Categories and field values come from production inputs, which may hold a key: masked like eval's results.
  const report = scrubDeep(
    driftReport({
      prompt,
      failPsi,
      criteria,
      baseline: baseline.results,
      current: current.results,
      inputs:
        baseline.traces && current.traces
          ? inputDrift(baseline.traces, current.traces, fields)
          : { note: "input drift needs raw traces on both sides: a results file carries no inputs" },
      outputs: sources.map((source) => labelDrift(source, baseline.results, current.results)),
    }),
    secretsFromEnv(io.env),
  );
  const json = JSON.stringify(report, null, 2) + "\n";
  const md = renderDriftMarkdown(report);
  if (values.out) await writeFile(resolve(io.cwd, values.out), json);
  if (values.report) await writeFile(resolve(io.cwd, values.report), md);
  if (!values.quiet && (values.out || values.report))
    io.stderr(
      `written: ${[values.out, values.report]
        .filter(Boolean)
        .map((f) => relative(io.cwd, resolve(io.cwd, f ?? "")))
        .join(", ")}\n`,
    );
  io.stdout(format === "json" ? json : md);
  if (report.drifted) {
    const over = [
      ...report.criteria.map((c) => [c.criterion, c.psi] as const),
      ...report.inputs.map((f) => [f.feature, f.psi] as const),
      ...report.outputs.map((f) => [f.feature, f.psi] as const),
    ]
      .filter(([, v]) => v > failPsi)
      .map(([name, v]) => `${name} (PSI ${v.toFixed(3)})`);
    io.stderr(`drift: ${over.join(", ")} above --fail-psi ${failPsi}\n`);
    return EXIT.regression;
  }
  if (!baseline.complete || !current.complete) {
    io.stderr("incomplete: a window could not be scored completely (see the progress lines)\n");
    return EXIT.inconclusive;
  }
  return EXIT.ok;
}

function typesOf(
  runs: readonly { criteria: readonly { name: string; type: Criterion["type"] }[] }[],
  results: ScoreResults,
): Window["types"] {
  const seen = new Map<string, Criterion["type"]>();
  for (const r of runs) for (const c of r.criteria) seen.set(c.name, c.type);
  for (const c of results.trace_scoring?.skipped_criteria ?? [])
    if (!seen.has(c.criterion)) seen.set(c.criterion, c.type);
  return [...seen].map(([name, type]) => ({ name, type }));
}

/** A results JSON is one object with kind "eval"; a traces file is one object per line. */
function looksLikeResults(text: string): boolean {
  try {
    const v: unknown = JSON.parse(text);
    return typeof v === "object" && v !== null && "runs" in v;
  } catch {
    return false;
  }
}
