import { RE2JS } from "re2js";

/*
 * The regex compiler sits beside the loader, which validates patterns before any
 * model call, and below the scorer that runs them: RE2 semantics (linear-time
 * matching) in both places, and no import cycle between config and engine.
 */

const FLAG_BITS: Record<string, number> = {
  i: RE2JS.CASE_INSENSITIVE,
  m: RE2JS.MULTILINE,
  s: RE2JS.DOTALL,
  u: 0, // RE2 is Unicode-aware already
};

const compiled = new Map<string, RE2JS>();

/** Compiles a pattern with RE2 semantics; throws with RE2's message when the syntax is unsupported. */
export function compilePattern(pattern: string, flags = ""): RE2JS {
  const key = `${flags}/${pattern}`;
  let re = compiled.get(key);
  if (!re) {
    let bits = 0;
    for (const f of flags) bits |= FLAG_BITS[f] ?? 0;
    re = RE2JS.compile(pattern, bits);
    compiled.set(key, re);
  }
  return re;
}
