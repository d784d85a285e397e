/**
 * "Cite this passage": the passage's reference and in-text citation in each style, its permalink,
 * and for a selected phrase a text-fragment link. No citation library runs here: the build formats
 * one reference per style with the CSL processor, with placeholders where the passage number and id
 * go (see src/lib/reading-citation.ts), into a file beside the reading; this fetches it once and
 * fills them in.
 */
import { CITE, passageAnchor } from '../../lib/constants.ts';
import type { PassageCitations } from '../../lib/reading-citation.ts';
import { passageCitationsPath, withBase } from '../../lib/urls.ts';
import { phraseLink, snapToWords } from '../../lib/text-fragment.ts';
import { button, h, labelled, modal, openModal } from './dom.ts';
import { textElementOf, textOf } from './passage-text.ts';
import { describeLines, lineCount, lineOfAnchor, linesSpanned, verseLineAnchor, withLineLocator } from '../../lib/verse.ts';
import { announce, copyToClipboard, readerContext } from './reader-context.ts';
import type { Target } from './reader-tools.ts';
import { passageSpan, type CopiedWords } from './copy.ts';

const DIALOG_ID = 'cite-passage';

let citations: Promise<PassageCitations> | undefined;
/** The per-passage citations, fetched on first use; none (the dialog still offers the links) when that fails. */
export function passageCitations(readingId: string): Promise<PassageCitations> {
  const none: PassageCitations = { styles: [], downloads: [] };
  citations ??= fetch(withBase(passageCitationsPath(readingId)))
    .then((response) => (response.ok ? (response.json() as Promise<PassageCitations>) : none))
    .catch(() => none);
  return citations;
}

/** A formatted reference (HTML the build wrote), parsed inert (nothing in it runs), in a <div>. */
function parsed(html: string): HTMLDivElement {
  const template = document.createElement('template');
  template.innerHTML = html;
  return h('div', {}, template.content);
}

/** Replaces the placeholders in every text node and attribute of `root`. */
function fill(root: Element, values: Record<string, string>) {
  const swap = (text: string) => Object.entries(values).reduce((out, [token, value]) => out.split(token).join(value), text);
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
  for (let node: Node | null = root; node; node = walker.nextNode()) {
    if (node instanceof Text) node.data = swap(node.data);
    else if (node instanceof Element) for (const attr of node.attributes) attr.value = swap(attr.value);
  }
}

/** The link for a target: the passage permalink, or for a phrase the permalink with a text fragment. */
export function linkFor(target: Target): string {
  const { readingUrl, passageElement } = readerContext();
  const anchor = passageAnchor(target.passage);
  const element = passageElement(target.passage);
  const text = element && textElementOf(element);
  if (target.start === undefined || target.end === undefined || !text) return `${readingUrl}#${anchor}`;
  const passageText = textOf(text);
  const { start, end } = snapToWords(passageText, target.start, target.end);
  const exact = passageText.slice(start, end);
  // A browser follows a text fragment to the first match on the page, so the words need context
  // only when they occur before this place (a note's body later on the page cannot mislead it).
  const collapse = (s: string) => s.replace(/\s+/g, ' ');
  const body = document.querySelector('.reading-body');
  const before = document.createRange();
  if (body) {
    before.setStart(body, 0);
    before.setEndBefore(text);
  }
  const upToHere = collapse(`${body ? before.toString() : ''}${passageText.slice(0, start + exact.length - 1)}`);
  const firstOnPage = !upToHere.includes(collapse(exact).trim());
  return phraseLink(readingUrl, anchor, { exact, prefix: passageText.slice(0, start), suffix: passageText.slice(end) }, { unique: firstOnPage });
}

/**
 * The verse lines a target covers (the selected words' lines, or the whole passage's), numbered
 * through the reading as the page numbers them; undefined for prose.
 */
export function versesOf(target: Target): { first: number; last: number } | undefined {
  const element = readerContext().passageElement(target.passage);
  const text = element && textElementOf(element);
  const firstLine = lineOfAnchor(text?.querySelector('.verse-line')?.id);
  if (!text || firstLine === undefined) return undefined;
  const passageText = textOf(text);
  if (target.start === undefined || target.end === undefined) return { first: firstLine, last: firstLine + lineCount(passageText) - 1 };
  return linesSpanned(passageText, target.start, target.end, firstLine);
}

export async function copyLink(target: Target) {
  const link = linkFor(target);
  if (await copyToClipboard(link)) announce(target.start === undefined ? 'Link to the passage copied.' : 'Link to the words copied.');
  else await openCite(target);
}

