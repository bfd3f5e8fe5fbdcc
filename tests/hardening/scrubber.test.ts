import { describe, expect, test } from "vitest";
import { base64Cores, scrubDeep, scrubSecrets, secretsFromEnv } from "../../src/secrets.js";

const KEY = "sk-proj-Canary0123456789abcdefXYZ";
const b64 = (s: string): string => Buffer.from(s, "utf8").toString("base64");
const b64url = (s: string): string => Buffer.from(s, "utf8").toString("base64url");
const spaced = (s: string, sep: string): string => Array.from(s).join(sep);

/** What an attacker-controlled server might echo, by variant name. */
const VARIANTS: Record<string, string> = {
  exact: KEY,
  "upper-cased": KEY.toUpperCase(),
  "lower-cased": KEY.toLowerCase(),
  "space-separated": spaced(KEY, " "),
  "split over lines and tabs": spaced(KEY, "\n\t"),
  "split by zero-width spaces and soft hyphens": spaced(KEY, "\u200b\u00ad"),
  "base64 (alone)": b64(KEY),
  "base64 of user:KEY (offset 5)": b64(`user:${KEY}`),
  "base64 of Bearer KEY (offset 7)": b64(`Bearer ${KEY}`),
  "base64 at offset 1": b64(`x${KEY}tail`),
  "base64 at offset 2": b64(`xy${KEY}t`),
  "base64url at offset 0": b64url(KEY),
  "base64url at offset 1": b64url(`\xff${KEY}`),
  "base64url at offset 2": b64url(`??${KEY}??`),
  "base64 wrapped at 16 chars": (b64(`Bearer ${KEY}`).match(/.{1,16}/g) ?? []).join("\n"),
  "base64 upper-cased": b64(`user:${KEY}`).toUpperCase(),
  "URL-encoded every byte, lower-case hex": [...Buffer.from(KEY)].map((b) => `%${b.toString(16)}`).join(""),
  "URL-encoded every byte, upper-case hex": [...Buffer.from(KEY)]
    .map((b) => `%${b.toString(16).toUpperCase()}`)
    .join(""),
  hex: Buffer.from(KEY).toString("hex"),
};

describe("scrubSecrets: a key of 8+ characters is masked in every form a server may echo it", () => {
  for (const [name, form] of Object.entries(VARIANTS)) {
    test(name, () => {
      const text = `401 Incorrect API key provided: ${form}. You can find your key at example.com`;
      const out = scrubSecrets(text, [KEY]);
      expect(out).toContain("***");
      expect(out).not.toContain(form);
      expect(out).toContain("401 Incorrect API key provided: ");
      expect(out).toContain("You can find your key at example.com");
      expect(out.replace(/[\s\u00ad\u200b-\u200d\u2060]/g, "").toLowerCase()).not.toContain(
        KEY.toLowerCase(),
      );
      // No long run of the form survives: at most the few boundary characters of a base64 blob.
      const stripped = form.replace(/\s+/g, "");
      for (let i = 0; i + 12 <= stripped.length; i++)
        expect(out.replace(/\s+/g, "")).not.toContain(stripped.slice(i, i + 12));
    });
  }

  test("a URL-encoded key with special characters", () => {
    const key = "abc/def+ghi=jkl&mno";
    expect(scrubSecrets(`?key=${encodeURIComponent(key)}&x=1`, [key])).toBe("?key=***&x=1");
    expect(scrubSecrets(`?key=${encodeURIComponent(key).toLowerCase()}&x=1`, [key])).toBe("?key=***&x=1");
  });

  test("the base64 cores cover the three alignments, whatever bytes surround the key", () => {
    const cores = base64Cores(KEY);
    expect(cores).toHaveLength(3);
    for (let before = 0; before < 7; before++) {
      for (const fill of [0x00, 0x41, 0xff]) {
        const blob = Buffer.concat([Buffer.alloc(before, fill), Buffer.from(KEY), Buffer.alloc(2, fill)]);
        expect(blob.toString("base64")).toContain(cores[before % 3]);
      }
    }
  });

  test("text without the key is left as it is", () => {
    const text = "rate limited (429): slow down\n  please; " + b64("another-token-9876543210");
    expect(scrubSecrets(text, [KEY])).toBe(text);
  });

  test("a short secret is matched exactly only", () => {
    expect(scrubSecrets("a abc1234 b ABC1234 c", ["abc1234"])).toBe("a *** b ABC1234 c");
  });

  test("empty and undefined secrets are ignored", () => {
    expect(scrubSecrets("nothing here", ["", undefined])).toBe("nothing here");
  });

  test("several secrets at once", () => {
    const token = "ghs_tokenCanary0987654321";
    const out = scrubSecrets(`${KEY} and ${b64(`x-access-token:${token}`)}`, [KEY, token]);
    expect(out).not.toContain(KEY);
    expect(out).not.toContain(base64Cores(token)[0]?.slice(0, 12) ?? "?");
  });

  test("matching is linear: a long near-miss text does not backtrack catastrophically", () => {
    // Every character of the key, spaced, but never the whole key: the worst case for `\s*` patterns.
    const nearMiss = `${spaced(KEY.slice(0, -1), "  ")} `.repeat(20_000);
    const text = nearMiss + "tail";
    // Catastrophic backtracking would take minutes here and trip the test's timeout.
    expect(scrubSecrets(text, [KEY])).toBe(text);
  });
});

