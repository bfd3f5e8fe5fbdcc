import type { Criterion, CriterionOf, EvalExample } from "../config/schema.js";
import type { JsonLine } from "../config/json-lines.js";
import { parseYaml } from "../config/yaml.js";
import { UserError } from "../errors.js";
import { ImportNotes, type ImportedProject } from "./notes.js";
import { literalTemplate } from "./nunjucks.js";

export interface OpenAiEvalsOptions {
  name: string;
  model: string;
  /** The registry spec (`evals/registry/evals/<name>.yaml`): its text and path, to take the eval's class from. */
  spec?: { text: string; file: string };
}

interface Message {
  role: string;
  content: string;
}

const ROLES = new Set(["system", "user", "assistant"]);

function messages(input: unknown): Message[] | string {
  // evals/prompt/base.py: a chat model gets a text prompt as one system message.
  if (typeof input === "string") return [{ role: "system", content: input }];
  if (!Array.isArray(input)) return "input is neither text nor a list of {role, content} messages";
  const out: Message[] = [];
  for (const m of input) {
    if (typeof m !== "object" || m === null) return "input holds a message that is not a mapping";
    const { role, content } = m as { role?: unknown; content?: unknown };
    if (typeof role !== "string" || !ROLES.has(role)) return `a message with role ${JSON.stringify(role)}`;
    if (typeof content !== "string")
      return "a message whose content is not text (parts: images or audio); agentops inputs are text";
    out.push({ role, content });
  }
  return out;
}

type Mode = NonNullable<CriterionOf<"equals">["mode"]>;

/** How each class of evals/elsuite/basic decides, as its code does (evals/api.py, evals/elsuite/utils.py). */
const CLASSES: Record<string, { mode: Mode; says: string }> = {
  Match: { mode: "starts_with", says: "Match: the answer starts with any ideal answer (evals/api.py)" },
  Includes: { mode: "includes", says: "Includes: the answer contains any ideal answer" },
  FuzzyMatch: {
    mode: "fuzzy",
    says: "FuzzyMatch: after normalization (lower case, no punctuation or articles), the answer contains an ideal answer or is contained in one",
  },
};

/** A match class's equals mode, or a model-graded spec's judge criterion. */
type Scoring = { says: string } & (
  { kind: "match"; mode: Mode; ignoreCase: boolean } | { kind: "judge"; criterion: Criterion }
);

/**
 * Model-graded specs (evals/registry/modelgraded/<name>.yaml) an agentops judge preset means the same as.
 * `fact` has the grader place the answer against the ideal (A subset, B superset, C same, D disagrees,
 * E differs in ways that do not matter) and reports how many fall in each class, with no pass mark.
 */
const GRADED: Record<string, { criterion: Criterion; says: string }> = {
  fact: {
    criterion: {
      name: "fact",
      type: "llm_judge",
      preset: "correctness",
      min_score: 0.5,
      threshold: 0.75,
    },
    says:
      "ModelBasedClassify with modelgraded_spec fact: judged with the correctness preset against the ideal " +
      "answer (1-5); an answer passes at 3 or more (min_score 0.5: not contradicting the ideal, as evals' " +
      "choices A, B, C, E), and the mean score must reach 0.75. evals sorts answers into its five choices " +
      "and sets no pass mark",
  },
};

