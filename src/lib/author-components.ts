/**
 * The author components of note and glossary bodies, as HTML: `<Term>` links to the glossary
 * entry, `<Cite>` formats an author–year citation with the CSL processor and links to the
 * bibliography, `<PassageRef>` links to a passage by its number. Used by `renderMdxBody` when
 * content loads; the ids were resolved by the integrity check before, so a miss here is a bug.
 */
import { formatCitation } from './citations.ts';
import { passageAnchor } from './constants.ts';
import { bibliographyItems, passageRefTarget, type Edition } from './edition.ts';
import { asSourceId, asTermId } from './ids.ts';
import { escapeAttribute, escapeHtml, type ComponentRenderers } from './mdx-html.ts';
import { glossaryPath, joinBase, sourcesPath } from './urls.ts';
import { isSplit, passageHref } from './reading-layout.ts';
import { CitePropsSchema, PassageRefPropsSchema, TermPropsSchema } from '../schemas/components.ts';

export interface AuthorComponentContext {
  /** The site's base path (`/` or `/courses/pol-101/reader/`). */
  base: string;
  /**
   * The reading a note belongs to and is shown with: `<PassageRef>` without `reading` points into
   * it (or into the one reading that has the id), as an in-page link. Unset for glossary bodies,
   * which link to the reading's page.
   */
  reading?: string | undefined;
  /** The body is shown on a page of its reading other than the reading itself (a study page): links go to the reading's page. */
  onOtherPage?: boolean | undefined;
}

/**
 * A component's link carries no class: nothing styles one apart from other links, print tells the
 * site's own links by their address, and on the reader page, whose HTML is budgeted against its
 * text, a class on each of some two hundred links was a tenth of the markup left.
 */
const link = (href: string, html: string) => `<a href="${escapeAttribute(href)}">${html}</a>`;

export function authorComponents(edition: Edition, { base, reading: currentReading, onOtherPage }: AuthorComponentContext): ComponentRenderers {
  const citationContext = bibliographyItems(edition);
  return {
    Term: (props, children) => {
      const { id } = TermPropsSchema.parse(props);
      const term = edition.termById.get(asTermId(id));
      if (!term) throw new Error(`<Term id="${id}">: no glossary entry with that id.`);
      return link(joinBase(base, glossaryPath(term.id)), children || escapeHtml(term.term));
    },
    Cite: (props) => {
      const { id, locator, mode } = CitePropsSchema.parse(props);
      const source = edition.sourceById.get(asSourceId(id));
      if (!source) throw new Error(`<Cite id="${id}">: no entry with that key in the bibliography.`);
      const text = formatCitation(source.item, { locator, mode, context: citationContext });
      return link(joinBase(base, sourcesPath(source.id)), escapeHtml(text));
    },
    PassageRef: (props, children) => {
      const { id, reading: readingProp } = PassageRefPropsSchema.parse(props);
      const target = passageRefTarget(edition, id, { named: readingProp, own: currentReading });
      if (!target) throw new Error(`<PassageRef id="${id}">: no such passage${readingProp ? ` in reading "${readingProp}"` : ''}.`);
      const { reading, passage } = target;
      // A note is shown on its own reading's page: a passage there is a jump within the page. A
      // reading split into section pages shows a note on one of them, so its links name the page.
      const samePage = reading.id === currentReading && !onOtherPage && !isSplit(reading.layout);
      const href = samePage ? `#${passageAnchor(passage.id)}` : joinBase(base, passageHref(reading.layout, passage.id));
      return link(href, children || `<span class="visually-hidden">passage </span>¶${passage.number}`);
    },
  };
}
