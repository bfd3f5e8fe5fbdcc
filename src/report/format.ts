/** Small, locale-independent number formats shared by every renderer. */

export function pct(x: number, digits = 1): string {
  return `${(x * 100).toFixed(digits)}%`;
}

export function pctRange([lo, hi]: readonly [number, number]): string {
  return `${(lo * 100).toFixed(0)}–${(hi * 100).toFixed(0)}%`;
}

export function score(x: number): string {
  return x.toFixed(2);
}

export function int(n: number): string {
  return String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/** "1 example", "2 examples", "1,200 examples". */
export function count(n: number, noun: string): string {
  return `${int(n)} ${noun}${Math.round(n) === 1 ? "" : "s"}`;
}

export function ms(n: number): string {
  return n >= 10_000 ? `${(n / 1000).toFixed(1)} s` : `${int(n)} ms`;
}
