import type { Criterion, EvalExample } from "../config/schema.js";
import { parseJsonLines } from "../config/json-lines.js";
import { UserError } from "../errors.js";
import { ImportNotes, type ImportedProject } from "./notes.js";
import { literalTemplate } from "./nunjucks.js";

export interface OpenAiEvalsOptions {
  name: string;
  model: string;
}

interface Message {
  role: string;
  content: string;
}

function messages(input: unknown): Message[] | undefined {
  if (typeof input === "string") return [{ role: "user", content: input }];
  if (!Array.isArray(input)) return undefined;
  const out: Message[] = [];
  for (const m of input) {
    if (typeof m !== "object" || m === null) return undefined;
    const { role, content } = m as { role?: unknown; content?: unknown };
    if (typeof role !== "string" || typeof content !== "string") return undefined;
    out.push({ role, content });
  }
  return out;
}

// The template's one placeholder; any brace in the texts is data, so it sits in the example.
const TEMPLATE = "{input}";

/**
 * OpenAI Evals samples (`{"input": [messages] | "text", "ideal": "…" | ["…", …]}`, one a line)
 * as one prompt: the system message all samples share, the user message as the
 * example's input, `ideal` as its expected answer, scored by exact match.
 */
export function importOpenAiEvals(text: string, file: string, options: OpenAiEvalsOptions): ImportedProject {
  const notes = new ImportNotes();
  const parsed: { line: number; msgs: Message[]; ideal: string }[] = [];
  const lines = parseJsonLines(text, file, 'each line is one sample: {"input": [...], "ideal": "..."}');
  for (const { value: sample, line } of lines) {
    const s = (typeof sample === "object" && sample !== null ? sample : {}) as {
      input?: unknown;
      ideal?: unknown;
    };
    const msgs = messages(s.input);
    if (!msgs) {
      notes.skip(`${file}:${line}`, "sample", "input is neither text nor a list of {role, content} messages");
      continue;
    }
    const ideals =
      typeof s.ideal === "string"
        ? [s.ideal]
        : Array.isArray(s.ideal)
          ? s.ideal.filter((x) => typeof x === "string")
          : [];
    const [ideal] = ideals;
    if (ideal === undefined) {
      notes.skip(`${file}:${line}`, "sample", "has no ideal answer (text or list of texts)");
      continue;
    }
    if (ideals.length > 1)
      notes.change(
        `${file}:${line}`,
        "ideal",
        "a list of accepted answers: the first is the expected answer (an agentops example holds one)",
      );
    parsed.push({ line, msgs, ideal });
  }
  if (parsed.length === 0)
    throw new UserError(
      "no sample could be imported",
      { file },
      notes.skipped.map((n) => n.reason).join("; ") || "add samples",
    );

  const firstSystem = parsed[0]?.msgs[0]?.role === "system" ? parsed[0].msgs[0].content : undefined;
  const shared =
    firstSystem !== undefined &&
    parsed.every((p) => p.msgs[0]?.role === "system" && p.msgs[0].content === firstSystem);
  const examples: EvalExample[] = [];
  for (const p of parsed) {
    const rest = shared ? p.msgs.slice(1) : p.msgs;
    const user = rest[0];
    if (rest.length !== 1 || user?.role !== "user") {
      notes.skip(
        `${file}:${p.line}`,
        "sample",
        `a conversation (${p.msgs.map((m) => m.role).join(", ")}); an agentops prompt holds one optional shared system message and one user message`,
      );
      continue;
    }
    examples.push({ id: String(p.line), input: { input: user.content }, expected: p.ideal });
  }
  if (examples.length === 0)
    throw new UserError(
      "no sample could be imported",
      { file },
      notes.skipped.map((n) => n.reason).join("; "),
    );
  notes.change(
    file,
    "ideal",
    "scored by exact match (equals, whitespace trimmed); if the eval used Includes or fuzzy matching, change the criterion to contains or similarity",
  );
  const criteria: Criterion[] = [
    { name: "match", type: "equals", threshold: 1, description: "the answer is the ideal one" },
  ];
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
            eval_criteria: criteria,
          },
        ],
        examples,
        origins: [`samples of ${file} on ${options.model}`],
      },
    ],
    config: { prompts_dir: "prompts", environments: { production: { [options.name]: 1 } } },
    notes,
  };
}
