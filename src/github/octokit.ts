import { getOctokit } from "@actions/github";
import { retry } from "@octokit/plugin-retry";
import { throttling } from "@octokit/plugin-throttling";

export type Octokit = ReturnType<typeof getOctokit>;

export interface OctokitLog {
  warning: (message: string) => void;
  info: (message: string) => void;
}

/**
 * The one place an Octokit is built. Retry covers 5xx and network blips;
 * throttling waits out primary and secondary rate limits (honouring
 * retry-after) instead of failing the run, up to a few times.
 */
export function createOctokit(token: string, log: OctokitLog, opts: { baseUrl?: string } = {}): Octokit {
  return getOctokit(
    token,
    {
      ...(opts.baseUrl ? { baseUrl: opts.baseUrl } : {}),
      throttle: {
        onRateLimit: (
          retryAfter: number,
          options: { method: string; url: string },
          _o: unknown,
          retryCount: number,
        ) => {
          log.warning(`GitHub rate limit on ${options.method} ${options.url}; retrying in ${retryAfter} s`);
          return retryCount < 3;
        },
        onSecondaryRateLimit: (
          retryAfter: number,
          options: { method: string; url: string },
          _o: unknown,
          retryCount: number,
        ) => {
          log.warning(
            `GitHub secondary rate limit on ${options.method} ${options.url}; retrying in ${retryAfter} s`,
          );
          return retryCount < 3;
        },
      },
      retry: { doNotRetry: [400, 401, 403, 404, 410, 422, 451] },
    },
    retry,
    throttling,
  );
}
