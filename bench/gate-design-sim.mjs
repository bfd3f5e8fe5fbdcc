// A fast in-process simulation of the gate's sequential design, to compare
// candidate designs in seconds before confirming with `npm run bench:gate`.
// The model is the gate benchmark's (bench/gate-fake-server.mjs): each
// example's pass probability for each criterion is drawn per PR from
// Beta(4, 1.5), every call is an independent draw, the challenger's
// probabilities are lowered by the scenario's drop (on every criterion, or on
// the first one only). Every example's answers vary, as the fake model's nonce
// makes them, so no example settles. The test, its levels and the design drop
// are the built lib/'s; "coded" is the gate's design exactly as coded (lib/'s
// futility stop too), the other designs replace the futility stop or the size
// of a round. Prints figures; asserts nothing.
//
//   npx tsc -p tsconfig.build.json && node bench/gate-design-sim.mjs [--runs N] [--seed S]
//       [--design coded,before,...] [--only REGEX]
import { parseArgs } from "node:util";
import { normalQuantile, studentTQuantile } from "../lib/compare/distributions.js";
import {
  DESIGN_ROUNDS,
  FUTILITY_LOG_LR,
  POWER,
  designDrop,
  isFutile,
  lookLevel,
  nonInferiorityTest,
  rejects,
} from "../lib/compare/sequential.js";
import { mulberry32 } from "../lib/compare/stats.js";

const { values } = parseArgs({
  options: {
    runs: { type: "string", default: "1000" },
    seed: { type: "string", default: "1" },
    design: { type: "string", default: "coded,before" },
    only: { type: "string" },
  },
});
const RUNS = Number(values.runs);
const TOL = 0.02; // the default regression_tolerance, 2 points
const ALPHA = 0.01;
const MAX_ROUNDS = 16; // the default max_sampling_rounds

/** The design drop with a horizon of `rounds` rounds instead of DESIGN_ROUNDS. */
const dropOver = (rounds) => (se, level, df) =>
  TOL + (-studentTQuantile(level, df) + normalQuantile(POWER)) * (se / Math.sqrt(rounds));
/** Log likelihood ratio of "no change" over "worse by the drop" (Wald's SPRT on the normal approximation). */
const logLr = (test, drop) => ((test.delta + drop / 2) * drop) / test.se ** 2;

/**
 * Candidate designs. drop(se, level, df, m): the design drop; futile(test, drop, m): the futility stop of
 * one criterion; mixture: the prompt also stops when the mean of its criteria's likelihood ratios of
 * "worse by the drop" over "no change" is below e^−FUTILITY_LOG_LR (Wald's SPRT against "one of the m
 * criteria is worse by its drop"); half: every round after the first samples each example every other
 * round (by the example alone, as a shard could), with twice the looks so that the cap stays 16 passes.
 */
const DESIGNS = {
  coded: {
    what: "as coded: log LR threshold max(0, 1 − ln m)",
    drop: (se, level, df) => designDrop(se, TOL, level, df),
    futile: (test, drop, m) => isFutile(test, TOL, drop, m),
  },
  before: {
    what: "before 5 December: log LR threshold 1 for every m",
    drop: dropOver(DESIGN_ROUNDS),
    futile: (test, drop) => logLr(test, drop) > FUTILITY_LOG_LR,
  },
  "lr-1/m": {
    what: "log LR threshold 1/m",
    drop: dropOver(DESIGN_ROUNDS),
    futile: (test, drop, m) => logLr(test, drop) > FUTILITY_LOG_LR / m,
  },
  "horizon-6/sqrt(m)": {
    what: "design drop over 6/√m rounds",
    drop: (se, level, df, m) => dropOver(DESIGN_ROUNDS / Math.sqrt(m))(se, level, df),
    futile: (test, drop) => logLr(test, drop) > FUTILITY_LOG_LR,
  },
  "horizon-6/m": {
    what: "design drop over 6/m rounds",
    drop: (se, level, df, m) => dropOver(DESIGN_ROUNDS / m)(se, level, df),
    futile: (test, drop) => logLr(test, drop) > FUTILITY_LOG_LR,
  },
  mixture: {
    what: "prompt-level SPRT against one of m criteria worse (mean of likelihood ratios)",
    drop: dropOver(DESIGN_ROUNDS),
    futile: (test, drop) => logLr(test, drop) > FUTILITY_LOG_LR,
    mixture: true,
  },
  "half-rounds": {
    what: "rounds of half the examples, 31 looks",
    drop: dropOver(DESIGN_ROUNDS),
    futile: (test, drop) => logLr(test, drop) > FUTILITY_LOG_LR,
    half: true,
  },
  "half-rounds+coded": {
    what: "rounds of half the examples, 31 looks, threshold max(0, 1 − ln m)",
    drop: (se, level, df) => designDrop(se, TOL, level, df),
    futile: (test, drop, m) => isFutile(test, TOL, drop, m),
    half: true,
  },
};

function gamma(shape, random) {
  let x = 0;
  for (let i = 0; i < Math.floor(shape); i++) x -= Math.log(1 - random());
  if (shape % 1) {
    const z = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
    x += (z * z) / 2;
  }
  return x;
}
function beta(a, b, random) {
  const x = gamma(a, random);
  return x / (x + gamma(b, random));
}

