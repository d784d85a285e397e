/** citation-js ships no types; this declares the parts the project uses (CSL plugin registry, Cite). */
declare module '@citation-js/core' {
  export class Cite {
    constructor(data: unknown);
    format(format: string, options?: Record<string, unknown>): string;
  }
  export const plugins: { config: { get(name: string): unknown } };
}
