// Counts as people read them: "10,000". Number#toLocaleString builds a new Intl.NumberFormat on
// every call, which costs milliseconds on a phone, and a list formats several numbers per row
// (README "Lighthouse"): one formatter, made on first use, and none for the numbers that need no
// separator.
let format: Intl.NumberFormat | undefined;

export function formatCount(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1000) return String(n);
  format ??= new Intl.NumberFormat("en");
  return format.format(n);
}
