/** Durations as users write them in inputs and flags: `90s`, `45m`, `36h`, `7d` (one unit, whole numbers). */
const UNIT_MS = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;
const DURATION = /^(\d+)\s*([smhd])$/;

/** Milliseconds for a duration string, or undefined when it is not one. */
export function parseDuration(text: string): number | undefined {
  const match = DURATION.exec(text.trim());
  if (!match) return undefined;
  return Number(match[1]) * UNIT_MS[match[2] as keyof typeof UNIT_MS];
}

/** `1h 02m`, `4.2 s`, `350 ms`: for logs and summaries. */
export function formatDuration(ms: number): string {
  if (ms < 1_000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1_000).toFixed(1)} s`;
  const totalMinutes = Math.floor(ms / 60_000);
  if (totalMinutes < 60)
    return `${totalMinutes}m ${String(Math.floor((ms % 60_000) / 1_000)).padStart(2, '0')}s`;
  const days = Math.floor(totalMinutes / 1_440);
  const hours = Math.floor((totalMinutes % 1_440) / 60);
  const minutes = totalMinutes % 60;
  return days > 0 ? `${days}d ${hours}h` : `${hours}h ${String(minutes).padStart(2, '0')}m`;
}
