import { describe, expect, test } from "vitest";
import { normalQuantile, studentTCdf, studentTQuantile } from "../../src/compare/distributions.js";
import { t975 } from "../../src/compare/stats.js";

describe("distribution functions the sequential gate's levels rest on", () => {
  test("the normal quantile agrees with reference values", () => {
    expect(normalQuantile(0.5)).toBeCloseTo(0, 12);
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 8);
    expect(normalQuantile(0.8)).toBeCloseTo(0.8416212335729143, 8);
    // A level the gate really uses (α/m spread over looks): scipy.stats.norm.ppf(1e-5).
    expect(normalQuantile(1e-5)).toBeCloseTo(-4.264890793922825, 6);
    // The t distribution tends to the normal: a cross-check in the far tail.
    expect(studentTCdf(normalQuantile(1e-4), 1e7)).toBeCloseTo(1e-4, 7);
  });

  test("the Student-t CDF matches closed forms, and its quantile the 0.975 table", () => {
    // df = 1 is the Cauchy distribution; df = 2 has F(t) = 1/2 + t / (2√(2 + t²)).
    expect(studentTCdf(1, 1)).toBeCloseTo(0.75, 10);
    expect(studentTCdf(1, 2)).toBeCloseTo(0.5 + 1 / (2 * Math.sqrt(3)), 10);
    expect(studentTCdf(-1, 2)).toBeCloseTo(0.5 - 1 / (2 * Math.sqrt(3)), 10);
    for (const df of [3, 10, 30, 99]) expect(studentTQuantile(0.975, df)).toBeCloseTo(t975(df), 7);
    // scipy.stats.t.ppf(0.995, 10)
    expect(studentTQuantile(0.995, 10)).toBeCloseTo(3.169272672616949, 7);
    expect(studentTCdf(Infinity, 5)).toBe(1);
    expect(studentTCdf(-Infinity, 5)).toBe(0);
  });
});
