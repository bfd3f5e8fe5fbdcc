import { abortableSleep } from "../engine/providers/retry.js";
import { ProviderError } from "../engine/providers/types.js";
import { errorMessage } from "../errors.js";
import { TERMINAL_STATUSES, type BatchApi, type BatchEndpoint, type BatchInfo } from "./batch-api.js";
import {
  OPENAI_BATCH_LIMITS,
  parseResultLines,
  requestLine,
  requestSetHash,
  splitAtLimits,
  type BatchLimits,
  type BatchRequestLine,
  type LineResult,
} from "./batch-lines.js";
import { loadState, saveState, statePath, type BatchState } from "./batch-state.js";
import { createLimiter, type Limiter } from "./limiter.js";
import { setSignal, type StopNote, type Waiter } from "./batch-stop.js";

/*
 * Calls wait in a queue per endpoint; when no new call has come for a short
 * while (or the queue is full) they go out as one batch: upload, create, poll,
 * read the output and error files, and hand each caller its answer by
 * custom_id. Whatever a batch does not answer is sent as an ordinary call.
 */

export interface QueuedCall {
  endpoint: BatchEndpoint;
  /** The request's content address: equal requests share one line and one answer. */
  customId: string;
  body: unknown;
  /** Embedding inputs in the request (0 otherwise), for the per-batch input limit. */
  inputs: number;
  signal: AbortSignal | undefined;
}

