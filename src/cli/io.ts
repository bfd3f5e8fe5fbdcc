/** What the CLI touches outside itself; tests pass in buffers and a fixed environment. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: Record<string, string | undefined>;
  cwd: string;
  /** Aborted on SIGINT/SIGTERM so partial results can still be written. */
  signal?: AbortSignal;
  now?: () => number;
}

export const EXIT = {
  ok: 0,
  regression: 1,
  usage: 2,
  inconclusive: 3,
  internal: 4,
  /** compare: the change edits how it is judged; a maintainer must accept it. */
  needsApproval: 5,
} as const;
