import { EDITION_MACRO, cslStyle } from './common.ts';

/**
 * The edition's own CSL 1.0.2 style for the Publication Manual of the American Psychological
 * Association, 7th edition (chapters 8–10), written for the variables and item types this edition
 * cites (see CslItemSchema). It follows the CSL project's APA style (the one citation-js ships) rule
 * for rule on those items and formats them identically, at a fraction of its size: a citeproc-js
 * engine for that style took 1–1.7 s to build, for this one about 0.1 s. Two deliberate departures:
 * "Retrieved … from" only with a retrieval date (APA 9.16; that style left a bare "Retrieved" before
 * the URL of an undated item without one), and a worded edition capitalised ("Rev. ed.").
 *
 * Reference list: "Kostakis, V., & Bauwens, M. (2014). *Network Society …*. Palgrave Macmillan.
 * https://doi.org/…". In text: "(Kostakis & Bauwens, 2014, p. 12)"; three or more authors as
 * "(Bauwens et al., 2015)". Personal communications that cannot be retrieved are cited in the text
 * only (APA 8.9): "(S. Helfrich, personal communication, September 2009)".
 */

/** Periodicals and their parts: the container is the serial ("*Journal*, *112*(3), 369–446"). */
const SERIAL = 'article-journal article-magazine article-newspaper periodical post-weblog review review-book';
/** Web pages and posts: italic title, then the site as a publisher. */
const ONLINE = 'post webpage';
/** Types printed with month and day ("2012, June 5"). */
const DATED = `${ONLINE} article-magazine article-newspaper broadcast collection document event motion_picture pamphlet performance personal_communication post-weblog song speech`;
/** Types sorted by year only among works of one author (the rest by full date). */
const YEAR_SORTED = 'article article-journal book chapter entry entry-dictionary entry-encyclopedia dataset figure graphic manuscript map musical_score patent report review review-book thesis';
/** A letter or interview with any of these can be retrieved, so it goes in the reference list. */
const RETRIEVABLE = 'container-title DOI number publisher URL';
/** Interviews, letters and emails: personal communications when they cannot be retrieved. */
const PERSONAL = 'interview personal_communication';
/** Talks and the like: described in the source when unpublished (not in a book or journal). */
const EVENTS = 'event paper-conference performance speech';
/** "June 5" of the date issued. */
const MONTH_DAY = '<date variable="issued"><date-part name="month"/><date-part name="day" prefix=" "/></date>';
/** Types described by their own term when the item gives no genre ("[Dataset]", "[Online post]"). */
const TYPES_WITH_TERM = ['broadcast', 'collection', 'dataset', 'figure', 'graphic', 'map', 'motion_picture', 'post', 'review', 'review-book', 'software', 'song'];

/** Marks of a work published in an edited book or a periodical (else a talk given, an interview held). */
const PUBLISHED = 'editor issue page volume';
/** Continues a choice with `then` for an item of `types` that was not published (APA 10.5, 10.13). */
const ifUnpublished = (types: string, then: string) => `<else-if variable="${PUBLISHED}" match="any"/>
              <else-if type="${types}" match="any">
                ${then}
              </else-if>`;

/**
 * `issued` as `dated` renders it ("2011a"), else "n.d." and the year suffix joined by the group's
 * hyphen ("n.d.-a", APA 8.17): the choice must stay directly in that group for citeproc to join them.
 */
const issuedOrNoDate = (affixes: string, dated: string) => `<group delimiter="-"${affixes}>
      <choose>
        <if variable="issued">
          ${dated}
        </if>
        <else>
          <text term="no date" form="short"/>
          <text variable="year-suffix"/>
        </else>
      </choose>
    </group>`;

/** Names given first and joined with "&" ("D. Bollier & S. Helfrich"), then their role, e.g. ", Trans." or " (Eds.)". */
const namesWithRole = (variables: string, prefix: string, suffix = '') => `<names variable="${variables}" delimiter="; ">
        <name and="symbol"/>
        <label form="short" prefix="${prefix}"${suffix ? ` suffix="${suffix}"` : ''} text-case="title"/>
      </names>`;

