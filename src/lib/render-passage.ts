/**
 * Passage text → HTML. The text is verbatim, so this only escapes it and gives lists their items;
 * marking annotated phrases and glossary terms builds on the same function.
 */
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

/** A list block: one item per source line, leading indentation dropped, bullet kept verbatim. */
export function renderListItems(text: string): string {
  return text
    .split(/\r\n|\n|\r/)
    .map((line) => `<li>${escapeHtml(line.replace(/^\s+/, ''))}</li>`)
    .join('\n');
}
