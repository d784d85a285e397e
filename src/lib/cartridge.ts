/**
 * An IMS Common Cartridge 1.1 package of a course, for a learning management system to import
 * (Canvas, Moodle, Blackboard, D2L and Sakai all read 1.1). The course becomes one module per
 * session (Canvas makes each item under the root a module, Moodle a section); a session holds a
 * web link to each part of a reading it assigns and, when it has questions, a discussion topic
 * with them. Links point at the published site (absolute URLs): the cartridge carries no copy of
 * the text, so the LMS always opens the current edition.
 *
 * Written by hand: the format is three small XML vocabularies, and the npm packages that write
 * cartridges are unmaintained or target other versions. Validated in the tests with xmllint against
 * the IMS schemas (tests/standards/imscc-1.1/).
 */
import { strToU8, zipSync, type Zippable } from 'fflate';
import { passageSpan, type ResolvedCourse } from './course.ts';
import { xml } from './epub/xhtml.ts';

export interface CartridgeLink {
  title: string;
  /** Absolute http(s) URL of the assigned part on the published site. */
  url: string;
}

export interface CartridgeSession {
  /** The session's id in the course file: the module's identifier is made from it, so a re-import matches. */
  id: string;
  /** The module's title as the LMS lists it, e.g. "Session 2 (2027-01-14): The welfare state". */
  title: string;
  links: readonly CartridgeLink[];
  /** The session's questions as sanitised HTML; a discussion topic is added when there are any. */
  questionsHtml?: string | undefined;
}

export interface CartridgeCourse {
  id: string;
  title: string;
  description?: string | undefined;
  /** BCP 47 language of the course's own words (titles, description). */
  language: string;
  sessions: readonly CartridgeSession[];
}

const MANIFEST_NAMESPACES = [
  'xmlns="http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1"',
  'xmlns:lomimscc="http://ltsc.ieee.org/xsd/imsccv1p1/LOM/manifest"',
  'xmlns:lom="http://ltsc.ieee.org/xsd/imsccv1p1/LOM/resource"',
  'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"',
  'xsi:schemaLocation="http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1 http://www.imsglobal.org/profile/cc/ccv1p1/ccv1p1_imscp_v1p2_v1p0.xsd http://ltsc.ieee.org/xsd/imsccv1p1/LOM/manifest http://www.imsglobal.org/profile/cc/ccv1p1/LOM/ccv1p1_lommanifest_v1p0.xsd http://ltsc.ieee.org/xsd/imsccv1p1/LOM/resource http://www.imsglobal.org/profile/cc/ccv1p1/LOM/ccv1p1_lomresource_v1p0.xsd"',
].join(' ');
const WEB_LINK_NAMESPACES =
  'xmlns="http://www.imsglobal.org/xsd/imsccv1p1/imswl_v1p1" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://www.imsglobal.org/xsd/imsccv1p1/imswl_v1p1 http://www.imsglobal.org/profile/cc/ccv1p1/ccv1p1_imswl_v1p1.xsd"';
const TOPIC_NAMESPACES =
  'xmlns="http://www.imsglobal.org/xsd/imsccv1p1/imsdt_v1p1" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://www.imsglobal.org/xsd/imsccv1p1/imsdt_v1p1 http://www.imsglobal.org/profile/cc/ccv1p1/ccv1p1_imsdt_v1p1.xsd"';
const DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n';

/** An xs:ID from a course's own id: a letter first, then only characters an XML name allows. */
const identifier = (...parts: string[]) => parts.map((part) => part.replace(/[^A-Za-z0-9_.-]/g, '_')).join('_');

