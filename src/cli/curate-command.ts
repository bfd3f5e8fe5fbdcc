import { appendFile, readFile, writeFile } from "node:fs/promises";
import { join, relative, resolve } from "node:path";
import { parseArgs } from "node:util";
import { MAX_EVAL_SET_BYTES, readUserFile } from "../config/files.js";
import { checkEvalSetFitsPrompt } from "../config/load.js";
import { openProject, resolveTargets } from "../config/project.js";
import { isUserError, UserError } from "../errors.js";
import { loadTarget } from "../engine/evaluate.js";
import { embeddedText } from "../engine/scorers/model-criteria.js";
import {
  candidates,
  dedupeByEmbedding,
  dedupeByInput,
  propose,
  stratify,
  type Dropped,
} from "../lifecycle/curate.js";
import { parseTraces } from "../lifecycle/traces.js";
import type { ScoreResults } from "../lifecycle/trace-report.js";
import { scrubDeep, secretsFromEnv } from "../secrets.js";
import { EXIT, type CliIo } from "./io.js";
import { promptVersions } from "./pin-version.js";
import { makeRunSetup, positiveInt, providerOptions, RUN_FLAG_SPECS, runFlags } from "./provider-flags.js";
import { parseResults } from "./versions-command.js";

export const CURATE_HELP = `Usage: agentops curate <score results.json> --prompt <name> [options]

Proposes new eval examples from production: the traces that failed a
criterion, that a person flagged (thumbs down, rating 1-3) or on which an
llm_judge and the person's feedback disagree. "Scored traces" are the results
JSON that agentops score --out wrote, and the traces file it scored (for the
inputs and feedback; the results carry neither).

Near-duplicates are removed: same input after normalizing (case, spacing, key
order), against the eval set and each other; and, when the project config sets
embedding_model, inputs whose embeddings have cosine >= --similarity. The rest
are drawn round-robin over the traces' first tag (--max in all). Each becomes
an example with a fresh id, tags [...its tags, from-production], the logged
answer as reference_output (never as expected: a person writes that), and
metadata.curated_from (trace id, file, line, why).

Options:
  --prompt NAME        the prompt whose run in the results to curate from
  --traces FILE        the traces file that was scored (default: the one the results name,
                       trace_scoring.traces_file, relative to the current folder)
  --out FILE           write the proposals here (default: curated-<prompt>.jsonl); never overwrites
  --write              append them to the prompt's eval set instead (refuses id clashes, and
                       examples the eval set could not load, e.g. criteria that need expected)
  --max N              propose at most N examples (default 50)
  --similarity X       embedding cosine at or above which two inputs are duplicates (default 0.95)
  --project DIR        the project folder (default: the current folder, searched upwards)
${providerOptions}
  -q, --quiet          no summary on stderr
  -h, --help           show this help

Exit codes: 0 proposals written (or none to propose), 2 bad input or usage, 4 internal error.
`;

