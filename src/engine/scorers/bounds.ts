import type { Bounds } from "../../config/schema.js";

export function withinBounds(value: number, bounds: Bounds): boolean {
  return (
    (bounds.min === undefined || value >= bounds.min) && (bounds.max === undefined || value <= bounds.max)
  );
}

export function describeBounds(bounds: Bounds): string {
  if (bounds.min !== undefined && bounds.min === bounds.max) return `exactly ${bounds.min}`;
  if (bounds.min !== undefined && bounds.max !== undefined) return `${bounds.min}–${bounds.max}`;
  if (bounds.min !== undefined) return `at least ${bounds.min}`;
  if (bounds.max !== undefined) return `at most ${bounds.max}`;
  return "any number";
}

export interface Check {
  ok: boolean;
  /** e.g. "3 bullets, expected 4–6"; the expectation is only spelled out when the check fails. */
  note: string;
}

export function boundsCheck(count: number, unit: string, bounds: Bounds): Check {
  const ok = withinBounds(count, bounds);
  return { ok, note: ok ? `${count} ${unit}` : `${count} ${unit}, expected ${describeBounds(bounds)}` };
}

/** Score = share of checks that hold; passed = all hold. No checks configured counts as a pass. */
export function shareOf(checks: readonly Check[]): { score: number; passed: boolean; detail: string } {
  if (checks.length === 0) return { score: 1, passed: true, detail: "no checks configured" };
  const held = checks.filter((c) => c.ok).length;
  return {
    score: held / checks.length,
    passed: held === checks.length,
    detail: checks.map((c) => c.note).join("; "),
  };
}