/** The eval's class from the registry spec: the entry whose samples_jsonl is this file, else the only one. */
function scoringFromSpec(spec: { text: string; file: string }, samples: string, notes: ImportNotes): Scoring {
  const doc = parseYaml(spec.text, spec.file).value;
  const entries = Object.entries(
    typeof doc === "object" && doc !== null ? (doc as Record<string, unknown>) : {},
  )
    .map(([key, v]) => ({
      key,
      v: (typeof v === "object" && v !== null ? v : {}) as Record<string, unknown>,
    }))
    .filter((e) => typeof e.v.class === "string");
  const argsOf = (e: { v: Record<string, unknown> }): Record<string, unknown> =>
    typeof e.v.args === "object" && e.v.args !== null ? (e.v.args as Record<string, unknown>) : {};
  const named = entries.filter((e) => {
    const s = argsOf(e).samples_jsonl;
    return typeof s === "string" && (s === samples || s.endsWith(`/${samples}`) || samples.endsWith(s));
  });
  const entry = named[0] ?? (entries.length === 1 ? entries[0] : undefined);
  if (!entry)
    throw new UserError(
      `no eval in the spec runs ${samples}`,
      { file: spec.file },
      "give the registry file of this eval (its args.samples_jsonl names the samples file)",
    );
  const cls = String(entry.v.class);
  const short = cls.split(":").at(-1) ?? cls;
  const args = argsOf(entry);
  if (cls === "evals.elsuite.modelgraded.classify:ModelBasedClassify")
    return gradedFromSpec(entry.key, args, spec.file, notes);
  const known = CLASSES[short];
  if (!known || !cls.startsWith("evals.elsuite.basic."))
    throw new UserError(
      `the eval ${entry.key} is ${cls}, which this importer cannot score the same way`,
      { file: spec.file, field: `${entry.key}.class` },
      "Match, Includes and FuzzyMatch (evals.elsuite.basic) are imported; for a model-graded eval, write an llm_judge criterion with its rubric",
    );
  for (const key of Object.keys(args))
    if (key !== "samples_jsonl" && !(key === "ignore_case" && short === "Includes"))
      notes.skip(
        `${spec.file} ${entry.key}.args`,
        key,
        "no agentops equivalent for this argument of the eval",
      );
  const ignoreCase = short === "Includes" && args.ignore_case === true;
  return {
    kind: "match",
    mode: known.mode,
    ignoreCase,
    says: `${known.says}${ignoreCase ? ", ignoring case" : ""}, from ${entry.key} in ${spec.file}`,
  };
}

/** A ModelBasedClassify eval whose grading spec (`modelgraded_spec`, once `modelgraded_spec_file`) has a preset. */
function gradedFromSpec(
  key: string,
  args: Record<string, unknown>,
  file: string,
  notes: ImportNotes,
): Scoring {
  const field = "modelgraded_spec" in args ? "modelgraded_spec" : "modelgraded_spec_file";
  const name = args[field];
  const graded = typeof name === "string" ? GRADED[name] : undefined;
  if (!graded)
    throw new UserError(
      `the eval ${key} is model-graded (ModelBasedClassify) with ${field} ${JSON.stringify(name ?? null)}, whose grading prompt and choices no agentops judge preset carries`,
      { file, field: `${key}.args.${field}` },
      `${Object.keys(GRADED).join(", ")} is imported; for this one, write an llm_judge criterion whose rubric says what the grading spec asks`,
    );
  for (const k of Object.keys(args))
    if (k !== "samples_jsonl" && k !== field && !(k === "eval_type" && args[k] === "cot_classify"))
      notes.skip(`${file} ${key}.args`, k, "no agentops equivalent for this argument of the eval");
  if (args.eval_type === "cot_classify")
    notes.change(
      `${file} ${key}.args`,
      "eval_type",
      "cot_classify (the grader reasons, then picks a choice): the agentops judge scores 1-5 with its reason",
    );
  return { kind: "judge", criterion: graded.criterion, says: `${graded.says}, from ${key} in ${file}` };
}

// The template's one placeholder; any brace in the texts is data, so it sits in the example.
const TEMPLATE = "{input}";

const SAMPLE_HINT = 'each line is one sample: {"input": [...], "ideal": "..."}';

/**
 * The lines that parse as JSON. A line that does not is listed with its error and left out when some
 * other line parses; evals itself stops at it (evals/data.py _decode_json raises), so the summary
 * says how many were left out. When none parses, the file is refused at its first line, as before.
 */
