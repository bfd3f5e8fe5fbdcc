import { ProviderError, type Provider } from "../engine/providers/types.js";
import type { Trace } from "./traces.js";

/**
 * A provider whose chat answers are the logged outputs, looked up by example id:
 * scoring traces never calls the model under test. Moderation and embeddings
 * (criteria that need them) go to `models`. A logged answer counts as cached:
 * this run paid nothing for it.
 */
export function traceProvider(traces: readonly Trace[], models: Provider, usesModels = true): Provider {
  const byId = new Map(traces.map((t) => [t.id, t]));
  return {
    id: usesModels ? `traces+${models.id}` : "traces",
    complete(_request, options = {}) {
      const trace = options.exampleId === undefined ? undefined : byId.get(options.exampleId);
      if (!trace)
        return Promise.reject(
          new ProviderError(`no logged trace for example "${options.exampleId ?? "?"}"`, {
            kind: "internal",
          }),
        );
      return Promise.resolve({
        text: trace.output,
        usage: trace.usage ?? { prompt_tokens: 0, completion_tokens: 0 },
        latencyMs: trace.latency_ms ?? 0,
        cached: true,
      });
    },
    ...(models.moderate ? { moderate: models.moderate.bind(models) } : {}),
    ...(models.embed ? { embed: models.embed.bind(models) } : {}),
  };
}