function copyRow(visible: string, label: string, text: string, html?: string) {
  const copy = button(labelled(visible, ` ${label}`));
  copy.addEventListener('click', async () => announce((await copyToClipboard(text, html)) ? 'Copied.' : 'Copying was refused; select the text and copy it.'));
  return copy;
}

function linkField(id: string, label: string, value: string) {
  const input = h('input', { id, type: 'text', readonly: true, value, class: 'cite-link' });
  input.addEventListener('focus', () => input.select());
  return h('div', { class: 'cite-link-row' }, h('label', { for: id }, label), h('div', { class: 'cite-link-line tool-actions' }, input, copyRow('Copy', label.toLowerCase(), value)));
}

export async function openCite(target: Target, opener?: Element) {
  const context = readerContext();
  const { styles: templates, downloads: files } = await passageCitations(context.readingId);
  const { dialog, heading, body } = modal(DIALOG_ID, 'cite-dialog', 'Cite');
  const number = String(context.passages.find((p) => p.id === target.passage)?.number ?? '');
  // Verse is cited by its lines, as the margin numbers them: "Cite lines 3–7 (passage 2)".
  const lines = versesOf(target);
  heading.textContent = lines
    ? `Cite ${describeLines(lines)} (passage ${number})`
    : target.start === undefined ? `Cite passage ${number}` : `Cite these words (passage ${number})`;
  const values = { [CITE.numberToken]: number, [CITE.idToken]: target.passage, [CITE.pageToken]: context.readingUrl };
  const styles = templates.map((template) => {
    const reference = parsed(template.reference);
    const inText = document.createElement('span');
    inText.textContent = lines ? withLineLocator(template.inText, CITE.numberToken, lines) : template.inText;
    fill(reference, values);
    fill(inText, values);
    const name = template.label;
    const copyReference = copyRow('Copy reference', `(${name})`, reference.textContent ?? '', reference.innerHTML);
    const copyInText = copyRow('Copy in-text', `citation (${name})`, inText.textContent ?? '');
    return h(
      'section',
      { class: 'cite-style', 'data-cite-style': template.style },
      h('h3', {}, name),
      h('div', { class: 'cite-reference' }, ...reference.childNodes),
      h('p', { class: 'cite-in-text' }, h('span', { class: 'cite-in-text-label' }, 'In the text: '), ...inText.childNodes),
      h('div', { class: 'tool-actions' }, copyReference, copyInText),
    );
  });
  const links = [linkField(`${DIALOG_ID}-permalink`, 'Permalink', `${context.readingUrl}#${passageAnchor(target.passage)}`)];
  if (lines) {
    links.push(linkField(`${DIALOG_ID}-line`, `Link to line ${lines.first}`, `${context.readingUrl}#${verseLineAnchor(target.passage, lines.first)}`));
  }
  if (target.start !== undefined) links.push(linkField(`${DIALOG_ID}-phrase`, 'Link to these words', linkFor(target)));
  const downloads = files.length
    ? [
        h(
          'div',
          { class: 'cite-downloads' },
          h('h3', {}, 'Reference files for the whole reading'),
          h('ul', {}, ...files.map((file) => h('li', {}, h('a', { href: file.href, download: file.file }, file.label)))),
        ),
      ]
    : [];
  body.replaceChildren(...styles, ...links, ...downloads);
  openModal(dialog, opener);
}

/**
 * The line added after copied words when the reader asked for it: the edition's first style's
 * in-text citation with the passages, and the link (for words within one passage, to those words).
 */
export function copyCitationLine(copied: CopiedWords, citations: PassageCitations): string {
  const context = readerContext();
  const first = copied.passages[0]!;
  const link = copied.passages.length === 1 ? linkFor({ passage: first.id, start: first.start, end: first.end }) : `${context.readingUrl}#${passageAnchor(first.id)}`;
  const inText = citations.styles[0]?.inText;
  const cited = inText ? inText.split(CITE.numberToken).join(passageSpan(copied)).split(CITE.idToken).join(first.id) : `${context.title}, ¶${passageSpan(copied)}`;
  return `${cited} ${link}`;
}

/** copyCitationLine with the citation styles fetched first, for the copy handler to call at once later. */
export async function preparedCopyCitation(): Promise<(copied: CopiedWords) => string> {
  const citations = await passageCitations(readerContext().readingId);
  return (copied) => copyCitationLine(copied, citations);
}
