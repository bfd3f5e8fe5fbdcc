import * as cache from "@actions/cache";

/**
 * The answer cache travels between runs through @actions/cache: pull request
 * runs restore the newest one; runs on the default branch save a new one.
 */
export function actionsCache(info: (m: string) => void): {
  restore: (dir: string) => Promise<boolean>;
  save: (dir: string) => Promise<boolean>;
} {
  const prefix = "agentops-answers-";
  return {
    restore: async (dir) => {
      if (!cache.isFeatureAvailable()) {
        info("the Actions cache service is not available here; starting without cached answers");
        return false;
      }
      return (
        (await cache.restoreCache([dir], `${prefix}${process.env.GITHUB_SHA ?? "none"}`, [prefix])) !==
        undefined
      );
    },
    save: async (dir) => {
      if (!cache.isFeatureAvailable()) return false;
      await cache.saveCache(
        [dir],
        `${prefix}${process.env.GITHUB_RUN_ID ?? Date.now()}-${process.env.GITHUB_RUN_ATTEMPT ?? 1}`,
      );
      return true;
    },
  };
}
