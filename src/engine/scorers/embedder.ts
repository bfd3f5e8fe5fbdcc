import { ProviderError, type Provider } from "../providers/types.js";

export interface Embedded {
  vector: number[];
  tokens: number;
  /** Nothing paid now: a cache, a recording, or an earlier request of this run served it. */
  cached: boolean;
}

/** Inputs per /embeddings request; OpenAI takes up to 2,048, small batches keep one failure cheap. */
export const MAX_BATCH_INPUTS = 128;
/** Characters per request, well under OpenAI's 300k-token limit on one request. */
export const MAX_BATCH_CHARS = 400_000;
/** How long a text waits for companions before its batch is sent. */
export const BATCH_WINDOW_MS = 10;
/** Texts remembered in memory (expected texts and recent outputs); the disk cache holds the rest. */
const MAX_REMEMBERED = 10_000;

interface Waiting {
  text: string;
  resolve: (e: Embedded) => void;
  reject: (e: unknown) => void;
}

/**
 * Collects the texts examples want embedded into batched requests, one queue
 * per model: texts asked for within BATCH_WINDOW_MS of each other (concurrent
 * examples, a suite's expected texts) go out together. A text already embedded
 * in this run is answered from memory.
 */
export class Embedder {
  private readonly queues = new Map<string, Waiting[]>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly memory = new Map<string, Promise<Embedded>>();

  constructor(
    private readonly provider: Provider,
    private readonly windowMs = BATCH_WINDOW_MS,
  ) {}

  embed(model: string, text: string, signal?: AbortSignal): Promise<Embedded> {
    const id = `${model}\n${text}`;
    const known = this.memory.get(id);
    if (known) return known.then((e) => ({ ...e, cached: true }));
    const p = new Promise<Embedded>((resolve, reject) => {
      const queue = this.queues.get(model) ?? [];
      this.queues.set(model, queue);
      queue.push({ text, resolve, reject });
      const chars = queue.reduce((n, w) => n + w.text.length, 0);
      if (queue.length >= MAX_BATCH_INPUTS || chars >= MAX_BATCH_CHARS) this.flush(model, signal);
      else if (!this.timers.has(model)) {
        this.timers.set(
          model,
          setTimeout(() => this.flush(model, signal), this.windowMs),
        );
      }
    });
    if (this.memory.size >= MAX_REMEMBERED) this.memory.clear();
    this.memory.set(id, p);
    // A failed text is asked for again next time, not answered with the old failure.
    p.catch(() => this.memory.delete(id));
    return p;
  }

  private flush(model: string, signal: AbortSignal | undefined): void {
    const timer = this.timers.get(model);
    if (timer) clearTimeout(timer);
    this.timers.delete(model);
    const batch = this.queues.get(model) ?? [];
    this.queues.delete(model);
    if (batch.length === 0) return;
    void this.send(model, batch, signal);
  }

  private async send(model: string, batch: Waiting[], signal: AbortSignal | undefined): Promise<void> {
    try {
      if (!this.provider.embed) {
        throw new ProviderError(`the ${this.provider.id} provider has no embeddings`, {
          kind: "unsupported",
        });
      }
      const r = await this.provider.embed(
        { model, input: batch.map((w) => w.text) },
        signal ? { signal } : {},
      );
      batch.forEach((w, i) => {
        const vector = r.vectors[i];
        if (!vector)
          throw new ProviderError("the embeddings answer lacks a vector", { kind: "bad_response" });
        w.resolve({ vector, tokens: r.tokens[i] ?? 0, cached: r.cached[i] ?? false });
      });
    } catch (e) {
      for (const w of batch) w.reject(e);
    }
  }
}

/** Cosine similarity; vectors of different lengths are a wrong answer, not a score. */
export function cosine(a: readonly number[], b: readonly number[]): number {
  if (a.length !== b.length) {
    throw new ProviderError(`embeddings of different lengths (${a.length} and ${b.length})`, {
      kind: "bad_response",
    });
  }
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    dot += x * y;
    na += x * x;
    nb += y * y;
  }
  return na === 0 || nb === 0 ? 0 : dot / Math.sqrt(na * nb);
}