/** A date of `variable` ("ca. 1850" when uncertain), as a year or in full. */
const dateMacro = (name: string, variable: string, date: string) => `<macro name="${name}">
    <group delimiter=" ">
      <choose>
        <if is-uncertain-date="${variable}">
          <text term="circa" form="short"/>
        </if>
      </choose>
      ${date}
    </group>
  </macro>`;

/** Who stands first when there is no author: publisher of an encyclopedia entry, editors, a site's owner, else the title. */
const creatorSubstitute = (titleMacroName: string) => `<substitute>
        <choose>
          <if type="entry-dictionary entry-encyclopedia" match="any">
            <text variable="publisher"/>
          </if>
        </choose>
        <choose>
          <if type="book entry entry-dictionary entry-encyclopedia" match="none"/>
          <else-if variable="container-title">
            <text macro="${titleMacroName}"/>
          </else-if>
        </choose>
        <names variable="editor"/>
        <choose>
          <if type="software webpage" match="any">
            <text variable="publisher"/>
          </if>
        </choose>
        <text macro="${titleMacroName}"/>
      </substitute>`;

/**
 * The reference list's creators, "Bollier, D., & Helfrich, S. (Eds.)", or what stands in for them.
 * Sorting uses a lighter stand-in (the title alone): citeproc-js builds a sort key's macros anew for
 * each key, and the whole title-and-description block made that the slowest part of the engine.
 */
const sortedCreators = (titleMacroName: string) => `<names variable="author">
      <name and="symbol" delimiter-precedes-last="always" name-as-sort-order="all"/>
      <label form="short" prefix=" (" suffix=")" text-case="title"/>
      ${creatorSubstitute(titleMacroName)}
    </names>`;

/** `macro`, unless the item is a letter or interview readers cannot retrieve (cited in the text only, APA 8.9). */
const unlessPersonal = (macro: string) => `<if type="${PERSONAL}" match="none">
          <text macro="${macro}"/>
        </if>
        <else-if variable="${RETRIEVABLE}" match="any">
          <text macro="${macro}"/>
        </else-if>`;