describe("scrubDeep", () => {
  test("masks every string of a results-like value, including a key split by a newline", () => {
    const value = {
      runs: [{ examples: [{ error: { message: `echo ${spaced(KEY, "\n")}` }, output: "fine", score: 1 }] }],
      [KEY]: true,
    };
    const out = scrubDeep(value, [KEY]);
    const json = JSON.stringify(out);
    expect(json).not.toContain(KEY);
    expect(json).not.toContain(KEY.slice(0, 10));
    expect(out.runs[0]?.examples[0]?.output).toBe("fine");
    expect(out.runs[0]?.examples[0]?.score).toBe(1);
    expect(value.runs[0]?.examples[0]?.error.message).toContain("\n");
  });
});

test("secretsFromEnv takes the keys and tokens a run may hold", () => {
  expect(secretsFromEnv({ OPENAI_API_KEY: ` ${KEY} `, GITHUB_TOKEN: "ghs_x", PATH: "/bin" })).toEqual([
    KEY,
    "ghs_x",
  ]);
});

test("scrubbing results copies only what held a secret: the answers without one are not held twice", () => {
  const key = "sk-live-0123456789abcdef";
  const clean = { id: "a", output: "hello", criteria: { hi: { score: 1 } } };
  const leaked = { id: "b", output: `the key is ${key}`, criteria: { hi: { score: 1 } } };
  const results = { runs: [{ examples: [clean, leaked] }], other: [clean] };
  const scrubbed = scrubDeep(results, [key]);
  expect(scrubbed.runs[0]?.examples[0]).toBe(clean);
  expect(scrubbed.other).toBe(results.other);
  expect(scrubbed.runs[0]?.examples[1]?.output).not.toContain(key);
  expect(scrubbed.runs[0]?.examples[1]?.criteria).toBe(leaked.criteria);
  // The value handed in is left as it was.
  expect(leaked.output).toContain(key);
  expect(scrubDeep(clean, [key])).toBe(clean);
});

describe("issue 20 attack 12: the encodings an echoing endpoint used to get a key through", () => {
  const u = (s: string): string =>
    Array.from(s)
      .map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`)
      .join("");
  const rot13 = (s: string): string =>
    s.replace(/[a-z]/gi, (c) => {
      const base = c <= "Z" ? 65 : 97;
      return String.fromCharCode(((c.charCodeAt(0) - base + 13) % 26) + base);
    });
  const base32 = (s: string): string => {
    const A = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    let bits = "";
    for (const b of Buffer.from(s)) bits += b.toString(2).padStart(8, "0");
    return (bits.match(/.{1,5}/g) ?? []).map((g) => A[parseInt(g.padEnd(5, "0"), 2)]).join("");
  };
  const forms: Record<string, string> = {
    reversed: Array.from(KEY).reverse().join(""),
    "JSON \\u-escaped": u(KEY),
    "JSON \\u-escaped, every other character": Array.from(KEY)
      .map((c, i) => (i % 2 ? u(c) : c))
      .join(""),
    "HTML decimal entities": Array.from(KEY)
      .map((c) => `&#${c.charCodeAt(0)};`)
      .join(""),
    "HTML hex entities": Array.from(KEY)
      .map((c) => `&#x${c.charCodeAt(0).toString(16)};`)
      .join(""),
    rot13: rot13(KEY),
    base32: base32(KEY),
    "base32 of Bearer KEY": base32(`Bearer ${KEY}`),
    "base32, lower-case": base32(`x${KEY}`).toLowerCase(),
  };
  for (const [name, form] of Object.entries(forms))
    test(name, () => {
      const out = scrubSecrets(`echo: ${form} end`, [KEY]);
      expect(out).toContain("***");
      // What may stay: the encoded "Bearer " (11 base32 characters) and a few edge characters.
      expect(out.replace("***", "").length).toBeLessThan(`echo:  end`.length + 16);
    });

  test("a key split across two adjacent fields (two answers): neither half survives", () => {
    const half = Math.floor(KEY.length / 2);
    const answers = [{ output: `headers: ${KEY.slice(0, half)}` }, { output: `${KEY.slice(half)} (cont.)` }];
    const out = scrubDeep(answers, [KEY]);
    expect(out[0]?.output).toBe("headers: ***");
    expect(out[1]?.output).toBe("*** (cont.)");
  });

  test("numbers that share a run of digits with the key stay numbers (JSON output stays JSON)", () => {
    // A test key of 22 characters: its pieces of 8 include 01234567, and masking a digit run made
    // "0.0123456789" into "0.***" and broke the CLI's JSON results.
    const key = "sk-test-cli-0123456789";
    const json = JSON.stringify({ cost_usd: 0.0123456789012, ms: 9876543210.5, n: 123456789 });
    expect(scrubSecrets(json, [key])).toBe(json);
    // A piece with a letter is still masked, wherever it is.
    expect(scrubSecrets(`{"x": "cli-01234", "y": 0.5}`, [key])).toBe(`{"x": "***", "y": 0.5}`);
  });

  test("ordinary text that shares a few characters with the key is left alone", () => {
    const text = "sk-proj-Ca is a prefix; 0123 and abc are common";
    expect(scrubSecrets(text, [KEY])).toBe(text);
  });
});
