import { randomBytes } from "node:crypto";
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { z } from "zod";

/*
 * Which batches a request set was sent as, saved under the output folder so a
 * rerun after an interruption picks them up instead of paying twice. One small
 * file per request set, named by its hash; batch ids only, never a request or
 * an answer.
 */

const BatchState = z.object({
  version: z.literal(1),
  endpoint: z.string(),
  /** One entry per file the set was split into; null until that part's batch exists. */
  batches: z.array(
    z
      .string()
      .regex(/^[\w.-]{1,200}$/)
      .nullable(),
  ),
});
export type BatchState = z.infer<typeof BatchState>;

export function statePath(dir: string, hash: string): string {
  return join(dir, `${hash}.json`);
}

/** The saved state, or undefined when there is none or it is unreadable (then the set is sent afresh). */
export async function loadState(dir: string, hash: string): Promise<BatchState | undefined> {
  let text: string;
  try {
    text = await readFile(statePath(dir, hash), "utf8");
  } catch {
    return undefined;
  }
  try {
    return BatchState.parse(JSON.parse(text));
  } catch {
    return undefined;
  }
}

/** Written to a temporary file and renamed, so an interruption never leaves half a state. */
export async function saveState(dir: string, hash: string, state: BatchState): Promise<void> {
  await mkdir(dir, { recursive: true });
  const path = statePath(dir, hash);
  const tmp = `${path}.${randomBytes(6).toString("hex")}.tmp`;
  try {
    await writeFile(tmp, JSON.stringify(state, null, 2) + "\n");
    await rename(tmp, path);
  } catch (e) {
    await rm(tmp, { force: true });
    throw e;
  }
}