export interface BatchQueueOptions {
  api: BatchApi;
  /** Folder of the resume state (under the output folder). */
  stateDir: string;
  log: (line: string) => void;
  /** Scrubbed from every error text the endpoint's files carry. */
  apiKey?: string;
  /** How long no new call must arrive before the queue goes out (default 2 s). */
  quietMs?: number;
  /** A queue this long goes out at once (default: ten files' worth of requests). */
  flushAt?: number;
  limits?: BatchLimits;
  /** Between status polls (default 30 s). */
  pollMs?: number;
  /** Ordinary calls in flight at once for what batches could not answer. */
  fallbackConcurrency: number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

interface Entry {
  call: QueuedCall;
  waiters: Waiter[];
}

export interface BatchQueue {
  /** Queues a call; `deliver` gets the answer body, `fallback` makes it an ordinary call. */
  enqueue(
    call: QueuedCall,
    handlers: { deliver: (body: unknown) => void; fallback: () => Promise<void>; fail: (e: unknown) => void },
  ): void;
}

const aborted = (): ProviderError => new ProviderError("the call was aborted", { kind: "aborted" });

export function createBatchQueue(opts: BatchQueueOptions): BatchQueue {
  const limits = opts.limits ?? OPENAI_BATCH_LIMITS;
  const quietMs = opts.quietMs ?? 2000;
  // Far above one file: a round of a big suite stays one request set, split by custom_id, so a
  // rerun forms the same set and resumes it (a set cut by arrival order could differ).
  const flushAt = opts.flushAt ?? 10 * limits.maxRequests;
  const pollMs = opts.pollMs ?? 30_000;
  const sleep = opts.sleep ?? abortableSleep;
  const limiter: Limiter = createLimiter(opts.fallbackConcurrency);
  const queues = new Map<BatchEndpoint, { entries: Map<string, Entry>; timer?: NodeJS.Timeout }>();

  function flush(endpoint: BatchEndpoint): void {
    const q = queues.get(endpoint);
    if (!q) return;
    clearTimeout(q.timer);
    queues.delete(endpoint);
    void sendSet(endpoint, [...q.entries.values()]);
  }

  const live = (e: Entry): Waiter[] => e.waiters.filter((w) => !w.settled);

  function settleAll(e: Entry, how: (w: Waiter) => void): void {
    for (const w of live(e)) {
      w.settled = true;
      how(w);
    }
  }

  /** One ordinary call per entry, its outcome handed to every caller waiting for it. */
  async function fallBack(entries: readonly Entry[]): Promise<void> {
    await Promise.all(
      entries.map(async (e) => {
        const first = live(e)[0];
        if (!first) return;
        // Everyone waiting on this entry gets the first waiter's outcome.
        const others = live(e).slice(1);
        for (const w of e.waiters) w.settled = true;
        await limiter.run(async () => {
          await first.fallback();
          for (const w of others) await w.fallback();
        });
      }),
    );
  }

  async function sendSet(endpoint: BatchEndpoint, entries: Entry[]): Promise<void> {
    const stop: StopNote = { ready: Promise.resolve() };
    const { signal, dispose } = setSignal(entries, stop);
    try {
      await sendParts(endpoint, entries, signal, stop);
    } finally {
      dispose();
    }
  }

  async function sendParts(
    endpoint: BatchEndpoint,
    entries: Entry[],
    signal: AbortSignal,
    stop: StopNote,
  ): Promise<void> {
    // Sorted by custom_id, so the same set always splits into the same files.
    entries.sort((a, b) => (a.call.customId < b.call.customId ? -1 : 1));
    const byId = new Map(entries.map((e) => [e.call.customId, e]));
    const lines = entries.map((e) => requestLine(e.call.customId, endpoint, e.call.body, e.call.inputs));
    const { parts, tooLarge } = splitAtLimits(lines, limits);
    if (tooLarge.length > 0) {
      opts.log(`batch: ${tooLarge.length} request(s) too large for a batch file, sent as ordinary calls`);
      void fallBack(entriesOf(tooLarge, byId));
    }
    if (parts.length === 0) return;
    const hash = requestSetHash(
      endpoint,
      parts.flat().map((l) => l.customId),
    );
    const where = statePath(opts.stateDir, hash);
    const saved = await loadState(opts.stateDir, hash);
    const state: BatchState =
      saved && saved.batches.length === parts.length
        ? saved
        : { version: 1, endpoint, batches: parts.map(() => null) };
    if (saved === state) opts.log(`batch: resuming ${state.batches.filter(Boolean).join(", ")} (${where})`);
    stop.note = () => {
      const ids = state.batches.filter((b): b is string => b !== null);
      if (ids.length > 0)
        opts.log(
          `batch: stopped waiting; ${ids.join(", ")} keep running at the endpoint. Run the same command again to pick up their answers (ids saved in ${where}).`,
        );
    };
    // Parts are created side by side but their ids saved one write at a time, so a slower write
    // never replaces the file with an older state.
    let saving: Promise<void> = Promise.resolve();
    const save = (): Promise<void> => (saving = saving.then(() => saveState(opts.stateDir, hash, state)));
    const created = parts.map((part, i) =>
      createPart(endpoint, part, i, parts.length, state, hash, save, signal),
    );
    stop.ready = Promise.allSettled(created);
    await Promise.all(
      parts.map(async (part, i) => {
        const label = parts.length > 1 ? ` (part ${i + 1} of ${parts.length})` : "";
        try {
          const id = await created[i];
          if (id !== undefined) await collectPart(id, part, label, byId, signal);
        } catch (e) {
          if (signal.aborted) return;
          opts.log(`batch: ${errorMessage(e)}; sending its ${part.length} request(s) as ordinary calls`);
          await fallBack(entriesOf(part, byId));
        }
      }),
    );
  }

  /** The part's batch: the saved one, or a new one (undefined when the callers left before it was sent). */
  async function createPart(
    endpoint: BatchEndpoint,
    part: readonly BatchRequestLine[],
    index: number,
    of: number,
    state: BatchState,
    hash: string,
    save: () => Promise<void>,
    signal: AbortSignal,
  ): Promise<string | undefined> {
    const saved = state.batches[index];
    if (saved && (await knownBatch(saved, signal))) return saved;
    if (signal.aborted) return undefined;
    // No abort signal from here on: the upload and the creation have their own timeouts, and a
    // creation cut short could leave a batch running that no state file names.
    const fileId = await opts.api.uploadFile(
      part.map((l) => l.line).join(""),
      `agentops-${hash.slice(0, 12)}-${index + 1}.jsonl`,
    );
    const batch = await opts.api.createBatch(fileId, endpoint);
    state.batches[index] = batch.id;
    await save();
    opts.log(
      `batch ${batch.id}: ${part.length} request(s) to ${endpoint} sent${of > 1 ? ` (part ${index + 1} of ${of})` : ""}`,
    );
    return batch.id;
  }

  /**
   * Whether a saved batch is still the endpoint's. One it refuses to show (another key or
   * endpoint, or deleted) is sent afresh rather than falling back to ordinary calls on every rerun.
   */
  async function knownBatch(id: string, signal: AbortSignal): Promise<boolean> {
    try {
      await opts.api.getBatch(id, signal);
      return true;
    } catch (e) {
      if (signal.aborted || !(e instanceof ProviderError) || e.retryable || e.fatal) throw e;
      opts.log(
        `batch ${id}: saved, but the endpoint does not know it (${errorMessage(e)}); sending a new one`,
      );
      return false;
    }
  }

  /** Waits for a part's batch, hands out its answers, and sends what it left as ordinary calls. */
  async function collectPart(
    id: string,
    part: readonly BatchRequestLine[],
    label: string,
    byId: ReadonlyMap<string, Entry>,
    signal: AbortSignal,
  ): Promise<void> {
    const info = await pollUntilDone(id, label, signal);
    const results = new Map<string, LineResult>();
    for (const file of [info.outputFileId, info.errorFileId]) {
      if (file) parseResultLines(await opts.api.fileContent(file, signal), opts.apiKey ?? "", results);
    }
    const unanswered: Entry[] = [];
    for (const e of entriesOf(part, byId)) {
      const r = results.get(e.call.customId);
      if (!r?.ok) {
        unanswered.push(e);
        continue;
      }
      settleAll(e, (w) => w.deliver(r.body));
    }
    if (unanswered.length > 0) {
      const why =
        info.status === "completed"
          ? "failed in the batch"
          : `unanswered (the batch is ${info.status}${info.errors.length ? `: ${info.errors.join("; ")}` : ""})`;
      opts.log(`batch ${id}: ${unanswered.length} request(s) ${why}; sending them as ordinary calls`);
      await fallBack(unanswered);
    }
  }

  async function pollUntilDone(id: string, label: string, signal: AbortSignal): Promise<BatchInfo> {
    let last = "";
    for (;;) {
      const info = await opts.api.getBatch(id, signal);
      const line = `batch ${id}: ${info.status}, ${info.counts.completed}/${info.counts.total} done${info.counts.failed ? `, ${info.counts.failed} failed` : ""}${label}`;
      if (line !== last) opts.log(line);
      last = line;
      if (TERMINAL_STATUSES.has(info.status)) return info;
      await sleep(pollMs, signal);
    }
  }

  return {
    enqueue(call, handlers) {
      const waiter: Waiter = { ...handlers, signal: call.signal, settled: false };
      if (call.signal?.aborted) {
        waiter.settled = true;
        handlers.fail(aborted());
        return;
      }
      let q = queues.get(call.endpoint);
      if (!q) {
        q = { entries: new Map() };
        queues.set(call.endpoint, q);
      }
      const entry = q.entries.get(call.customId);
      if (entry) entry.waiters.push(waiter);
      else q.entries.set(call.customId, { call, waiters: [waiter] });
      clearTimeout(q.timer);
      if (q.entries.size >= flushAt) {
        flush(call.endpoint);
        return;
      }
      q.timer = setTimeout(() => flush(call.endpoint), quietMs);
    },
  };
}

function entriesOf(lines: readonly BatchRequestLine[], byId: ReadonlyMap<string, Entry>): Entry[] {
  return lines.map((l) => byId.get(l.customId)).filter((e): e is Entry => e !== undefined);
}
