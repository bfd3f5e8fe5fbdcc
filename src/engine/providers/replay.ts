import { readdir } from "node:fs/promises";
import { join } from "node:path";
import { z } from "zod";
import { MAX_EVAL_SET_BYTES, readUserFile } from "../../config/files.js";
import { UserError } from "../../errors.js";
import { requestKey, type ChatRequest } from "../request.js";
import { ProviderError, type CallOptions, type Completion, type Provider } from "./types.js";

/**
 * One recorded model answer, keyed by the request's content address. The
 * descriptive fields (prompt, version, example, model) are for people reading
 * the file and for tidying it up; lookup uses `key` alone.
 */
export const RecordingEntry = z.object({
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
});
export type RecordingEntry = z.infer<typeof RecordingEntry>;

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

/** Answers from recorded responses only; never touches the network. */
export function createReplayProvider(entries: readonly RecordingEntry[]): Provider {
  const byKey = new Map(entries.map((e) => [e.key, e]));
  return {
    id: "replay",
    complete(request: ChatRequest, options?: CallOptions): Promise<Completion> {
      const entry = byKey.get(requestKey(request, options?.repeat ?? 0));
      if (!entry) {
        return Promise.reject(
          new ProviderError(
            "no recorded response for this request (the prompt or the example changed since it was recorded)",
            { kind: "no_recording" },
          ),
        );
      }
      return Promise.resolve({
        text: entry.output,
        usage: { ...entry.usage },
        latencyMs: entry.latency_ms,
        cached: true,
        ...(entry.finish_reason !== undefined ? { finishReason: entry.finish_reason } : {}),
      });
    },
  };
}
