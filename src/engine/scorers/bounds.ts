import type { Bounds } from "../../config/schema.js";

export function withinBounds(value: number, bounds: Bounds): boolean {
  return (
    (bounds.min === undefined || value >= bounds.min) && (bounds.max === undefined || value <= bounds.max)
  );
}

export function describeBounds(bounds: Bounds): string {
  if (bounds.min !== undefined && bounds.max !== undefined) return `${bounds.min}–${bounds.max}`;
  if (bounds.min !== undefined) return `at least ${bounds.min}`;
  return `at most ${bounds.max ?? "∞"}`;
}

/** Score = share of checks that hold; passed = all hold. No checks configured counts as a pass. */
export function shareOf(checks: readonly boolean[]): { score: number; passed: boolean } {
  if (checks.length === 0) return { score: 1, passed: true };
  const held = checks.filter(Boolean).length;
  return { score: held / checks.length, passed: held === checks.length };
}