/** The course's ids are checked when it is loaded; this guards the one thing a cartridge cannot hold. */
function absoluteUrl(url: string): string {
  const parsed = URL.canParse(url) ? new URL(url) : undefined;
  if (!parsed || (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')) {
    throw new Error(`A cartridge links to the published site, so "${url}" must be an absolute http(s) address: set READER_SITE to the site's origin.`);
  }
  return parsed.href;
}

const langString = (text: string, language: string) => `<lomimscc:string language="${xml(language)}">${xml(text)}</lomimscc:string>`;

/** The cartridge's files by path: `imsmanifest.xml` at the root, each session's resources in a folder of its own. */
export function cartridgeFiles(course: CartridgeCourse): Record<string, string> {
  const files: Record<string, string> = {};
  const items: string[] = [];
  const resources: string[] = [];
  const seen = new Set<string>();
  for (const session of course.sessions) {
    const sessionId = identifier('S', session.id);
    if (seen.has(sessionId)) throw new Error(`Two sessions of course "${course.id}" make the same identifier ${sessionId}: give them ids that differ in letters or digits.`);
    seen.add(sessionId);
    const children: string[] = [];
    session.links.forEach((link, index) => {
      const id = identifier(sessionId, `L${index + 1}`);
      const file = `${sessionId}/link-${index + 1}.xml`;
      files[file] = `${DECLARATION}<webLink ${WEB_LINK_NAMESPACES}>\n  <title>${xml(link.title)}</title>\n  <url href="${xml(absoluteUrl(link.url))}" target="_blank"/>\n</webLink>\n`;
      children.push(`<item identifier="I_${id}" identifierref="R_${id}"><title>${xml(link.title)}</title></item>`);
      resources.push(`<resource identifier="R_${id}" type="imswl_xmlv1p1"><file href="${file}"/></resource>`);
    });
    if (session.questionsHtml?.trim()) {
      const id = identifier(sessionId, 'DT');
      const file = `${sessionId}/discussion.xml`;
      const title = `Discussion: ${session.title}`;
      files[file] = `${DECLARATION}<topic ${TOPIC_NAMESPACES}>\n  <title>${xml(title)}</title>\n  <text texttype="text/html">${xml(session.questionsHtml)}</text>\n</topic>\n`;
      children.push(`<item identifier="I_${id}" identifierref="R_${id}"><title>${xml(title)}</title></item>`);
      resources.push(`<resource identifier="R_${id}" type="imsdt_xmlv1p1"><file href="${file}"/></resource>`);
    }
    items.push(`      <item identifier="I_${sessionId}">\n        <title>${xml(session.title)}</title>\n        ${children.join('\n        ')}\n      </item>`);
  }
  const description = course.description ? `\n        <lomimscc:description>${langString(course.description, course.language)}</lomimscc:description>` : '';
  files['imsmanifest.xml'] =
    `${DECLARATION}<manifest identifier="${identifier('M', course.id)}" ${MANIFEST_NAMESPACES}>
  <metadata>
    <schema>IMS Common Cartridge</schema>
    <schemaversion>1.1.0</schemaversion>
    <lomimscc:lom>
      <lomimscc:general>
        <lomimscc:title>${langString(course.title, course.language)}</lomimscc:title>
        <lomimscc:language>${xml(course.language)}</lomimscc:language>${description}
      </lomimscc:general>
    </lomimscc:lom>
  </metadata>
  <organizations>
    <organization identifier="ORG_1" structure="rooted-hierarchy">
      <item identifier="ROOT">
${items.join('\n')}
      </item>
    </organization>
  </organizations>
  <resources>
    ${resources.join('\n    ')}
  </resources>
</manifest>
`;
  return files;
}

/** The files as a zip (.imscc), each dated `modified` so the same course gives the same bytes. */
export function zipCartridge(files: Record<string, string>, modified: Date): Uint8Array {
  const entries: Zippable = {};
  // The manifest first: some importers look for it at the start of the archive.
  for (const name of ['imsmanifest.xml', ...Object.keys(files).filter((n) => n !== 'imsmanifest.xml').sort()]) entries[name] = strToU8(files[name]!);
  return zipSync(entries, { mtime: modified });
}

/**
 * A resolved course as its cartridge: each session titled with its number and date or week, a link
 * per assigned part ("The Partner State, ¶3–¶9", with the part's assignment key, so the reading
 * opens on it with the session's banner), and the questions as the discussion.
 */
export function courseCartridge(course: ResolvedCourse, absolute: (sitePath: string) => string): CartridgeCourse {
  return {
    id: course.id,
    title: course.code ? `${course.code}: ${course.title}` : course.title,
    description: course.description || undefined,
    language: course.language,
    sessions: course.sessions.map((session) => {
      const when = session.date ? ` (${session.date})` : session.week !== undefined ? ` (week ${session.week})` : '';
      return {
        id: session.id,
        title: `Session ${session.number}${when}: ${session.title}`,
        links: session.parts.map((part) => ({ title: `${part.readingTitle}, ${passageSpan(part.firstNumber, part.lastNumber)}`, url: absolute(part.path) })),
        questionsHtml: session.questionsHtml,
      };
    }),
  };
}