/** One simulated PR: whether it failed, and its model calls over one pass of both sides. */
function simulate(design, s, random) {
  const { n, criteria: m, shift = 0 } = s;
  const pA = [];
  const pB = [];
  for (let k = 0; k < m; k++) {
    const a = Float64Array.from({ length: n }, () => beta(4, 1.5, random));
    pA.push(a);
    pB.push(k < (s.shifted ?? m) ? a.map((p) => Math.max(0, p - shift)) : a);
  }
  const sumA = pA.map(() => new Float64Array(n));
  const sumB = pA.map(() => new Float64Array(n));
  const reps = new Float64Array(n);
  const parity = Array.from({ length: n }, () => (random() < 0.5 ? 0 : 1));
  let calls = 0;
  const sample = (ids) => {
    for (const i of ids) {
      reps[i]++;
      calls += 2;
      for (let k = 0; k < m; k++) {
        if (random() < pA[k][i]) sumA[k][i]++;
        if (random() < pB[k][i]) sumB[k][i]++;
      }
    }
  };
  const all = Array.from({ length: n }, (_, i) => i);
  sample(all);
  const maxRounds = design.half ? 2 * MAX_ROUNDS - 1 : MAX_ROUNDS;
  const seq = { alpha: ALPHA, familySize: m, maxRounds };
  const finalLevel = lookLevel(seq, true);
  const decided = new Array(m).fill(null);
  const drops = new Array(m).fill(undefined);
  for (let round = 1; ; round++) {
    const final = round >= maxRounds;
    const tests = pA.map((_, k) =>
      nonInferiorityTest(
        Array.from(all, (i) => sumA[k][i] / reps[i]),
        Array.from(all, (i) => sumB[k][i] / reps[i]),
        TOL,
      ),
    );
    tests.forEach((t, k) => {
      if (drops[k] === undefined && t.se > 0) drops[k] = design.drop(t.se, finalLevel, t.df, m);
    });
    // Wald's SPRT for the prompt: H1 = one of its criteria (equally likely) worse by its drop.
    const ratios = tests.map((t, k) =>
      decided[k] === "fail"
        ? 0
        : t.se === 0
          ? t.delta >= -TOL
            ? 0
            : Infinity
          : Math.exp(-logLr(t, drops[k])),
    );
    const promptFutile = design.mixture && ratios.reduce((x, y) => x + y, 0) / m < Math.exp(-FUTILITY_LOG_LR);
    tests.forEach((t, k) => {
      if (decided[k]) return;
      if (rejects(t, lookLevel(seq, final))) decided[k] = "fail";
      else if (t.se === 0 ? t.delta >= -TOL : promptFutile || design.futile(t, drops[k], m))
        decided[k] = "pass";
      else if (final) decided[k] = "pass";
    });
    if (decided.every(Boolean)) break;
    sample(design.half ? all.filter((i) => (parity[i] + round) % 2 === 0) : all);
  }
  return { fail: decided.includes("fail"), passes: calls / (2 * n) };
}

const SCENARIOS = [
  { name: "no-change-n100-1c", n: 100, criteria: 1 },
  { name: "no-change-n100-3c", n: 100, criteria: 3 },
  { name: "no-change-n200-1c", n: 200, criteria: 1 },
  { name: "no-change-n200-3c", n: 200, criteria: 3 },
  { name: "shift-tol-n200", n: 200, criteria: 1, shift: TOL },
  { name: "shift-tol+5-n200", n: 200, criteria: 1, shift: TOL + 0.05 },
  { name: "shift-tol+5-n200-3c", n: 200, criteria: 3, shift: TOL + 0.05 },
  { name: "shift-tol+5-n200-3c-one", n: 200, criteria: 3, shift: TOL + 0.05, shifted: 1 },
];

const t0 = performance.now();
const only = values.only ? new RegExp(values.only) : null;
console.log(
  `${RUNS} simulated PRs per scenario and design, seed ${values.seed}; calls: mean (sd) × one pass`,
);
for (const name of values.design.split(",")) {
  const design = DESIGNS[name];
  if (!design) throw new Error(`unknown design ${name}: one of ${Object.keys(DESIGNS).join(", ")}`);
  console.log(`\n${name}: ${design.what}`);
  for (const s of SCENARIOS) {
    if (only && !only.test(s.name)) continue;
    // One seed per scenario, the same for every design.
    const random = mulberry32(
      Number(values.seed) * 7919 + s.name.length * 104729 + s.n + (s.shift ?? 0) * 1e4,
    );
    let fails = 0;
    let sum = 0;
    let sum2 = 0;
    for (let r = 0; r < RUNS; r++) {
      const x = simulate(design, s, random);
      fails += x.fail ? 1 : 0;
      sum += x.passes;
      sum2 += x.passes ** 2;
    }
    const mean = sum / RUNS;
    const sd = Math.sqrt(Math.max(0, sum2 / RUNS - mean ** 2));
    console.log(
      `  ${s.name.padEnd(24)} fail ${((fails / RUNS) * 100).toFixed(1).padStart(5)}%  calls ${mean.toFixed(2)}× (sd ${sd.toFixed(2)})`,
    );
  }
}
console.log(`\n${((performance.now() - t0) / 1000).toFixed(1)} s`);
