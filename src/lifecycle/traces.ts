import { z } from "zod";
import { parseJsonLines } from "../config/json-lines.js";
import { validateOrThrow } from "../config/validate.js";
import { UserError } from "../errors.js";

/** One logged production call, in the one shape score and drift work on. */
export interface Trace {
  id: string;
  /** 1-based line in the traces file. */
  line: number;
  input: Record<string, unknown>;
  output: string;
  expected?: unknown;
  tags?: string[];
  metadata?: Record<string, unknown>;
  timestamp?: string;
  latency_ms?: number;
  usage?: { prompt_tokens: number; completion_tokens: number };
  /** What a person said about this answer (a thumbs, a 1–5 rating, a comment). */
  feedback?: Feedback;
}

export interface Feedback {
  thumbs?: "up" | "down";
  rating?: number;
  comment?: string;
}

const Usage = z.object({
  prompt_tokens: z.number().int().nonnegative(),
  completion_tokens: z.number().int().nonnegative(),
});

/** At least one of thumbs, rating, comment: an empty object is a logging bug worth naming. */
const FeedbackSchema = z
  .strictObject({
    thumbs: z.enum(["up", "down"]).optional(),
    rating: z.number().int().min(1).max(5).optional(),
    comment: z.string().max(10_000).optional(),
  })
  .refine((f) => f.thumbs !== undefined || f.rating !== undefined || f.comment !== undefined, {
    message: "feedback needs thumbs (up|down), rating (1–5) or comment",
  });

const id = z.union([z.string().min(1).max(200), z.number().int()]).transform(String);

/** The plain form: {id?, input, output, tags?, metadata?, timestamp?} and a few optional measurements. */
const PlainTrace = z.strictObject({
  id: id.optional(),
  input: z.union([z.record(z.string(), z.unknown()), z.string()]),
  output: z.union([z.string(), z.record(z.string(), z.unknown()), z.array(z.unknown())]),
  expected: z.unknown().optional(),
  tags: z.array(z.string()).optional(),
  metadata: z.record(z.string(), z.unknown()).optional(),
  timestamp: z.string().optional(),
  latency_ms: z.number().nonnegative().optional(),
  usage: Usage.optional(),
  feedback: FeedbackSchema.optional(),
});

const Content = z.union([
  z.string(),
  z.null(),
  z.array(z.object({ type: z.string(), text: z.string().optional() })),
]);
const Message = z.object({
  role: z.string(),
  content: Content.optional(),
  tool_calls: z.array(z.unknown()).optional(),
});
const Choices = z.array(z.object({ message: Message })).min(1);
const Completion = z.object({
  id: z.string().optional(),
  created: z.number().optional(),
  choices: Choices,
  usage: Usage.optional(),
});

/** An OpenAI chat-completion log record: the request's messages, and the response's choices. */
const ChatLogTrace = z.object({
  id: id.optional(),
  created: z.number().optional(),
  messages: z.array(Message).optional(),
  request: z.object({ messages: z.array(Message) }).optional(),
  choices: Choices.optional(),
  response: Completion.optional(),
  usage: Usage.optional(),
  tags: z.array(z.string()).optional(),
  metadata: z.record(z.string(), z.unknown()).optional(),
  timestamp: z.string().optional(),
  latency_ms: z.number().nonnegative().optional(),
  feedback: FeedbackSchema.optional(),
});

function text(content: z.infer<typeof Content> | undefined): string {
  if (typeof content === "string") return content;
  if (!content) return "";
  return content.flatMap((p) => (p.type === "text" && p.text !== undefined ? [p.text] : [])).join("");
}

const isChatLog = (v: Record<string, unknown>): boolean =>
  !("output" in v) && ("messages" in v || "request" in v || "choices" in v || "response" in v);

