import { AUTHOR_SORT_MACRO, EDITION_MACRO, LINK_MACRO, verbNames, authorMacro, citeAuthorMacro, cslStyle, titleMacro } from './common.ts';

/**
 * The edition's own CSL 1.0.2 style for The Chicago Manual of Style, 17th edition, author-date
 * system (chapter 15), written for the item types this edition cites: book, chapter,
 * article-journal, -magazine and -newspaper, post-weblog, post, webpage, entry-encyclopedia and
 * -dictionary, thesis, report, interview, personal_communication, manuscript, document, review.
 *
 * Successive works by one author repeat the name instead of Chicago's 3-em dash: on the web a
 * reader often lands on one entry through its link (#source-<id>) and must see whose work it is.
 *
 * Reference list: "Kostakis, Vasilis, and Michel Bauwens. 2014. *Network Society …*. Palgrave
 * Pivot. Palgrave Macmillan. https://doi.org/…". In text: "(Kostakis and Bauwens 2014, 12)".
 */
export const CHICAGO_AUTHOR_DATE = cslStyle(
  {
    id: 'chicago-author-date',
    title: 'Chicago Manual of Style 17th edition (author-date), Annotated Reader',
    format: 'author-date',
    attributes: 'demote-non-dropping-particle="display-and-sort" page-range-format="chicago"',
  },
  `
  <locale xml:lang="en">
    <terms>
      <term name="editor" form="verb">edited by</term>
      <term name="translator" form="verb">translated by</term>
      <term name="interviewer" form="verb">interview by</term>
      <term name="recipient" form="verb">to</term>
      <term name="accessed">accessed</term>
      <term name="no date" form="short">n.d.</term>
    </terms>
  </locale>
  ${authorMacro('author-bib', { etAl: ' et-al-min="11" et-al-use-first="7"', editorLabel: 'short' })}
  ${citeAuthorMacro('author-cite', { etAl: ' et-al-min="4" et-al-use-first="1"', extra: ' delimiter-precedes-last="never"', titleMacroName: 'title-cite' })}
  ${AUTHOR_SORT_MACRO}
  <macro name="year">
    <choose>
      <if variable="issued">
        <date variable="issued">
          <date-part name="year"/>
        </date>
      </if>
      <else>
        <text term="no date" form="short"/>
      </else>
    </choose>
  </macro>
  <macro name="month-day">
    <date variable="issued">
      <date-part name="month"/>
      <date-part name="day" prefix=" "/>
    </date>
  </macro>
  <macro name="full-date">
    <date variable="issued" form="text" date-parts="year-month-day"/>
  </macro>
  ${titleMacro('title')}
  ${titleMacro('title-cite', { short: true })}
  <macro name="contributors-after-title">
    <group delimiter=". ">
      <choose>
        <if type="chapter entry-encyclopedia entry-dictionary paper-conference" match="none">
          ${verbNames('editor', { capitalize: true })}
        </if>
      </choose>
      ${verbNames('translator', { capitalize: true })}
    </group>
  </macro>
  <macro name="description">
    <choose>
      <if type="thesis">
        <group delimiter=", ">
          <text variable="genre"/>
          <text variable="publisher"/>
        </group>
      </if>
      <else-if type="interview">
        ${verbNames('interviewer', { capitalize: true })}
      </else-if>
      <else-if type="personal_communication">
        <group delimiter=", ">
          <group delimiter=" ">
            <text variable="genre" text-case="capitalize-first"/>
            ${verbNames('recipient')}
          </group>
          <text macro="full-date"/>
        </group>
      </else-if>
      <else-if type="report">
        <group delimiter=" ">
          <text variable="genre"/>
          <text variable="number"/>
        </group>
      </else-if>
      <else-if type="manuscript document" match="any">
        <text variable="genre" text-case="capitalize-first"/>
      </else-if>
      <else-if type="review review-book" match="any">
        <text variable="genre" text-case="capitalize-first"/>
      </else-if>
    </choose>
  </macro>
  <macro name="container">
    <choose>
      <if type="chapter paper-conference" match="any">
        <group delimiter=", ">
          <group delimiter=" ">
            <text term="in" text-case="capitalize-first"/>
            <text variable="container-title" font-style="italic"/>
          </group>
          ${verbNames('editor translator')}
          <text variable="page"/>
        </group>
      </if>
      <else-if type="entry-encyclopedia entry-dictionary" match="any">
        <group delimiter=" ">
          <text term="in" text-case="capitalize-first"/>
          <text variable="container-title" font-style="italic"/>
        </group>
      </else-if>
      <else-if type="article-journal">
        <group delimiter=": ">
          <choose>
            <if variable="volume">
              <group delimiter=" ">
                <text variable="container-title" font-style="italic"/>
                <text variable="volume"/>
                <text variable="issue" prefix="(" suffix=")"/>
              </group>
            </if>
            <else>
              <group delimiter=", ">
                <text variable="container-title" font-style="italic"/>
                <group delimiter=" ">
                  <text term="issue" form="short"/>
                  <text variable="issue"/>
                </group>
              </group>
            </else>
          </choose>
          <text variable="page"/>
        </group>
      </else-if>
      <else-if type="article-magazine article-newspaper" match="any">
        <group delimiter=", ">
          <text variable="container-title" font-style="italic"/>
          <text macro="month-day"/>
          <text variable="page"/>
        </group>
      </else-if>
      <else-if type="post-weblog">
        <group delimiter=", ">
          <group delimiter=" ">
            <text variable="container-title" font-style="italic"/>
            <text value="(blog)"/>
          </group>
          <text macro="month-day"/>
        </group>
      </else-if>
      <else-if type="interview">
        <group delimiter=", ">
          <text variable="container-title" font-style="italic"/>
          <text macro="month-day"/>
        </group>
      </else-if>
      <else-if type="review review-book" match="any">
        <group delimiter=", ">
          <text variable="container-title" font-style="italic"/>
          <text macro="month-day"/>
        </group>
      </else-if>
      <else-if type="webpage post" match="any">
        <group delimiter=", ">
          <text variable="container-title"/>
          <text macro="month-day"/>
        </group>
      </else-if>
      <else-if type="book report thesis personal_communication" match="none">
        <choose>
          <if variable="container-title">
            <group delimiter=", ">
              <text variable="container-title" font-style="italic"/>
              <text macro="month-day"/>
            </group>
          </if>
        </choose>
      </else-if>
    </choose>
  </macro>
  ${EDITION_MACRO}
  <macro name="publisher">
    <choose>
      <if type="book chapter report paper-conference manuscript document" match="any">
        <group delimiter=": ">
          <text variable="publisher-place"/>
          <text variable="publisher"/>
        </group>
      </if>
    </choose>
  </macro>
  <macro name="accessed-date">
    <group delimiter=" ">
      <text term="accessed" text-case="capitalize-first"/>
      <date variable="accessed" form="text"/>
    </group>
  </macro>
  ${LINK_MACRO}
  <macro name="locator">
    <choose>
      <if locator="page">
        <text variable="locator"/>
      </if>
      <else>
        <group delimiter=" ">
          <label variable="locator" form="short"/>
          <text variable="locator"/>
        </group>
      </else>
    </choose>
  </macro>
  <citation et-al-min="4" et-al-use-first="1" disambiguate-add-year-suffix="true" disambiguate-add-names="true" disambiguate-add-givenname="true" givenname-disambiguation-rule="primary-name" collapse="year">
    <sort>
      <key macro="author-sort"/>
      <key macro="year"/>
    </sort>
    <layout prefix="(" suffix=")" delimiter="; ">
      <group delimiter=", ">
        <group delimiter=" ">
          <text macro="author-cite"/>
          <text macro="year"/>
        </group>
        <text macro="locator"/>
      </group>
    </layout>
  </citation>
  <bibliography hanging-indent="true" et-al-min="11" et-al-use-first="7" entry-spacing="0">
    <sort>
      <key macro="author-sort"/>
      <key macro="year"/>
      <key variable="title"/>
    </sort>
    <layout suffix=".">
      <group delimiter=". ">
        <text macro="author-bib"/>
        <text macro="year"/>
        <text macro="title"/>
        <text macro="contributors-after-title"/>
        <text macro="description"/>
        <text macro="container"/>
        <text macro="edition"/>
        <text variable="collection-title"/>
        <text macro="publisher"/>
        <text macro="accessed-date"/>
        <text macro="link"/>
      </group>
    </layout>
  </bibliography>
`,
);
