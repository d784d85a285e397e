/**
 * Pieces both of the edition's CSL styles use, so each rule is written once: how a title is set
 * (italic for a work on its own, quoted for a part of one), how names sort, how a link is given.
 */

/** Types printed in italics: works that stand alone (the rest, parts of something, go in quotes). */
export const STANDALONE_TYPES = 'book report motion_picture software dataset periodical graphic map musical_score standard';

/** A title macro: italic for standalone types, quoted otherwise; `short` uses `title-short`. */
export function titleMacro(name: string, { short = false, italicTypes = STANDALONE_TYPES } = {}): string {
  const form = short ? ' form="short"' : '';
  return `<macro name="${name}">
    <choose>
      <if type="${italicTypes}" match="any">
        <text variable="title"${form} font-style="italic"/>
      </if>
      <else>
        <text variable="title"${form} quotes="true"/>
      </else>
    </choose>
  </macro>`;
}

/** Names inverted for a reference list ("Kostakis, Vasilis, and Michel Bauwens"). */
export function invertedNames(variable: string, { etAl = '', label = '' } = {}): string {
  return `<names variable="${variable}">
      <name and="text" name-as-sort-order="first" sort-separator=", " delimiter=", " delimiter-precedes-last="always"${etAl}/>${label ? `\n      <label form="${label}" prefix=", "/>` : ''}
    </names>`;
}

/** The reference-list author, falling back to editors, translators, then the title. */
export function authorMacro(name: string, { etAl, editorLabel }: { etAl: string; editorLabel: 'short' | 'long' }): string {
  return `<macro name="${name}">
    <names variable="author">
      <name and="text" name-as-sort-order="first" sort-separator=", " delimiter=", " delimiter-precedes-last="always"${etAl}/>
      <substitute>
        ${invertedNames('editor', { etAl, label: editorLabel })}
        ${invertedNames('translator', { etAl, label: editorLabel })}
        <text macro="title"/>
      </substitute>
    </names>
  </macro>`;
}

/** The in-text author, falling back to editors, translators, then the short title. */
export function citeAuthorMacro(name: string, { etAl, extra = '', titleMacroName }: { etAl: string; extra?: string; titleMacroName: string }): string {
  return `<macro name="${name}">
    <names variable="author">
      <name form="short" and="text" delimiter=", "${extra}${etAl}/>
      <substitute>
        <names variable="editor"/>
        <names variable="translator"/>
        <text macro="${titleMacroName}"/>
      </substitute>
    </names>
  </macro>`;
}

/** "edited by David Bollier and Silke Helfrich" for the given name variables. */
export function verbNames(variables: string, { capitalize = false } = {}): string {
  const textCase = capitalize ? ' text-case="capitalize-first"' : '';
  return `<names variable="${variables}"${variables.includes(' ') ? ' delimiter=", "' : ''}>
            <label form="verb"${textCase} suffix=" "/>
            <name and="text" delimiter=", "/>
          </names>`;
}

/** Sort key: authors (else editors, translators, title), family name first. */
export const AUTHOR_SORT_MACRO = `<macro name="author-sort">
    <names variable="author">
      <name name-as-sort-order="all" and="text" sort-separator=", " delimiter=", "/>
      <substitute>
        <names variable="editor"/>
        <names variable="translator"/>
        <text variable="title"/>
      </substitute>
    </names>
  </macro>`;

/** The DOI as a resolver URL, else the URL. */
export const LINK_MACRO = `<macro name="link">
    <choose>
      <if variable="DOI">
        <text variable="DOI" prefix="https://doi.org/"/>
      </if>
      <else>
        <text variable="URL"/>
      </else>
    </choose>
  </macro>`;

/** "2nd ed." for a numeric edition, the edition as written otherwise. */
export const EDITION_MACRO = `<macro name="edition">
    <choose>
      <if is-numeric="edition">
        <group delimiter=" ">
          <number variable="edition" form="ordinal"/>
          <text term="edition" form="short"/>
        </group>
      </if>
      <else>
        <text variable="edition" text-case="capitalize-first"/>
      </else>
    </choose>
  </macro>`;

/** The style document around its body (locale, macros, citation, bibliography). */
export function cslStyle({ id, title, format, attributes }: { id: string; title: string; format: string; attributes: string }, body: string): string {
  return `<?xml version="1.0" encoding="utf-8"?>
<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0" ${attributes} default-locale="en-US">
  <info>
    <title>${title}</title>
    <id>annotated-reader/${id}</id>
    <category citation-format="${format}"/>
    <updated>2025-01-01T00:00:00+00:00</updated>
  </info>
  ${body.trim()}
</style>
`;
}
