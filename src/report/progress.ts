import type { Progress } from "../engine/runner.js";

/**
 * Prints a progress line at most every `intervalMs`, plus the last one, so long
 * runs show life in CI logs without flooding them.
 */
export function progressPrinter(
  label: string,
  write: (line: string) => void,
  now: () => number = Date.now,
  intervalMs = 2000,
): (p: Progress) => void {
  const start = now();
  let last = start;
  return (p) => {
    const t = now();
    const final = p.done === p.total;
    if (!final && t - last < intervalMs) return;
    if (final && t - start < intervalMs) return;
    last = t;
    const errors = p.errors ? `, ${p.errors} error${p.errors === 1 ? "" : "s"}` : "";
    const cached = p.cached ? `, ${p.cached} cached` : "";
    const spent = p.spentUsd ? `, $${p.spentUsd.toFixed(4)} spent` : "";
    const held = p.heldBy && !final ? `; held by ${p.heldBy}` : "";
    write(
      `[${label}] ${p.done}/${p.total} examples done${errors}${cached}${spent} (${((t - start) / 1000).toFixed(1)} s)${held}`,
    );
  };
}