function sampleLines(text: string, file: string, notes: ImportNotes): JsonLine[] {
  const good: JsonLine[] = [];
  const broken: { line: number; error: string }[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    if (raw.trim() === "") return;
    try {
      good.push({ value: JSON.parse(raw), line: i + 1 });
    } catch (e) {
      broken.push({ line: i + 1, error: e instanceof Error ? e.message : String(e) });
    }
  });
  const [first] = broken;
  if (good.length === 0 && first)
    throw new UserError(`line is not valid JSON (${first.error})`, { file, line: first.line }, SAMPLE_HINT);
  for (const b of broken)
    notes.skip(`${file}:${b.line}`, `line ${b.line}`, `not valid JSON (${b.error}): left out`);
  if (broken.length)
    notes.skip(
      file,
      "broken lines",
      `${broken.length} of ${broken.length + good.length} non-blank lines are not valid JSON (a sample split by a raw newline, an unescaped quote…) and were left out, each listed with its error; evals itself refuses the file at the first (evals/data.py)`,
    );
  return good;
}

/**
 * OpenAI Evals samples (`{"input": [messages] | "text", "ideal": "…" | ["…", …]}`, one a line) as one
 * prompt: the system message every sample shares is the prompt's; when every conversation ends with a
 * user message, that message is the example's `input.input` and earlier turns its `input.messages`;
 * otherwise each example's `input.messages` is its whole conversation and the prompt adds no turn. The
 * ideal answers are `expected`, scored as the eval's class does (Match when no spec says otherwise; the
 * `fact` model-graded spec as the correctness judge).
 */
