import type { Criterion, CriterionOf, EvalExample } from "../config/schema.js";
import { parseJsonLines } from "../config/json-lines.js";
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
  if (typeof input === "string") return [{ role: "user", content: input }];
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

interface Scoring {
  mode: Mode;
  ignoreCase: boolean;
  says: string;
}

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
  const known = CLASSES[short];
  if (!known || !cls.startsWith("evals.elsuite.basic."))
    throw new UserError(
      `the eval ${entry.key} is ${cls}, which this importer cannot score the same way`,
      { file: spec.file, field: `${entry.key}.class` },
      "Match, Includes and FuzzyMatch (evals.elsuite.basic) are imported; for a model-graded eval, write an llm_judge criterion with its rubric",
    );
  const args = argsOf(entry);
  for (const key of Object.keys(args))
    if (key !== "samples_jsonl" && !(key === "ignore_case" && short === "Includes"))
      notes.skip(
        `${spec.file} ${entry.key}.args`,
        key,
        "no agentops equivalent for this argument of the eval",
      );
  const ignoreCase = short === "Includes" && args.ignore_case === true;
  return {
    mode: known.mode,
    ignoreCase,
    says: `${known.says}${ignoreCase ? ", ignoring case" : ""}, from ${entry.key} in ${spec.file}`,
  };
}

// The template's one placeholder; any brace in the texts is data, so it sits in the example.
const TEMPLATE = "{input}";

/**
 * OpenAI Evals samples (`{"input": [messages] | "text", "ideal": "…" | ["…", …]}`, one a line) as one
 * prompt: the system message every sample shares is the prompt's, the last user message the example's
 * `input.input`, earlier turns (per-sample system messages, few-shot turns) its `input.messages`, the
 * ideal answers its `expected`, scored as the eval's class does (Match when no spec says otherwise).
 */
export function importOpenAiEvals(text: string, file: string, options: OpenAiEvalsOptions): ImportedProject {
  const notes = new ImportNotes();
  const samplesName = file.split(/[\\/]/).at(-1) ?? file;
  const scoring: Scoring = options.spec
    ? scoringFromSpec(options.spec, samplesName, notes)
    : {
        mode: "starts_with",
        ignoreCase: false,
        says: `${CLASSES.Match?.says ?? ""}; no --spec given, Match assumed`,
      };
  const parsed: { line: number; msgs: Message[]; ideals: string[] }[] = [];
  const lines = parseJsonLines(text, file, 'each line is one sample: {"input": [...], "ideal": "..."}');
  for (const { value: sample, line } of lines) {
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
    if (s.input === undefined && "prompt" in s) {
      notes.skip(
        `${file}:${line}`,
        "sample",
        "a {prompt, completion} line (the legacy completions format), not an Evals sample {input, ideal}",
      );
      continue;
    }
    const msgs = messages(s.input);
    if (typeof msgs === "string") {
      notes.skip(`${file}:${line}`, "sample", msgs);
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
    if (msgs.at(-1)?.role !== "user") {
      notes.skip(
        `${file}:${line}`,
        "sample",
        `its conversation ends with a ${msgs.at(-1)?.role ?? "missing"} message; an agentops prompt ends with the user turn`,
      );
      continue;
    }
    parsed.push({ line, msgs, ideals });
  }
  if (parsed.length === 0)
    throw new UserError(
      "no sample could be imported",
      { file },
      [...new Set(notes.skipped.map((n) => n.reason))].join("; ") || "add samples",
    );

  const firstSystem = parsed[0]?.msgs[0]?.role === "system" ? parsed[0].msgs[0].content : undefined;
  const shared =
    firstSystem !== undefined &&
    parsed.every((p) => p.msgs[0]?.role === "system" && p.msgs[0].content === firstSystem);
  const examples: EvalExample[] = parsed.map((p) => {
    const turns = (shared ? p.msgs.slice(1) : p.msgs).slice(0, -1);
    const last = p.msgs.at(-1)?.content ?? "";
    return {
      id: String(p.line),
      input: { input: last, ...(turns.length ? { messages: turns } : {}) },
      expected: p.ideals.length === 1 ? p.ideals[0] : p.ideals,
    };
  });
  if (examples.some((e) => e.input.messages !== undefined))
    notes.change(
      file,
      "conversation",
      "turns before the last user message (a system message of its own, few-shot turns) are each example's input.messages, sent as they are",
    );
  notes.change(file, "ideal", `scored as ${scoring.says}`);
  const criterion: Criterion = {
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
            template: TEMPLATE,
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
