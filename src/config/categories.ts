/** An eval-set example's categories: its `tags` and `labels.category`, for per-category reports. */
import type { EvalExample } from "./schema.js";

/** Examples with neither tags nor labels.category. */
export const UNTAGGED = "(untagged)";

/** An example's categories: its tags, then labels.category when it is a string; deduplicated. */
export function categoriesOf(example: Pick<EvalExample, "tags" | "labels">): string[] {
  const category = example.labels?.category;
  const all = [...(example.tags ?? []), ...(typeof category === "string" ? [category] : [])];
  return [...new Set(all.map((t) => t.trim()).filter((t) => t.length > 0))];
}

/** id → categories, for the examples that have any; undefined when none has (nothing to break down). */
export function exampleCategories(
  examples: readonly Pick<EvalExample, "id" | "tags" | "labels">[],
): Record<string, string[]> | undefined {
  const out: Record<string, string[]> = {};
  for (const e of examples) {
    const c = categoriesOf(e);
    if (c.length > 0) out[e.id] = c;
  }
  return Object.keys(out).length > 0 ? out : undefined;
}