export async function curateCommand(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      prompt: { type: "string" },
      traces: { type: "string" },
      out: { type: "string" },
      write: { type: "boolean" },
      max: { type: "string" },
      similarity: { type: "string" },
      project: { type: "string" },
      ...RUN_FLAG_SPECS,
      quiet: { type: "boolean", short: "q" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    io.stdout(CURATE_HELP);
    return EXIT.ok;
  }
  const [resultsFile, ...extra] = positionals;
  if (!resultsFile || extra.length)
    throw new UserError(
      "curate takes exactly one results file (of agentops score --out)",
      {},
      "run: agentops curate --help",
    );
  const prompt = values.prompt;
  if (!prompt) throw new UserError("curate needs --prompt", {}, "e.g. --prompt triage");
  if (values.write && values.out)
    throw new UserError(
      "--write and --out exclude each other",
      {},
      "--write appends to the eval set; --out writes a file to review",
    );
  const max = positiveInt(values.max, "--max") ?? 50;
  const similarity = values.similarity === undefined ? 0.95 : Number(values.similarity);
  if (values.similarity !== undefined && (!Number.isFinite(similarity) || similarity <= 0 || similarity > 1))
    throw new UserError(
      `--similarity takes a number in (0, 1], got "${values.similarity}"`,
      {},
      "e.g. --similarity 0.95",
    );

  const results = parseResults(
    await readUserFile(resolve(io.cwd, resultsFile), MAX_EVAL_SET_BYTES),
    resultsFile,
  ) as ScoreResults;
  const run = results.runs.filter((r) => r.prompt === prompt).at(-1);
  if (!run)
    throw new UserError(
      `holds no run of prompt "${prompt}" (it has: ${[...new Set(results.runs.map((r) => r.prompt))].join(", ") || "none"})`,
      { file: resultsFile, field: "runs" },
      `pass the results of agentops score --prompt ${prompt} --out FILE`,
    );
  const tracesFile = values.traces ?? results.trace_scoring?.traces_file;
  if (!tracesFile)
    throw new UserError(
      "names no traces file (it is not a results JSON of agentops score)",
      { file: resultsFile, field: "trace_scoring.traces_file" },
      "pass the traces it scored with --traces FILE",
    );
  const traces = parseTraces(await readUserFile(resolve(io.cwd, tracesFile), MAX_EVAL_SET_BYTES), tracesFile);
  const known = new Set(traces.map((t) => t.id));
  const stranger = run.examples.find((e) => !known.has(e.id));
  if (stranger)
    throw new UserError(
      `the results scored trace "${stranger.id}", which ${tracesFile} does not hold`,
      { file: resultsFile, field: "runs[].examples[].id" },
      "pass the traces file that was scored (--traces)",
    );

  const opened = await openProject(resolve(io.cwd, values.project ?? "."));
  await promptVersions(opened, prompt);
  const { project, targets } = await resolveTargets(join(opened.promptsDir, prompt), {
    version: run.version,
  });
  const target = targets[0];
  if (!target) throw new Error(`no version ${run.version} of ${prompt}`);
  const loaded = await loadTarget(project, target);
  const evalSet = loaded.evalSet;

  const judges = run.criteria.flatMap((c) => (c.type === "llm_judge" ? [c.name] : []));
  const all = candidates(traces, run.examples, judges);
  const byInput = dedupeByInput(all, evalSet.examples);
  let pool = byInput.kept;
  const dropped: Dropped[] = [...byInput.dropped];
  const model = project.config.embedding_model;
  if (model && pool.length > 0) {
    const setup = await makeRunSetup(project, runFlags(values), io);
    const provider = setup.run.provider;
    const embed = async (texts: string[]): Promise<number[][]> => {
      if (!provider.embed)
        throw new UserError(
          `embedding_model is set, but the ${provider.id} provider has no embeddings`,
          { file: project.configFile ?? "project config", field: "embedding_model" },
          "use a provider with embeddings (openai or mock), or remove embedding_model",
        );
      const out: number[][] = [];
      for (let i = 0; i < texts.length; i += 128) {
        const r = await provider.embed({ model, input: texts.slice(i, i + 128).map(embeddedText) });
        out.push(...r.vectors);
      }
      return out;
    };
    const byEmbedding = await dedupeByEmbedding(pool, evalSet.examples, similarity, embed);
    pool = byEmbedding.kept;
    dropped.push(...byEmbedding.dropped);
  }
  const chosen = stratify(pool, max);
  // Production inputs and answers may hold a key someone pasted: masked like every other output.
  const proposals = scrubDeep(
    chosen.map((c) => propose(c, tracesFile)),
    secretsFromEnv(io.env),
  );

  const clash = proposals.find((p) => evalSet.examples.some((e) => e.id === p.id));
  const rel = (p: string) => relative(io.cwd, p) || ".";
  let where: string;
  if (values.write) {
    if (clash)
      throw new UserError(
        `proposed id "${clash.id}" is already in the eval set (from trace "${(clash.metadata.curated_from as { trace: string }).trace}": curated before?)`,
        { file: rel(evalSet.file), field: "id" },
        "remove that trace from the traces file, or the example from the eval set",
      );
    const text = await readFile(evalSet.file, "utf8");
    // The line the first appended example will have, so an error names it.
    const firstLine = (text === "" ? 0 : text.replace(/\n$/, "").split("\n").length) + 1;
    try {
      checkEvalSetFitsPrompt(loaded.prompt, {
        file: rel(evalSet.file),
        examples: proposals.map((p, i) => ({ ...p, line: firstLine + i })),
      });
    } catch (e) {
      if (!isUserError(e)) throw e;
      throw new UserError(
        `--write would add examples ${rel(evalSet.file)} cannot use: ${e.message}`,
        e.location,
        "write the proposals to a file to review (drop --write), fill in what they lack (e.g. expected from reference_output), then append them",
      );
    }
    if (proposals.length > 0) {
      const lines = proposals.map((p) => JSON.stringify(p)).join("\n") + "\n";
      await appendFile(evalSet.file, text.endsWith("\n") || text === "" ? lines : `\n${lines}`);
    }
    where = `appended to ${rel(evalSet.file)}`;
  } else {
    const out = resolve(io.cwd, values.out ?? `curated-${prompt}.jsonl`);
    try {
      await writeFile(out, proposals.map((p) => JSON.stringify(p) + "\n").join(""), { flag: "wx" });
    } catch (e) {
      if (e instanceof Error && "code" in e && e.code === "EEXIST")
        throw new UserError(
          "already exists; curate never overwrites a file someone may be reviewing",
          { file: rel(out) },
          "move it away, or pass --out with another name",
        );
      throw e;
    }
    where = `written to ${rel(out)}`;
  }
  if (!values.quiet)
    io.stderr(summary(all.length, traces.length, dropped, chosen.length, pool.length, proposals, where));
  return EXIT.ok;
}

function summary(
  found: number,
  traces: number,
  dropped: readonly Dropped[],
  kept: number,
  pool: number,
  proposals: readonly ReturnType<typeof propose>[],
  where: string,
): string {
  const lines = [
    `${found} of ${traces} traces are worth a look (failing, flagged, or judge and person disagree); ${dropped.length} near-duplicates removed; ${kept} proposed${pool > kept ? ` (--max; ${pool - kept} more)` : ""}, ${where}`,
  ];
  const tags = new Map<string, number>();
  for (const p of proposals) {
    const t = p.tags.length > 1 ? (p.tags[0] ?? "") : "(untagged)";
    tags.set(t, (tags.get(t) ?? 0) + 1);
  }
  if (proposals.length) lines.push(`by tag: ${[...tags].map(([t, n]) => `${t} ${n}`).join(", ")}`);
  for (const d of dropped.slice(0, 10))
    lines.push(
      `  dropped ${d.trace} (line ${d.line}): ${d.why} ${d.of}${d.similarity !== undefined ? ` (cosine ${d.similarity.toFixed(3)})` : ""}`,
    );
  if (dropped.length > 10) lines.push(`  …and ${dropped.length - 10} more dropped`);
  for (const p of proposals.slice(0, 10)) {
    const from = p.metadata.curated_from as { trace: string; why: string[] };
    lines.push(`  ${p.id} from ${from.trace}: ${from.why.join("; ")}`);
  }
  if (proposals.length)
    lines.push(
      "review: correct each reference_output into expected (or delete the example), then append the file to the eval set",
    );
  return lines.join("\n") + "\n";
}