/** One line's value as a trace; `fallbackId` names a line without an id. */
export function toTrace(value: unknown, file: string, line: number): Trace {
  if (typeof value !== "object" || value === null || Array.isArray(value))
    throw new UserError(
      "a trace must be a JSON object",
      { file, line },
      'e.g. {"input": {...}, "output": "..."}',
    );
  const raw = value as Record<string, unknown>;
  const at = () => line;
  const fallbackId = `line-${line}`;
  if (!isChatLog(raw)) {
    const t = validateOrThrow(PlainTrace, raw, file, at, "trace");
    return {
      id: t.id ?? fallbackId,
      line,
      input: typeof t.input === "string" ? { input: t.input } : t.input,
      output: typeof t.output === "string" ? t.output : JSON.stringify(t.output),
      ...(t.expected !== undefined ? { expected: t.expected } : {}),
      ...(t.tags ? { tags: t.tags } : {}),
      ...(t.metadata ? { metadata: t.metadata } : {}),
      ...(t.timestamp !== undefined ? { timestamp: t.timestamp } : {}),
      ...(t.latency_ms !== undefined ? { latency_ms: t.latency_ms } : {}),
      ...(t.usage ? { usage: t.usage } : {}),
      ...(t.feedback ? { feedback: feedbackOf(t.feedback) } : {}),
    };
  }
  const t = validateOrThrow(ChatLogTrace, raw, file, at, "chat-completion log record");
  const messages = t.messages ?? t.request?.messages;
  const choice = (t.choices ?? t.response?.choices)?.[0];
  if (!messages || !choice)
    throw new UserError(
      "a chat-completion log record needs the request's messages and the response's choices",
      { file, line, field: messages ? "choices" : "messages" },
      "give messages (or request.messages) and choices (or response.choices)",
    );
  const answer = choice.message;
  const output =
    answer.content === null && answer.tool_calls ? JSON.stringify(answer.tool_calls) : text(answer.content);
  const created = t.created ?? t.response?.created;
  const usage = t.usage ?? t.response?.usage;
  return {
    id: t.id ?? t.response?.id ?? fallbackId,
    line,
    input: { messages: messages.map((m) => ({ role: m.role, content: text(m.content) })) },
    output,
    ...(t.tags ? { tags: t.tags } : {}),
    ...(t.metadata ? { metadata: t.metadata } : {}),
    ...(t.timestamp !== undefined
      ? { timestamp: t.timestamp }
      : created !== undefined
        ? { timestamp: new Date(created * 1000).toISOString() }
        : {}),
    ...(t.latency_ms !== undefined ? { latency_ms: t.latency_ms } : {}),
    ...(usage ? { usage } : {}),
    ...(t.feedback ? { feedback: feedbackOf(t.feedback) } : {}),
  };
}

/** Drops the keys zod leaves as undefined (exactOptionalPropertyTypes). */
function feedbackOf(f: z.infer<typeof FeedbackSchema>): Feedback {
  return {
    ...(f.thumbs !== undefined ? { thumbs: f.thumbs } : {}),
    ...(f.rating !== undefined ? { rating: f.rating } : {}),
    ...(f.comment !== undefined ? { comment: f.comment } : {}),
  };
}

/** Parses a traces JSONL file: one trace per line, blank lines skipped, ids unique. */
export function parseTraces(textOf: string, file: string): Trace[] {
  const traces: Trace[] = [];
  const seen = new Map<string, number>();
  for (const { value, line } of parseJsonLines(textOf, file, "each line must be one JSON object")) {
    const trace = toTrace(value, file, line);
    const earlier = seen.get(trace.id);
    if (earlier !== undefined)
      throw new UserError(
        `duplicate trace id "${trace.id}" (first used on line ${earlier})`,
        { file, line, field: "id" },
        "give every trace a unique id, or none (then the line number is its id)",
      );
    seen.set(trace.id, line);
    traces.push(trace);
  }
  if (traces.length === 0) throw new UserError("holds no traces", { file }, "one JSON object per line");
  return traces;
}
