// A key's last 24 hours at a glance: a small SVG polyline, no chart library, so a list of keys
// loads no charting code for it. Its accessible name carries the figures the line shows.
import { formatCount } from "@/lib/format-count";

const WIDTH = 96;
const HEIGHT = 24;

export function sparklineLabel(total: number, refused: number): string {
  const base = `Requests in the last 24 hours: ${formatCount(total)}`;
  return refused > 0 ? `${base}, ${formatCount(refused)} refused` : base;
}

/** `points`: requests per hour, oldest first; `refused`: how many of them were refused. */
export function Sparkline({ points, refused }: { points: number[]; refused: number }) {
  const total = points.reduce((sum, n) => sum + n, 0);
  const label = sparklineLabel(total, refused);
  const max = Math.max(1, ...points);
  const step = points.length > 1 ? WIDTH / (points.length - 1) : WIDTH;
  const line = points.map((n, i) => `${(i * step).toFixed(1)},${(HEIGHT - 2 - (n / max) * (HEIGHT - 4)).toFixed(1)}`).join(" ");
  return (
    <svg role="img" aria-label={label} width={WIDTH} height={HEIGHT} viewBox={`0 0 ${WIDTH} ${HEIGHT}`} className="overflow-visible">
      <title>{label}</title>
      <polyline
        points={line}
        fill="none"
        strokeWidth={1.5}
        strokeLinejoin="round"
        className={total === 0 ? "stroke-zinc-300" : refused > 0 ? "stroke-amber-600" : "stroke-emerald-600"}
      />
    </svg>
  );
}
