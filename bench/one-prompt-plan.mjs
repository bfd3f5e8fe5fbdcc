// The comparison plan both benches run: prompt "bench" switched from v1 to v2 over one eval set, as the
// planner would hand it to runComparison (no git involved).
import { parsePromptFile } from "../lib/config/load.js";

export function onePromptPlan({ v1, v2, evalSet }) {
  return {
    baseSha: "a".repeat(40),
    headSha: "b".repeat(40),
    mergeBaseSha: "a".repeat(40),
    environment: "production",
    changed: [],
    prompts: [
      {
        name: "bench",
        reasons: ["v2.yaml added"],
        champion: { version: 1, path: "prompts/bench/v1.yaml", text: v1 },
        challenger: { version: 2, path: "prompts/bench/v2.yaml", text: v2 },
        evalSet: { path: "prompts/bench/eval_set.jsonl", text: evalSet },
        criteria: parsePromptFile(v2, "v2.yaml").data.eval_criteria,
        informational: [],
        addedExamples: [],
        gateChanges: [],
      },
    ],
    ignored: [],
    gateChanges: [],
    trustedConfig: {},
  };
}
