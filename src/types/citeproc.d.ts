/** citeproc-js (the CSL processor citation-js runs) ships no types; src/lib/citations.ts types what it uses. */
declare module 'citeproc' {
  const CSL: { Engine: new (sys: object, style: string, lang: string, forceLang: boolean) => any };
  export default CSL;
}