export function importOpenAiEvals(text: string, file: string, options: OpenAiEvalsOptions): ImportedProject {
  const notes = new ImportNotes();
  const samplesName = file.split(/[\\/]/).at(-1) ?? file;
  const scoring: Scoring = options.spec
    ? scoringFromSpec(options.spec, samplesName, notes)
    : {
        kind: "match",
        mode: "starts_with",
        ignoreCase: false,
        says: `${CLASSES.Match?.says ?? ""}; no --spec given, Match assumed`,
      };
  refuseYaml(text, file);
  const parsed: { line: number; msgs: Message[]; ideals: string[] }[] = [];
  let textInputs = false;
  for (const { value: sample, line } of sampleLines(text, file, notes)) {
    const s = (typeof sample === "object" && sample !== null ? sample : {}) as {
      input?: unknown;
      ideal?: unknown;
    };
    if (Array.isArray(s.input) && s.input.some((m) => typeof m === "object" && m !== null && "name" in m))
      notes.change(
        `${file}:${line}`,
        "message name",
        "the name of a message (example_user, example_assistant of few-shot turns) is not sent: the message goes with its role and content",
      );
    if (s.input === undefined && "prompt" in s && "completion" in s) {
      notes.skip(
        `${file}:${line}`,
        "sample",
        "a {prompt, completion} line (the legacy fine-tuning format): evals' Match, Includes and FuzzyMatch read only {input, ideal} samples (they stop at a sample without input), so evals never ran these; rewrite them as {input, ideal}",
      );
      continue;
    }
    if (s.input === undefined) {
      const keys = Object.keys(s).slice(0, 8).join(", ");
      notes.skip(
        `${file}:${line}`,
        "sample",
        `a line without input (its keys: ${keys || "none"}), not an Evals sample {input, ideal}`,
      );
      continue;
    }
    const msgs = messages(s.input);
    if (typeof msgs === "string") {
      notes.skip(`${file}:${line}`, "sample", msgs);
      continue;
    }
    if (msgs.length === 0) {
      notes.skip(`${file}:${line}`, "sample", "its input is an empty list of messages");
      continue;
    }
    // A number is compared as its text, as a custom eval class that formats it would.
    const text = (x: unknown): string | undefined =>
      typeof x === "string" ? x : typeof x === "number" && Number.isFinite(x) ? String(x) : undefined;
    const list = Array.isArray(s.ideal) ? s.ideal.map(text) : [text(s.ideal)];
    const ideals = list.every((x) => x !== undefined) ? list : [];
    if (
      ideals.length > 0 &&
      (typeof s.ideal === "number" || (Array.isArray(s.ideal) && s.ideal.some((x) => typeof x === "number")))
    )
      notes.change(`${file}:${line}`, "ideal", "a number: compared as its decimal text");
    if (ideals.length === 0) {
      notes.skip(`${file}:${line}`, "sample", "has no ideal answer (a text or a list of texts)");
      continue;
    }
    textInputs ||= typeof s.input === "string";
    parsed.push({ line, msgs, ideals });
  }
  if (parsed.length === 0)
    throw new UserError(
      "no sample could be imported",
      { file },
      [...new Set(notes.skipped.map((n) => n.reason))].join("; ") || "add samples",
    );
  if (textInputs)
    notes.change(
      file,
      "input",
      "a text input is sent as one system message, as evals sends a text prompt to a chat model (evals/prompt/base.py)",
    );

  // When every conversation ends with a user turn, that turn is the template's {input}; otherwise (a
  // conversation of system messages only, say) each example's input.messages is the whole conversation
  // and the prompt adds no turn: the request is the sample's messages, as evals sends them.
  const endsWithUser = parsed.every((p) => p.msgs.at(-1)?.role === "user");
  const firstSystem = parsed[0]?.msgs[0]?.role === "system" ? parsed[0].msgs[0].content : undefined;
  const shared =
    firstSystem !== undefined &&
    parsed.every(
      (p) =>
        p.msgs[0]?.role === "system" &&
        p.msgs[0].content === firstSystem &&
        // A conversation that is only the shared message would leave its example nothing to send.
        (endsWithUser || p.msgs.length > 1),
    );
  const examples: EvalExample[] = parsed.map((p) => {
    const own = shared ? p.msgs.slice(1) : p.msgs;
    const turns = endsWithUser ? own.slice(0, -1) : own;
    return {
      id: String(p.line),
      input: {
        ...(endsWithUser ? { input: p.msgs.at(-1)?.content ?? "" } : {}),
        ...(turns.length ? { messages: turns } : {}),
      },
      expected: p.ideals.length === 1 ? p.ideals[0] : p.ideals,
    };
  });
  if (!endsWithUser)
    notes.change(
      file,
      "conversation",
      "not every sample ends with a user message, so each example's input.messages is its whole conversation (after the shared system message), sent as it is with no turn added; the prompt has no template",
    );
  else if (examples.some((e) => e.input.messages !== undefined))
    notes.change(
      file,
      "conversation",
      "turns before the last user message (a system message of its own, few-shot turns) are each example's input.messages, sent as they are",
    );
  notes.change(file, "ideal", `scored as ${scoring.says}`);
  const criterion: Criterion =
    scoring.kind === "judge"
      ? { ...scoring.criterion, description: scoring.says.slice(0, 2000) }
      : {
          name: "match",
          type: "equals",
          mode: scoring.mode,
          ...(scoring.ignoreCase ? { ignore_case: true } : {}),
          threshold: 1,
          description: scoring.says.slice(0, 2000),
        };
  return {
    prompts: [
      {
        name: options.name,
        versions: [
          {
            name: options.name,
            version: 1,
            description: `imported from OpenAI Evals samples ${file}`,
            model: options.model,
            ...(shared && firstSystem !== undefined ? { system: literalTemplate(firstSystem) } : {}),
            ...(endsWithUser ? { template: TEMPLATE } : {}),
            eval_criteria: [criterion],
          },
        ],
        examples,
        origins: [`samples of ${file} on ${options.model}, ${scoring.says}`],
      },
    ],
    config: { prompts_dir: "prompts", environments: { production: { [options.name]: 1 } } },
    notes,
  };
}

/** A registry spec handed over as the samples file (a YAML file named .jsonl is in evals' history). */
function refuseYaml(text: string, file: string): void {
  const lines = text.split(/\r?\n/);
  const first = lines.findIndex((l) => l.trim() !== "");
  const line = lines[first] ?? "";
  if (line.trimStart().startsWith("{") || !/^[^\s{}[\]"]+:\s*$/.test(line)) return;
  throw new UserError(
    "this is YAML (an evals registry spec, by its look), not samples: a samples file holds one JSON object a line",
    { file, line: first + 1 },
    "give the samples file its args name (samples_jsonl); pass a registry spec with --spec",
  );
}