export const APA = cslStyle(
  {
    id: 'apa',
    title: 'APA Publication Manual 7th edition, Annotated Reader',
    format: 'author-date',
    attributes: 'demote-non-dropping-particle="never" initialize-with=". " names-delimiter=", " page-range-format="expanded"',
  },
  `
  <locale xml:lang="en">
    <terms>
      <term name="circa" form="short">ca.</term>
      <term name="interviewer" form="short">
        <single>interviewer</single>
        <multiple>interviewers</multiple>
      </term>
      <term name="manuscript">unpublished manuscript</term>
      <term name="post">online post</term>
      <term name="software">computer software</term>
      <term name="review-of" form="short">review of</term>
    </terms>
  </locale>
  <macro name="author">
    ${sortedCreators('author-title')}
  </macro>
  <macro name="author-sort">
    ${sortedCreators('title-sort')}
  </macro>
  <macro name="title-sort">
    <choose>
      <if type="review review-book" match="any">
        <text macro="review"/>
      </if>
      <else-if variable="title">
        <text variable="title"/>
      </else-if>
      <else>
        <text macro="description"/>
      </else>
    </choose>
  </macro>
  <macro name="author-title">
    <choose>
      <if type="review review-book" match="any">
        <text macro="title-and-descriptions"/>
      </if>
      <else-if variable="title">
        <group delimiter=" ">
          <text macro="title"/>
          <text macro="identifier"/>
        </group>
      </else-if>
      <else>
        <text macro="title-and-descriptions"/>
      </else>
    </choose>
  </macro>
  <macro name="author-short">
    <names variable="author">
      <name and="symbol" form="short"/>
      ${creatorSubstitute('title-short')}
    </names>
  </macro>
  <macro name="author-cite">
    <choose>
      ${unlessPersonal('author-short')}
      <else>
        <group delimiter=", ">
          <names variable="author">
            <name and="symbol"/>
            <substitute>
              <text macro="title-short"/>
            </substitute>
          </names>
          <text term="personal-communication"/>
        </group>
      </else>
    </choose>
  </macro>
  ${dateMacro('year', 'issued', '<date variable="issued" form="numeric" date-parts="year"/>')}
  ${dateMacro('original-year', 'original-date', '<date variable="original-date" form="numeric" date-parts="year"/>')}
  ${dateMacro('full-date', 'issued', '<date variable="issued" form="text"/>')}
  <macro name="date">
    ${issuedOrNoDate(
      ' prefix="(" suffix=")"',
      `<group delimiter=", ">
            <group>
              <text macro="year"/>
              <text variable="year-suffix"/>
            </group>
            <choose>
              <if type="${DATED}" match="any">
                ${MONTH_DAY}
              </if>
              ${ifUnpublished('interview paper-conference', MONTH_DAY)}
            </choose>
          </group>`,
    )}
  </macro>
  <macro name="date-cite">
    ${issuedOrNoDate(
      '',
      `<group delimiter="/">
            <text macro="original-year"/>
            <group>
              <choose>
                ${unlessPersonal('year')}
                <else>
                  <text macro="full-date"/>
                </else>
              </choose>
              <text variable="year-suffix"/>
            </group>
          </group>`,
    )}
  </macro>
  <macro name="date-sort-group">
    <choose>
      <if variable="issued">
        <text value="1"/>
      </if>
      <else>
        <text value="0"/>
      </else>
    </choose>
  </macro>
  <macro name="date-sort">
    <choose>
      <if type="${YEAR_SORTED}" match="any">
        <date variable="issued" form="numeric" date-parts="year"/>
      </if>
      <else>
        <date variable="issued" delimiter="-">
          <date-part name="year"/>
          <date-part name="month" form="numeric-leading-zeros"/>
          <date-part name="day" form="numeric-leading-zeros"/>
        </date>
      </else>
    </choose>
  </macro>
  <macro name="title">
    <choose>
      <if type="${ONLINE}" match="any">
        <text variable="title" font-style="italic"/>
      </if>
      <else-if type="review review-book" match="any"/>
      <else-if variable="container-title">
        <text variable="title"/>
      </else-if>
      <else-if type="${SERIAL} interview paper-conference" match="any">
        <text variable="title" font-style="italic"/>
      </else-if>
      <else>
        <group delimiter=": " font-style="italic">
          <text variable="title"/>
          <text macro="volume-title"/>
        </group>
      </else>
    </choose>
  </macro>
  <macro name="volume-title">
    <choose>
      <if is-numeric="volume" match="none">
        <text variable="volume" text-case="capitalize-first"/>
      </if>
    </choose>
  </macro>
  <macro name="title-short">
    <choose>
      <if variable="title" match="none">
        <text macro="description-short"/>
      </if>
      <else-if type="review review-book" match="any">
        <text macro="description-short"/>
      </else-if>
      <else-if type="report">
        <text variable="title" form="short" text-case="title"/>
      </else-if>
      <else-if type="post">
        <text variable="title" form="short" font-style="italic"/>
      </else-if>
      <else-if type="webpage">
        <text variable="title" form="short" font-style="italic" text-case="title"/>
      </else-if>
      <else-if variable="container-title">
        <text variable="title" form="short" quotes="true" text-case="title"/>
      </else-if>
      <else>
        <text variable="title" form="short" font-style="italic" text-case="title"/>
      </else>
    </choose>
  </macro>
  <macro name="title-and-descriptions">
    <group delimiter=" ">
      <choose>
        <if variable="title">
          <text macro="title"/>
          <text macro="identifier"/>
          <text macro="description"/>
        </if>
        <else-if type="report">
          <text macro="number"/>
          <text macro="description"/>
          <text macro="identifier"/>
        </else-if>
        <else>
          <text macro="description"/>
          <text macro="identifier"/>
        </else>
      </choose>
    </group>
  </macro>
  <macro name="identifier">
    <group delimiter="; " prefix="(" suffix=")">
      <choose>
        <if variable="title">
          ${namesWithRole('interviewer', ', ')}
        </if>
      </choose>
      <choose>
        <if type="${ONLINE}" match="any">
          ${namesWithRole('editor translator', ', ')}
        </if>
        <else-if type="${SERIAL} interview paper-conference" match="any">
          ${namesWithRole('translator', ', ')}
        </else-if>
        <else-if variable="container-title">
          ${namesWithRole('translator', ', ')}
        </else-if>
        <else>
          ${namesWithRole('editor translator', ', ')}
        </else>
      </choose>
      <choose>
        <if variable="container-title" match="none">
          <choose>
            <if type="report" match="none">
              <text macro="number"/>
            </if>
            <else-if variable="title">
              <text macro="number"/>
            </else-if>
          </choose>
          <text macro="monographic"/>
        </if>
        <else-if type="${ONLINE}" match="any">
          <text macro="number"/>
        </else-if>
      </choose>
    </group>
  </macro>
  <macro name="number">
    <group delimiter=" ">
      <choose>
        <if type="thesis" variable="genre">
          <text value="Publication"/>
        </if>
        <else-if variable="number">
          <text variable="genre" text-case="title"/>
        </else-if>
      </choose>
      <group delimiter=" ">
        <choose>
          <if is-numeric="number">
            <label variable="number" form="short" text-case="capitalize-first"/>
          </if>
        </choose>
        <text variable="number" text-case="capitalize-first"/>
      </group>
    </group>
  </macro>
  ${EDITION_MACRO}
  <macro name="monographic">
    <choose>
      <if type="${SERIAL} ${ONLINE} broadcast event patent performance speech" match="any"/>
      <else-if variable="editor">
        <text macro="monographic-details"/>
      </else-if>
      <else-if type="interview paper-conference" match="any"/>
      <else>
        <text macro="monographic-details"/>
      </else>
    </choose>
  </macro>
  <macro name="monographic-details">
    <group delimiter=", ">
      <text macro="edition"/>
      <choose>
        <if type="document report standard" match="any">
          <text variable="collection-title" text-case="title"/>
        </if>
      </choose>
      <group delimiter=" ">
        <choose>
          <if is-numeric="volume">
            <label variable="volume" form="short" text-case="capitalize-first"/>
            <text variable="volume"/>
          </if>
        </choose>
      </group>
      <group delimiter=" ">
        <label variable="issue" text-case="capitalize-first"/>
        <text variable="issue"/>
      </group>
      <group delimiter=" ">
        <label variable="page" form="short"/>
        <text variable="page"/>
      </group>
    </group>
  </macro>
  <macro name="description">
    <group prefix="[" suffix="]">
      <choose>
        <if type="interview" variable="interviewer" match="any">
          <choose>
            <if variable="interviewer title">
              <text macro="genre-medium"/>
            </if>
            <else-if variable="title">
              <text macro="format"/>
            </else-if>
            <else-if variable="genre">
              <group delimiter=" ">
                <text variable="genre" text-case="capitalize-first"/>
                <text term="container-author" form="verb"/>
                <names variable="interviewer">
                  <name and="symbol"/>
                </names>
              </group>
            </else-if>
            <else-if variable="interviewer">
              <group delimiter="; ">
                <names variable="interviewer">
                  <label form="verb" suffix=" " text-case="capitalize-first"/>
                  <name and="symbol"/>
                </names>
                <text variable="medium" text-case="capitalize-first"/>
              </group>
            </else-if>
            <else>
              <text macro="format"/>
            </else>
          </choose>
        </if>
        <else-if type="review review-book" match="any">
          <text macro="review"/>
        </else-if>
        <else-if type="personal_communication">
          <group delimiter=" ">
            <text macro="format"/>
            <names variable="recipient">
              <label form="verb" suffix=" "/>
              <name and="symbol" initialize="false"/>
            </names>
          </group>
        </else-if>
        <else-if type="thesis">
          <group delimiter="; ">
            <group delimiter=", ">
              <text variable="genre" text-case="capitalize-first"/>
              <choose>
                <if variable="DOI URL" match="any">
                  <text variable="publisher"/>
                </if>
              </choose>
            </group>
            <text variable="medium" text-case="capitalize-first"/>
          </group>
        </else-if>
        <else-if type="${SERIAL}" match="any">
          <text macro="format"/>
        </else-if>
        <else-if variable="container-title" match="none">
          <text macro="format"/>
        </else-if>
        <else-if type="document report software standard" match="any"/>
        <else-if variable="${PUBLISHED}" match="any">
          <text macro="format"/>
        </else-if>
        <else-if type="${EVENTS}" match="none">
          <text macro="format"/>
        </else-if>
      </choose>
    </group>
  </macro>
  <macro name="review">
    <group delimiter=" ">
      <choose>
        <if variable="genre">
          <text variable="genre" text-case="capitalize-first"/>
        </if>
        <else-if variable="medium">
          <text variable="medium" text-case="capitalize-first"/>
        </else-if>
        <else-if type="review-book">
          <text term="review-book" form="verb" text-case="capitalize-first"/>
        </else-if>
        <else>
          <text term="review-of" form="short" text-case="capitalize-first"/>
        </else>
      </choose>
      <text variable="title" font-style="italic"/>
    </group>
  </macro>
  <macro name="description-short">
    <group prefix="[" suffix="]">
      <choose>
        <if type="review review-book" match="any">
          <group delimiter=" ">
            <text term="review-of" form="short" text-case="capitalize-first"/>
            <text variable="title" form="short" font-style="italic" text-case="title"/>
          </group>
        </if>
        <else-if variable="interviewer">
          <names variable="interviewer">
            <label form="verb" suffix=" " text-case="capitalize-first"/>
            <name and="symbol" form="short"/>
          </names>
        </else-if>
        <else-if variable="genre">
          <text variable="genre" form="short" text-case="capitalize-first"/>
        </else-if>
        <else-if variable="medium">
          <text variable="medium" form="short" text-case="capitalize-first"/>
        </else-if>
        <else>
          <text macro="format-term"/>
        </else>
      </choose>
    </group>
  </macro>
  <macro name="genre-medium">
    <group delimiter="; ">
      <choose>
        <if variable="number" match="none">
          <text variable="genre" text-case="capitalize-first"/>
        </if>
      </choose>
      <text variable="medium" text-case="capitalize-first"/>
    </group>
  </macro>
  <macro name="format">
    <choose>
      <if variable="genre medium" match="any">
        <text macro="genre-medium"/>
      </if>
      <else>
        <text macro="format-term"/>
      </else>
    </choose>
  </macro>
  <macro name="format-term">
    <choose>
      <if type="${PERSONAL}" match="any">
        <choose>
          <if variable="${RETRIEVABLE}" match="none">
            <text term="personal-communication" text-case="capitalize-first"/>
          </if>
          <else-if type="interview">
            <text term="interview" text-case="capitalize-first"/>
          </else-if>
          <else>
            <text term="letter" text-case="capitalize-first"/>
          </else>
        </choose>
      </if>
      <else-if type="manuscript">
        <choose>
          <if variable="${RETRIEVABLE}" match="none">
            <text term="manuscript" text-case="capitalize-first"/>
          </if>
        </choose>
      </else-if>
      ${TYPES_WITH_TERM.map((type) => `<else-if type="${type}">
        <text term="${type}" text-case="capitalize-first"/>
      </else-if>`).join('\n      ')}
    </choose>
  </macro>
  <macro name="source">
    <group delimiter=". ">
      <choose>
        <if type="${ONLINE}" match="any"/>
        <else-if type="${SERIAL}" match="any">
          <text macro="source-serial"/>
        </else-if>
        <else-if variable="editor">
          <text macro="source-monographic"/>
        </else-if>
        <else-if type="interview paper-conference" match="any">
          <text macro="source-serial"/>
        </else-if>
        <else>
          <text macro="source-monographic"/>
        </else>
      </choose>
      <choose>
        <if type="thesis">
          <choose>
            <if variable="DOI URL" match="none">
              <text variable="publisher"/>
            </if>
          </choose>
        </if>
        <else-if type="${SERIAL}" match="any"/>
        <else-if variable="editor">
          <text variable="publisher"/>
        </else-if>
        <else-if type="paper-conference"/>
        <else>
          <text variable="publisher"/>
        </else>
      </choose>
      <choose>
        <if type="${ONLINE}" match="any">
          <text variable="container-title" text-case="title"/>
        </if>
      </choose>
    </group>
  </macro>
  <macro name="source-serial">
    <group delimiter=", ">
      <group delimiter=", " font-style="italic">
        <text variable="container-title" text-case="title"/>
        <text variable="collection-title" text-case="title"/>
      </group>
      <group>
        <text variable="volume" font-style="italic"/>
        <text variable="issue" prefix="(" suffix=")"/>
      </group>
      <choose>
        <if variable="number">
          <group delimiter=" ">
            <text term="article-locator" text-case="capitalize-first"/>
            <text variable="number"/>
          </group>
        </if>
        <else>
          <text variable="page"/>
        </else>
      </choose>
    </group>
  </macro>
  <macro name="source-monographic">
    <choose>
      <if variable="container-title">
        <group delimiter=" ">
          <text term="in" text-case="capitalize-first"/>
          <group delimiter=", ">
            ${namesWithRole('editor', ' (', ')')}
            <group delimiter=": " font-style="italic">
              <text variable="container-title"/>
              <text macro="volume-title"/>
            </group>
          </group>
          <group delimiter="; " prefix="(" suffix=")">
            <text macro="number"/>
            <text macro="monographic"/>
          </group>
          <group prefix="[" suffix="]">
            <choose>
              <if type="document report software standard" match="any">
                <text macro="format"/>
              </if>
              ${ifUnpublished(EVENTS, '<text macro="format"/>')}
            </choose>
          </group>
        </group>
      </if>
    </choose>
  </macro>
  <macro name="link">
    <choose>
      <if variable="DOI">
        <text variable="DOI" prefix="https://doi.org/"/>
      </if>
      <else-if variable="URL">
        <group delimiter=" ">
          <choose>
            <if variable="issued" match="none">
              <group delimiter=" ">
                <text term="retrieved" text-case="capitalize-first"/>
                <date variable="accessed" form="text" suffix=","/>
                <text term="from"/>
              </group>
            </if>
          </choose>
          <text variable="URL"/>
        </group>
      </else-if>
    </choose>
  </macro>
  <macro name="reference">
    <group delimiter=" ">
      <group delimiter=". " suffix=".">
        <text macro="author"/>
        <text macro="date"/>
        <text macro="title-and-descriptions"/>
        <text macro="source"/>
      </group>
      <text macro="link"/>
      <group delimiter=" " prefix="(" suffix=")">
        <text term="original-work-published" text-case="capitalize-first"/>
        <text macro="original-year"/>
      </group>
    </group>
  </macro>
  <macro name="locator">
    <group delimiter=" ">
      <choose>
        <if locator="page paragraph" match="any">
          <label variable="locator" form="short"/>
        </if>
        <else-if is-numeric="locator">
          <label variable="locator" text-case="capitalize-first"/>
        </else-if>
        <else-if locator="chapter line verse" match="any"/>
        <else>
          <label variable="locator" text-case="capitalize-first"/>
        </else>
      </choose>
      <text variable="locator"/>
    </group>
  </macro>
  <citation et-al-min="3" et-al-use-first="1" disambiguate-add-year-suffix="true" disambiguate-add-names="true" disambiguate-add-givenname="true" givenname-disambiguation-rule="primary-name-with-initials" collapse="year">
    <sort>
      <key macro="author-sort" names-min="3" names-use-first="1"/>
      <key macro="date-sort-group"/>
      <key macro="date-sort"/>
    </sort>
    <layout prefix="(" suffix=")" delimiter="; ">
      <group delimiter=", ">
        <text macro="author-cite"/>
        <text macro="date-cite"/>
        <text macro="locator"/>
      </group>
    </layout>
  </citation>
  <bibliography hanging-indent="true" et-al-min="21" et-al-use-first="19" et-al-use-last="true" entry-spacing="0">
    <sort>
      <key macro="author-sort"/>
      <key macro="date-sort-group"/>
      <key macro="date-sort"/>
      <key macro="title"/>
      <key variable="volume"/>
      <key variable="original-date"/>
    </sort>
    <layout>
      <choose>
        ${unlessPersonal('reference')}
      </choose>
    </layout>
  </bibliography>
`,
);
