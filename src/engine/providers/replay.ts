import { readdir } from "node:fs/promises";
import { join } from "node:path";
import { z } from "zod";
import { MAX_EVAL_SET_BYTES, readUserFile } from "../../config/files.js";
import { UserError } from "../../errors.js";
import { requestKey, type ChatRequest } from "../request.js";
import { embeddingKey, moderationKey } from "./keys.js";
import {
  ProviderError,
  type CallOptions,
  type Completion,
  type EmbeddingRequest,
  type Embeddings,
  type Moderation,
  type ModerationRequest,
  type Provider,
} from "./types.js";

/**
 * One recorded model answer, keyed by the request's content address. The
 * descriptive fields (prompt, version, example, model) are for people reading
 * the file and for tidying it up; lookup uses `key` alone.
 */
export const ChatEntry = z.object({
  key: z.string().regex(/^[0-9a-f]{64}$/),
  prompt: z.string().optional(),
  version: z.number().optional(),
  example: z.string().optional(),
  model: z.string().optional(),
  output: z.string(),
  usage: z.object({ prompt_tokens: z.number().nonnegative(), completion_tokens: z.number().nonnegative() }),
  latency_ms: z.number().nonnegative(),
  /** Absent in entries written before it was recorded. */
  finish_reason: z.string().optional(),
  /** When the model gave the answer (ISO 8601); absent in entries written before it was recorded. */
  created_at: z.iso.datetime().optional(),
  /** The function calls of an agent's step; absent for a text answer. */
  tool_calls: z
    .array(z.object({ id: z.string().max(200), name: z.string().min(1).max(64), arguments: z.string() }))
    .max(128)
    .optional(),
});
export type ChatEntry = z.infer<typeof ChatEntry>;

/** The completion a stored answer stands for. */
export function completionOf(entry: ChatEntry): Completion {
  return {
    text: entry.output,
    usage: { ...entry.usage },
    latencyMs: entry.latency_ms,
    cached: true,
    ...(entry.created_at !== undefined ? { answeredAt: entry.created_at } : {}),
    ...(entry.finish_reason !== undefined ? { finishReason: entry.finish_reason } : {}),
    ...(entry.tool_calls?.length ? { toolCalls: entry.tool_calls.map((c) => ({ ...c })) } : {}),
  };
}

const categoryName = z.string().regex(/^[a-z][a-z0-9/_-]{0,63}$/);

/** A moderation verdict on one text, keyed by moderationKey(model, text). */
export const ModerationEntry = z.object({
  key: z.string().regex(/^[0-9a-f]{64}$/),
  kind: z.literal("moderation"),
  model: z.string(),
  flagged: z.boolean(),
  categories: z.record(categoryName, z.boolean()),
  category_scores: z.record(categoryName, z.number().min(0).max(1)),
  latency_ms: z.number().nonnegative(),
});
export type ModerationEntry = z.infer<typeof ModerationEntry>;

/** The embedding of one text, keyed by embeddingKey(model, text). */
export const EmbeddingEntry = z.object({
  key: z.string().regex(/^[0-9a-f]{64}$/),
  kind: z.literal("embedding"),
  model: z.string(),
  embedding: z.array(z.number()).min(1).max(65_536),
  tokens: z.number().nonnegative(),
  latency_ms: z.number().nonnegative(),
});
export type EmbeddingEntry = z.infer<typeof EmbeddingEntry>;

/**
 * A line of a recordings file (or an answer-cache entry). Chat answers carry
 * no `kind`, so files written before moderation and embeddings were recorded
 * read as they always did.
 */
export const RecordingEntry = z.union([ModerationEntry, EmbeddingEntry, ChatEntry]);
export type RecordingEntry = z.infer<typeof RecordingEntry>;

export function isChatEntry(e: RecordingEntry): e is ChatEntry {
  return !("kind" in e);
}

export function parseRecordings(text: string, file: string): RecordingEntry[] {
  const out: RecordingEntry[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    if (raw.trim() === "") return;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch {
      throw new UserError("recording line is not valid JSON", { file, line: i + 1 });
    }
    const parsed = RecordingEntry.safeParse(value);
    if (!parsed.success) {
      throw new UserError(`recording line is malformed: ${parsed.error.issues[0]?.message ?? ""}`, {
        file,
        line: i + 1,
      });
    }
    out.push(parsed.data);
  });
  return out;
}

/** Reads every *.jsonl file of a recordings folder. */
export async function loadRecordings(dir: string): Promise<RecordingEntry[]> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => n.endsWith(".jsonl")).sort();
  } catch {
    throw new UserError(
      "recordings folder not found",
      { file: dir },
      "set provider.recordings in the project config",
    );
  }
  const all: RecordingEntry[] = [];
  for (const name of names) {
    const file = join(dir, name);
    all.push(...parseRecordings(await readUserFile(file, MAX_EVAL_SET_BYTES), file));
  }
  return all;
}

export function moderationOf(entry: ModerationEntry, cached: boolean): Moderation {
  return {
    flagged: entry.flagged,
    categories: { ...entry.categories },
    scores: { ...entry.category_scores },
    latencyMs: entry.latency_ms,
    cached,
  };
}

/**
 * Answers from recorded responses only; never touches the network. A text with
 * no recorded moderation or embedding is "no_recording" (safety criteria then
 * ask the judge, whose answer must be recorded too).
 */
export function createReplayProvider(entries: readonly RecordingEntry[]): Provider {
  const chats = new Map<string, ChatEntry>();
  const moderations = new Map<string, ModerationEntry>();
  const embeddings = new Map<string, EmbeddingEntry>();
  for (const e of entries) {
    if (isChatEntry(e)) chats.set(e.key, e);
    else if (e.kind === "moderation") moderations.set(e.key, e);
    else embeddings.set(e.key, e);
  }
  return {
    id: "replay",
    moderate(request: ModerationRequest): Promise<Moderation> {
      const entry = moderations.get(moderationKey(request.model, request.input));
      if (!entry) {
        return Promise.reject(
          new ProviderError("no recorded moderation for this text", { kind: "no_recording" }),
        );
      }
      return Promise.resolve(moderationOf(entry, true));
    },
    embed(request: EmbeddingRequest): Promise<Embeddings> {
      const found = request.input.map((text) => embeddings.get(embeddingKey(request.model, text)));
      const missing = found.findIndex((e) => e === undefined);
      if (missing >= 0) {
        return Promise.reject(
          new ProviderError(
            `no recorded ${request.model} embedding for this text (the output or the expected text changed since it was recorded)`,
            { kind: "no_recording" },
          ),
        );
      }
      const hits = found.filter((e) => e !== undefined);
      return Promise.resolve({
        vectors: hits.map((e) => [...e.embedding]),
        tokens: hits.map((e) => e.tokens),
        cached: hits.map(() => true),
        latencyMs: Math.max(0, ...hits.map((e) => e.latency_ms)),
      });
    },
    complete(request: ChatRequest, options?: CallOptions): Promise<Completion> {
      const entry = chats.get(requestKey(request, options?.repeat ?? 0));
      if (!entry) {
        return Promise.reject(
          new ProviderError(
            "no recorded response for this request (the prompt or the example changed since it was recorded)",
            { kind: "no_recording" },
          ),
        );
      }
      return Promise.resolve(completionOf(entry));
    },
  };
}
