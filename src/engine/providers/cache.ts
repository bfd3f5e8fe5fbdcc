import { createHash, randomBytes } from "node:crypto";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { requestKey, type ChatRequest } from "../request.js";
import { RecordingEntry } from "./replay.js";
import type { CallOptions, Completion, Provider } from "./types.js";

export const DEFAULT_CACHE_DIR = ".agentops-cache";

export type CacheEvent = "hit" | "miss" | "corrupt" | "write";

export interface CacheOptions {
  dir: string;
  /** Separates endpoints: the same model name on two servers never shares answers. */
  namespace: string;
  /** Read but never write (pull request runs must not poison the shared cache). */
  readOnly?: boolean;
  onEvent?: (e: CacheEvent) => void;
}

export function cacheKey(namespace: string, request: ChatRequest, repeat: number): string {
  return createHash("sha256")
    .update(`${namespace}\n${requestKey(request, repeat)}`)
    .digest("hex");
}

/**
 * A content-addressed disk cache of answers: a rerun with nothing changed makes
 * no calls. Entries hold only the answer and its usage; never a key or header.
 */
export function withCache(inner: Provider, opts: CacheOptions): Provider {
  const pathOf = (key: string): string => join(opts.dir, key.slice(0, 2), `${key}.json`);

  async function read(key: string): Promise<RecordingEntry | undefined> {
    let text: string;
    try {
      text = await readFile(pathOf(key), "utf8");
    } catch {
      return undefined;
    }
    try {
      const entry = RecordingEntry.parse(JSON.parse(text));
      if (entry.key === key) return entry;
    } catch {
      // fall through: a torn or hand-edited entry is refetched
    }
    opts.onEvent?.("corrupt");
    return undefined;
  }

  async function write(entry: RecordingEntry): Promise<void> {
    const path = pathOf(entry.key);
    await mkdir(join(opts.dir, entry.key.slice(0, 2)), { recursive: true });
    // Write then rename, so a crash or a parallel run never leaves half an entry.
    const tmp = `${path}.${randomBytes(6).toString("hex")}.tmp`;
    await writeFile(tmp, JSON.stringify(entry));
    await rename(tmp, path);
    opts.onEvent?.("write");
  }

  return {
    id: inner.id,
    async complete(request: ChatRequest, options: CallOptions = {}): Promise<Completion> {
      const key = cacheKey(opts.namespace, request, options.repeat ?? 0);
      const hit = await read(key);
      if (hit) {
        opts.onEvent?.("hit");
        return { text: hit.output, usage: { ...hit.usage }, latencyMs: hit.latency_ms, cached: true };
      }
      opts.onEvent?.("miss");
      const completion = await inner.complete(request, options);
      if (!opts.readOnly && !completion.cached) {
        await write({
          key,
          model: request.model,
          output: completion.text,
          usage: completion.usage,
          latency_ms: completion.latencyMs,
        }).catch(() => undefined);
      }
      return completion;
    },
  };
}
