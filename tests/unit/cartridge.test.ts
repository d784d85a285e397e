/**
 * The Common Cartridge writer, checked by a second party: libxml2 validates the manifest, every web
 * link and every discussion topic against the IMS CC 1.1 schemas (tests/standards/imscc-1.1/),
 * offline. What the schemas cannot check (identifierref targets, one file per resource) is checked
 * here, and a broken manifest is shown to fail, so the validation is known to be able to.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { parseFragment } from 'parse5';
import { afterAll, describe, expect, test } from 'vitest';
import { cartridgeFiles, zipCartridge, type CartridgeCourse } from '../../src/lib/cartridge.ts';
import { requireDependency } from '../setup/system-dependencies.ts';

const xmllint = requireDependency('xmllint');
const SCHEMAS = path.resolve('tests/standards/imscc-1.1');
const scratch = mkdtempSync(path.join(tmpdir(), 'reader-imscc-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const COURSE: CartridgeCourse = {
  id: 'pol-101',
  title: 'Commons & the State <POL 101>',
  description: 'Readings on the "partner state", one session a week.',
  language: 'en',
  sessions: [
    {
      id: 'what-is-it',
      title: 'Session 1 (2027-01-12): What is a partner state?',
      links: [{ title: 'The Partner State, ¶1–¶3', url: 'https://example.edu/courses/pol-101/reader/read/partner-state/?session=what-is-it#p-partner-state-definition' }],
      questionsHtml: '<p>Who is the <em>partner</em> of whom?</p><ul><li>Name two &amp; compare.</li></ul>',
    },
    {
      id: 'welfare',
      title: 'Session 2 (2027-01-19): The welfare state',
      links: [
        { title: 'The Partner State, ¶4–¶6', url: 'https://example.edu/courses/pol-101/reader/read/partner-state/#p-fattori-heading' },
        { title: 'The Partner State, ¶14', url: 'https://example.edu/courses/pol-101/reader/read/partner-state/#p-kleiner-public-funding' },
      ],
    },
    { id: 'no links yet', title: 'Session 3: Open discussion', links: [], questionsHtml: '<p>What would you fund?</p>' },
  ],
};

/** Writes `files` into a fresh folder and returns xmllint's verdict on `file` against `schema`. */
function validate(files: Record<string, string>, file: string, schema: string) {
  const folder = mkdtempSync(path.join(scratch, 'cc-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(folder, name)), { recursive: true });
    writeFileSync(path.join(folder, name), text);
  }
  const result = spawnSync(xmllint, ['--nonet', '--noout', '--schema', path.join(SCHEMAS, schema), path.join(folder, file)], { encoding: 'utf8' });
  return { status: result.status, errors: result.stderr.replaceAll(folder, '') };
}

/** The manifest's elements, as parse5 reads XML-ish markup: enough to follow identifiers. */
function manifestElements(manifest: string, tag: string) {
  const found: Record<string, string>[] = [];
  const visit = (node: any) => {
    if (node.tagName === tag) found.push(Object.fromEntries(node.attrs.map((a: { name: string; value: string }) => [a.name, a.value])));
    for (const child of node.childNodes ?? []) visit(child);
  };
  visit(parseFragment(manifest));
  return found;
}

describe('Common Cartridge 1.1', () => {
  const files = cartridgeFiles(COURSE);
  const byType = (type: string) => manifestElements(files['imsmanifest.xml']!, 'resource').filter((r) => r.type === type);

  test('the manifest validates against the IMS CC 1.1 schema (CP 1.2 profile, LOM, xml.xsd)', () => {
    expect(validate(files, 'imsmanifest.xml', 'ccv1p1_imscp_v1p2_v1p0.xsd')).toEqual({ status: 0, errors: '/imsmanifest.xml validates\n' });
  });

  test('every web link and every discussion topic validates against its schema', () => {
    const links = Object.keys(files).filter((name) => name.includes('/link-'));
    const topics = Object.keys(files).filter((name) => name.endsWith('/discussion.xml'));
    expect(links).toHaveLength(3);
    expect(topics).toHaveLength(2);
    for (const link of links) expect(validate(files, link, 'ccv1p1_imswl_v1p1.xsd').status, link).toBe(0);
    for (const topic of topics) expect(validate(files, topic, 'ccv1p1_imsdt_v1p1.xsd').status, topic).toBe(0);
  });

  test('the validation can fail: a CC 1.0 version, a link without its address, a Markdown topic are each refused', () => {
    const broken = (name: string, from: string, to: string) => ({ ...files, [name]: files[name]!.replace(from, to) });
    expect(validate(broken('imsmanifest.xml', '<schemaversion>1.1.0', '<schemaversion>1.0.0'), 'imsmanifest.xml', 'ccv1p1_imscp_v1p2_v1p0.xsd').status).toBe(3);
    const link = files['S_what-is-it/link-1.xml']!;
    expect(validate({ ...files, 'S_what-is-it/link-1.xml': link.replace(/<url[^>]*\/>/, '') }, 'S_what-is-it/link-1.xml', 'ccv1p1_imswl_v1p1.xsd').status).toBe(3);
    expect(validate(broken('S_welfare/link-1.xml', 'imswl_v1p1"', 'imswl_v1p0"'), 'S_welfare/link-1.xml', 'ccv1p1_imswl_v1p1.xsd').status).not.toBe(0);
    expect(validate(broken('S_what-is-it/discussion.xml', 'texttype="text/html"', 'texttype="text/markdown"'), 'S_what-is-it/discussion.xml', 'ccv1p1_imsdt_v1p1.xsd').status).toBe(3);
  });

  test('one module per session, in order, holding its links and then its discussion', () => {
    const manifest = files['imsmanifest.xml']!;
    const titles = [...manifest.matchAll(/<item identifier="(I_S_[^"_]+(?:_[^"_]+)*)"[^>]*>\s*<title>([^<]*)<\/title>/g)].map((m) => [m[1], m[2]]);
    expect(titles).toEqual([
      ['I_S_what-is-it', 'Session 1 (2027-01-12): What is a partner state?'],
      ['I_S_what-is-it_L1', 'The Partner State, ¶1–¶3'],
      ['I_S_what-is-it_DT', 'Discussion: Session 1 (2027-01-12): What is a partner state?'],
      ['I_S_welfare', 'Session 2 (2027-01-19): The welfare state'],
      ['I_S_welfare_L1', 'The Partner State, ¶4–¶6'],
      ['I_S_welfare_L2', 'The Partner State, ¶14'],
      ['I_S_no_links_yet', 'Session 3: Open discussion'],
      ['I_S_no_links_yet_DT', 'Discussion: Session 3: Open discussion'],
    ]);
  });

  test('every identifierref names a resource, and each resource has exactly one file, which is in the package', () => {
    const resources = manifestElements(files['imsmanifest.xml']!, 'resource');
    const ids = new Set(resources.map((r) => r.identifier));
    const refs = manifestElements(files['imsmanifest.xml']!, 'item').flatMap((item) => (item.identifierref ? [item.identifierref] : []));
    expect(refs.length).toBe(resources.length);
    for (const ref of refs) expect(ids.has(ref), ref).toBe(true);
    const filesOf = [...files['imsmanifest.xml']!.matchAll(/<resource [^>]*>(.*?)<\/resource>/g)].map((m) => [...m[1]!.matchAll(/<file href="([^"]+)"\/>/g)].map((f) => f[1]!));
    for (const hrefs of filesOf) {
      expect(hrefs).toHaveLength(1);
      expect(files[hrefs[0]!], hrefs[0]).toBeDefined();
    }
    expect(byType('imswl_xmlv1p1')).toHaveLength(3);
    expect(byType('imsdt_xmlv1p1')).toHaveLength(2);
  });

  test('titles, addresses and the questions are escaped, and the questions reach the LMS as the HTML they are', () => {
    expect(files['imsmanifest.xml']).toContain('Commons &amp; the State &lt;POL 101&gt;');
    expect(files['imsmanifest.xml']).toContain('Readings on the &quot;partner state&quot;');
    expect(files['S_what-is-it/link-1.xml']).toContain('href="https://example.edu/courses/pol-101/reader/read/partner-state/?session=what-is-it#p-partner-state-definition"');
    const topic = files['S_what-is-it/discussion.xml']!;
    const text = /<text texttype="text\/html">([^<]*)<\/text>/.exec(topic)![1]!;
    const unescaped = text.replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&quot;', '"').replaceAll('&#39;', "'").replaceAll('&amp;', '&');
    expect(unescaped).toBe(COURSE.sessions[0]!.questionsHtml);
  });

  test('a link that is not an absolute web address is refused with what to set', () => {
    const relative = { ...COURSE, sessions: [{ ...COURSE.sessions[0]!, links: [{ title: 'x', url: '/read/partner-state/' }] }] };
    expect(() => cartridgeFiles(relative)).toThrow('"/read/partner-state/" must be an absolute http(s) address: set READER_SITE');
    const script = { ...COURSE, sessions: [{ ...COURSE.sessions[0]!, links: [{ title: 'x', url: 'javascript:alert(1)' }] }] };
    expect(() => cartridgeFiles(script)).toThrow('must be an absolute http(s) address');
  });

  test('the .imscc zip holds exactly these files, manifest first, and the same course gives the same bytes', () => {
    const date = new Date('2027-01-01T00:00:00Z');
    const zip = zipCartridge(files, date);
    const entries = unzipSync(zip);
    expect(Object.keys(entries)[0]).toBe('imsmanifest.xml');
    expect(Object.keys(entries).sort()).toEqual(Object.keys(files).sort());
    for (const [name, bytes] of Object.entries(entries)) expect(strFromU8(bytes)).toBe(files[name]);
    expect(zipCartridge(cartridgeFiles(COURSE), date)).toEqual(zip);
  });
});
