import { AUTHOR_SORT_MACRO, EDITION_MACRO, LINK_MACRO, verbNames, STANDALONE_TYPES, authorMacro, citeAuthorMacro, cslStyle, titleMacro } from './common.ts';

/** MLA italicises a thesis as a work on its own. */
const MLA_STANDALONE = `${STANDALONE_TYPES} thesis`;

/**
 * The edition's own CSL 1.0.2 style for the MLA Handbook, 9th edition: core elements in MLA order
 * (author. title. container, contributors, version, number, publisher, date, location.) for the
 * item types this edition cites. Used by "cite this passage" and offered on /sources/.
 *
 * Works cited: "Kostakis, Vasilis, and Michel Bauwens. *Network Society …*. Palgrave Macmillan,
 * 2014, https://doi.org/…. Palgrave Pivot." In text: "(Kostakis and Bauwens 12)".
 */
export const MLA = cslStyle(
  {
    id: 'mla',
    title: 'MLA Handbook 9th edition, Annotated Reader',
    format: 'author',
    attributes: 'demote-non-dropping-particle="never" page-range-format="minimal-two"',
  },
  `
  <locale xml:lang="en">
    <terms>
      <term name="month-06" form="short">June</term>
      <term name="month-07" form="short">July</term>
      <term name="month-09" form="short">Sept.</term>
      <term name="editor" form="verb">edited by</term>
      <term name="translator" form="verb">translated by</term>
      <term name="interviewer" form="verb">interview by</term>
      <term name="recipient" form="verb">received by</term>
      <term name="accessed">accessed</term>
      <term name="volume" form="short">vol.</term>
      <term name="issue" form="short">no.</term>
      <term name="paragraph" form="short">
        <single>par.</single>
        <multiple>pars.</multiple>
      </term>
      <term name="page" form="short">
        <single>p.</single>
        <multiple>pp.</multiple>
      </term>
    </terms>
  </locale>
  ${authorMacro('author', { etAl: ' et-al-min="3" et-al-use-first="1"', editorLabel: 'long' })}
  ${citeAuthorMacro('author-cite', { etAl: ' et-al-min="3" et-al-use-first="1"', titleMacroName: 'title-short' })}
  ${AUTHOR_SORT_MACRO}
  ${titleMacro('title', { italicTypes: MLA_STANDALONE })}
  ${titleMacro('title-short', { short: true, italicTypes: MLA_STANDALONE })}
  <macro name="description">
    <choose>
      <if type="interview">
        ${verbNames('interviewer', { capitalize: true })}
      </if>
      <else-if type="personal_communication">
        <choose>
          <if variable="recipient" match="none">
            <text variable="genre" text-case="capitalize-first"/>
          </if>
        </choose>
      </else-if>
      <else-if type="manuscript document review review-book" match="any">
        <text variable="genre" text-case="capitalize-first"/>
      </else-if>
    </choose>
  </macro>
  <macro name="other-contributors">
    <choose>
      <if type="personal_communication">
        ${verbNames('recipient', { capitalize: true })}
      </if>
      <else-if variable="container-title">
        ${verbNames('editor translator')}
      </else-if>
      <else-if variable="author">
        ${verbNames('editor translator', { capitalize: true })}
      </else-if>
    </choose>
  </macro>
  ${EDITION_MACRO}
  <macro name="number">
    <group delimiter=", ">
      <group delimiter=" ">
        <text term="volume" form="short"/>
        <text variable="volume"/>
      </group>
      <group delimiter=" ">
        <text term="issue" form="short"/>
        <text variable="issue"/>
      </group>
      <choose>
        <if type="report">
          <text variable="number"/>
        </if>
      </choose>
    </group>
  </macro>
  <macro name="publisher">
    <choose>
      <if type="article-journal article-magazine article-newspaper post-weblog review review-book" match="none">
        <text variable="publisher"/>
      </if>
    </choose>
  </macro>
  <macro name="date">
    <choose>
      <if variable="issued">
        <date variable="issued">
          <date-part name="day" suffix=" "/>
          <date-part name="month" form="short" suffix=" "/>
          <date-part name="year"/>
        </date>
      </if>
    </choose>
  </macro>
  <macro name="location">
    <choose>
      <if variable="page">
        <group delimiter=" ">
          <label variable="page" form="short"/>
          <text variable="page"/>
        </group>
      </if>
    </choose>
  </macro>
  ${LINK_MACRO}
  <macro name="accessed">
    <group delimiter=" ">
      <text term="accessed" text-case="capitalize-first"/>
      <date variable="accessed">
        <date-part name="day" suffix=" "/>
        <date-part name="month" form="short" suffix=" "/>
        <date-part name="year"/>
      </date>
    </group>
  </macro>
  <macro name="locator-page">
    <choose>
      <if locator="page">
        <text variable="locator"/>
      </if>
    </choose>
  </macro>
  <macro name="locator-other">
    <choose>
      <if locator="page" match="none">
        <group delimiter=" ">
          <label variable="locator" form="short"/>
          <text variable="locator"/>
        </group>
      </if>
    </choose>
  </macro>
  <citation et-al-min="3" et-al-use-first="1" disambiguate-add-givenname="true" givenname-disambiguation-rule="primary-name">
    <layout prefix="(" suffix=")" delimiter="; ">
      <group delimiter=" ">
        <group delimiter=", ">
          <text macro="author-cite"/>
          <choose>
            <if disambiguate="true">
              <text macro="title-short"/>
            </if>
          </choose>
          <text macro="locator-other"/>
        </group>
        <text macro="locator-page"/>
      </group>
    </layout>
  </citation>
  <bibliography hanging-indent="true" entry-spacing="0">
    <sort>
      <key macro="author-sort"/>
      <key variable="title"/>
    </sort>
    <layout suffix=".">
      <choose>
        <if type="thesis">
          <group delimiter=". ">
            <text macro="author"/>
            <text macro="title"/>
            <text macro="date"/>
            <group delimiter=", ">
              <text variable="publisher"/>
              <text variable="genre"/>
              <text macro="link"/>
            </group>
            <text macro="accessed"/>
          </group>
        </if>
        <else>
          <group delimiter=". ">
            <text macro="author"/>
            <text macro="title"/>
            <text macro="description"/>
            <group delimiter=", ">
              <text variable="container-title" font-style="italic"/>
              <text macro="other-contributors"/>
              <text macro="edition"/>
              <text macro="number"/>
              <text macro="publisher"/>
              <text macro="date"/>
              <text macro="location"/>
              <text macro="link"/>
            </group>
            <text variable="collection-title"/>
            <text macro="accessed"/>
          </group>
        </else>
      </choose>
    </layout>
  </bibliography>
`,
);
