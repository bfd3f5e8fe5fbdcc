import type { Project } from "../../config/project.js";
import { UserError } from "../../errors.js";

export const PROVIDER_KINDS = ["replay", "mock", "openai"] as const;
export type ProviderKind = (typeof PROVIDER_KINDS)[number];

/** The provider kind: the flag, else the project's config, else openai when a key is set. */
export function chooseProviderKind(
  project: Project,
  requested: ProviderKind | undefined,
  env: Record<string, string | undefined>,
): ProviderKind {
  if (requested) return requested;
  if (project.config.provider?.type) return project.config.provider.type;
  if (env.OPENAI_API_KEY) return "openai";
  throw new UserError(
    "no model provider configured",
    {},
    "set OPENAI_API_KEY for live calls, pass --provider replay with recorded responses, or --provider mock for a dry run",
  );
}
