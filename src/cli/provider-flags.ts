import { resolve } from "node:path";
import type { Project } from "../config/project.js";
import { UserError } from "../errors.js";
import {
  chooseProviderKind,
  createOfflineProvider,
  PROVIDER_KINDS,
  type ProviderKind,
} from "../engine/providers/select.js";
import type { Provider } from "../engine/providers/types.js";
import type { CliIo } from "./io.js";

/** The provider flags every evaluating command shares, as parseArgs hands them over. */
export interface ProviderFlags {
  provider?: string;
  recordings?: string;
  concurrency?: string;
}

export const providerOptions = `  --provider KIND      replay | mock | openai (default: the project's config)
  --recordings DIR     folder of recorded responses for --provider replay
  --concurrency N      model calls in flight at once (default: config, else 8)`;

export function positiveInt(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0)
    throw new UserError(`${flag} takes a positive whole number, got "${value}"`);
  return n;
}

export function oneOf<T extends string>(
  value: string | undefined,
  allowed: readonly T[],
  flag: string,
): T | undefined {
  if (value === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(value)) {
    throw new UserError(`${flag} must be one of ${allowed.join(", ")}, got "${value}"`);
  }
  return value as T;
}

export async function makeProviderFor(
  project: Project,
  flags: ProviderFlags,
  io: CliIo,
): Promise<{ provider: Provider; concurrency: number; kind: ProviderKind }> {
  const concurrency = positiveInt(flags.concurrency, "--concurrency") ?? project.config.concurrency ?? 8;
  const requested = oneOf(flags.provider, PROVIDER_KINDS, "--provider");
  const kind = chooseProviderKind(project, requested ? { kind: requested } : {}, io.env);
  if (kind === "openai") {
    throw new UserError(
      "the openai provider is not available in this build",
      {},
      "use --provider replay or mock",
    );
  }
  const provider = await createOfflineProvider(
    project,
    kind,
    flags.recordings ? { recordings: resolve(io.cwd, flags.recordings) } : {},
  );
  return { provider, concurrency, kind };
}
