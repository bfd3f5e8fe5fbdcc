/** The challenger's change in tokens, cost and p95 latency, as one line of the prompt section. Pure. */
import { signedPct, type Change, type CostChange } from "../compare/cost.js";

function part(what: string, c: Change | null): string | undefined {
  // A change under 1% says nothing a reader needs.
  if (!c || c.change_pct === null || Math.abs(c.change_pct) < 1) return undefined;
  const figure = `${signedPct(c.change_pct)} ${what}`;
  return c.large ? `**${figure}** ⚠️` : figure;
}

/** "Challenger against champion: **+344% tokens per answer** ⚠️, +300% cost per answer, −8% p95 latency." */
export function costLine(cost: CostChange | null | undefined): string[] {
  if (!cost) return [];
  const parts = [
    part("tokens per answer", cost.tokens),
    part("cost per answer", cost.cost_usd),
    part("p95 latency", cost.latency_p95_ms),
  ].filter((p): p is string => p !== undefined);
  if (parts.length === 0) return [];
  const out = [`Challenger against champion: ${parts.join(", ")}.`, ""];
  for (const g of cost.exceeded) out.push(`> ❌ ${g.reason}.`, "");
  for (const g of cost.unmeasured) out.push(`> ⚠️ ${g.reason}.`, "");
  return out;
}
