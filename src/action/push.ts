import { relative } from "node:path";
import { resolveTargets } from "../config/project.js";
import { evaluatePrompt, loadTarget, type PromptRun } from "../engine/evaluate.js";
import { pruneCache } from "../engine/providers/cache.js";
import { renderEvalMarkdown } from "../report/eval-report.js";
import { buildEvalResults } from "../report/results.js";
import { VERSION } from "../version.js";
import type { ActionDeps } from "./deps.js";
import { answerCacheDir, chooseKind, setupFor } from "./run-setup.js";

/**
 * On the default branch: evaluate the active prompts and save the answer cache,
 * so pull request runs get the champion's answers for free. Only these trusted
 * runs write the cache.
 */
export async function evaluateDefaultBranch(deps: ActionDeps): Promise<void> {
  const { project, targets } = await resolveTargets(deps.cwd, {
    ...(deps.settings.environment ? { environment: deps.settings.environment } : {}),
  });
  const kind = chooseKind(deps.settings, project.config.provider?.type);
  if (kind === "cache-only") {
    deps.log.warning("no API key: the default branch run cannot refresh the cache; set the api-key input");
    return;
  }
  const cacheDir = answerCacheDir(deps);
  if (deps.settings.cache && kind === "openai") await deps.cache.restore(cacheDir).catch(() => false);
  const used = new Set<string>();
  const setup = await setupFor(deps, project, kind, { readOnly: false, used });
  const startedAt = new Date();
  const runs: PromptRun[] = [];
  for (const t of targets) {
    const l = await loadTarget(project, t);
    runs.push(
      await evaluatePrompt(
        l.prompt,
        l.evalSet,
        {
          name: t.name,
          reason: t.reason,
          file: relative(deps.cwd, l.prompt.file),
          evalSetFile: relative(deps.cwd, l.evalSet.file),
        },
        { ...setup.run, ...(deps.signal ? { signal: deps.signal } : {}) },
      ),
    );
  }
  const results = buildEvalResults({
    version: VERSION,
    provider: setup.run.provider.id,
    startedAt,
    finishedAt: new Date(),
    runs,
    failed: [],
    secrets: [deps.settings.apiKey, deps.settings.githubToken],
  });
  await deps.writeSummary(renderEvalMarkdown(results));
  if (deps.settings.cache && kind === "openai") {
    // A partial run used only part of what the champions need: keep everything then.
    if (runs.every((r) => !r.stopped)) {
      const pruned = await pruneCache(cacheDir, used);
      if (pruned)
        deps.log.info(`pruned ${pruned} cached answer${pruned === 1 ? "" : "s"} no active prompt uses`);
    }
    const saved = await deps.cache.save(cacheDir).catch(() => false);
    deps.log.info(saved ? "saved the answer cache for pull request runs" : "the answer cache was not saved");
  }
}
