/**
 * The reader's first paint against its physical limit (issue 14): Lighthouse runs on the seed
 * reading page and on the same text as one bare HTML file (plain-limit.ts), taken in turns in one
 * session so the host's load weighs on both alike, and summed up here. Pure functions over the
 * figures of each run.
 */

/** What one Lighthouse run of one page gave. */
export interface PaintRun {
  lcpMs: number;
  fcpMs: number;
  tbtMs: number;
  /** Requests over the network (data: URLs are in the page already and are not counted). */
  requests: string[];
  /** Bytes transferred (compressed, headers included), as Lighthouse's total byte weight. */
  bytes: number;
}

export const FIRST_PAINT_TARGETS = { lcpMs: 800, tbtMs: 50, requests: 4, bytesBeyondText: 15_000 };

export interface PaintSummary {
  runs: PaintRun[];
  /** Median of the runs' LCP. */
  lcpMs: number;
  fcpMs: number;
  /** The highest TBT of any run: the target holds in every run. */
  maxTbtMs: number;
  /** The most requests of any run (the first run also fetches what a browser caches for later: the icon). */
  maxRequests: number;
  /** Median bytes on load. */
  bytes: number;
}

export function median(values: number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export function summarise(runs: PaintRun[]): PaintSummary {
  return {
    runs,
    lcpMs: median(runs.map((r) => r.lcpMs)),
    fcpMs: median(runs.map((r) => r.fcpMs)),
    maxTbtMs: Math.max(...runs.map((r) => r.tbtMs)),
    maxRequests: Math.max(...runs.map((r) => r.requests.length)),
    bytes: median(runs.map((r) => r.bytes)),
  };
}

/** The targets the reader misses, in words; `textGzip` is the gzip size of its visible text. */
export function firstPaintMisses(reader: PaintSummary, textGzip: number, targets = FIRST_PAINT_TARGETS): string[] {
  const misses: string[] = [];
  if (!(reader.lcpMs <= targets.lcpMs)) misses.push(`LCP ${Math.round(reader.lcpMs)} ms > ${targets.lcpMs} ms (median)`);
  const slow = reader.runs.filter((r) => !(r.tbtMs <= targets.tbtMs));
  if (slow.length) misses.push(`TBT over ${targets.tbtMs} ms in ${slow.length} of ${reader.runs.length} runs (${slow.map((r) => Math.round(r.tbtMs)).join(', ')} ms)`);
  if (reader.maxRequests > targets.requests) misses.push(`${reader.maxRequests} requests > ${targets.requests}`);
  const beyond = reader.bytes - textGzip;
  if (!(beyond <= targets.bytesBeyondText)) misses.push(`${(beyond / 1000).toFixed(1)} KB beyond the text > ${targets.bytesBeyondText / 1000} KB`);
  return misses;
}
