/**
 * Each built course cartridge (`/courses/<course>.imscc`) validated by libxml2 against the IMS CC
 * 1.1 schemas, and held against the course file and the edition, read here from the content files:
 * one module per session in the course's order, titled with its date or week; a link per assigned
 * part that opens the published reading on that part's first passage, named by its passage numbers;
 * the session's questions as its discussion.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, describe, expect, test } from 'vitest';
import { builtSiteDir, siteAddress } from '../../bench/lib/built-site.ts';
import { checkEditionFiles } from '../../src/loaders/edition-files.ts';
import { requireDependency } from '../setup/system-dependencies.ts';

const xmllint = requireDependency('xmllint');
const SCHEMAS = path.resolve('tests/standards/imscc-1.1');
const dist = builtSiteDir();
const { origin, base } = siteAddress(dist);
const check = await checkEditionFiles(path.resolve('.'));
const scratch = mkdtempSync(path.join(tmpdir(), 'reader-imscc-site-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const built = existsSync(path.join(dist, 'courses')) ? readdirSync(path.join(dist, 'courses')).filter((name) => name.endsWith('.imscc')) : [];
const unescapeXml = (text: string) => text.replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&quot;', '"').replaceAll('&#39;', "'").replaceAll('&amp;', '&');
const plain = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim();

describe('the Common Cartridge of each course', () => {
  test('every course has its cartridge, and there is a course', () => {
    expect(check.courses.length).toBeGreaterThan(0);
    expect(built.sort()).toEqual(check.courses.map((c) => `${c.id}.imscc`).sort());
  });

  describe.each(check.courses.map((c) => [c.id, c] as const))('%s', (id, loaded) => {
    const files = Object.fromEntries(Object.entries(unzipSync(readFileSync(path.join(dist, 'courses', `${id}.imscc`)))).map(([name, bytes]) => [name, strFromU8(bytes)]));
    const folder = path.join(scratch, id);
    for (const [name, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(folder, name)), { recursive: true });
      writeFileSync(path.join(folder, name), text);
    }
    const lint = (file: string, schema: string) =>
      spawnSync(xmllint, ['--nonet', '--noout', '--schema', path.join(SCHEMAS, schema), path.join(folder, file)], { encoding: 'utf8' });
    const manifest = files['imsmanifest.xml']!;
    /** The manifest's modules: each session item with the titles and files of its children. */
    const modules = [...manifest.matchAll(/<item identifier="I_S_[^"]*">\s*<title>([^<]*)<\/title>([\s\S]*?)\n {6}<\/item>/g)].map(([, title, body]) => ({
      title: unescapeXml(title!),
      children: [...body!.matchAll(/identifierref="(R_[^"]+)"><title>([^<]*)<\/title>/g)].map(([, ref, childTitle]) => ({
        title: unescapeXml(childTitle!),
        file: new RegExp(`<resource identifier="${ref}" type="[^"]+"><file href="([^"]+)"/>`).exec(manifest)![1]!,
      })),
    }));

    test('the manifest, each web link and each discussion topic validate against the IMS CC 1.1 schemas', () => {
      expect(lint('imsmanifest.xml', 'ccv1p1_imscp_v1p2_v1p0.xsd').status).toBe(0);
      const names = Object.keys(files);
      expect(names.filter((n) => n.includes('/link-')).length).toBeGreaterThan(0);
      for (const name of names.filter((n) => n.includes('/link-'))) expect(lint(name, 'ccv1p1_imswl_v1p1.xsd').status, name).toBe(0);
      for (const name of names.filter((n) => n.endsWith('/discussion.xml'))) expect(lint(name, 'ccv1p1_imsdt_v1p1.xsd').status, name).toBe(0);
    });

    test('one module per session of the course file, in its order, titled with its number, date or week and title', () => {
      const sessions = loaded.course.sessions;
      expect(modules.map((m) => m.title)).toEqual(
        sessions.map((s, i) => `Session ${i + 1}${s.date ? ` (${s.date})` : ` (week ${s.week})`}: ${s.title}`),
      );
    });

    test('each assigned part is a link that opens the published reading on its first passage, named by its passage numbers', () => {
      loaded.course.sessions.forEach((session, i) => {
        const links = modules[i]!.children.filter((child) => child.file.includes('/link-'));
        expect(links.length).toBeGreaterThanOrEqual(session.assigned.length);
        for (const link of links) {
          const url = new URL(/<url href="([^"]+)"/.exec(files[link.file]!)![1]!.replaceAll('&amp;', '&'));
          expect(url.origin).toBe(origin);
          const match = new RegExp(`^${base}read/([^/]+)/$`).exec(url.pathname);
          expect(match, url.href).not.toBeNull();
          const reading = check.edition.readings.find((r) => r.id === match![1])!;
          expect(session.assigned.map((part) => part.reading)).toContain(reading.id);
          const first = reading.passages.find((p) => `#p-${p.id}` === url.hash);
          expect(first, url.hash).toBeDefined();
          expect(url.searchParams.get('assigned')).toMatch(new RegExp(`^${id}\\.${session.id}\\.\\d+$`));
          expect(link.title).toMatch(new RegExp(`^${reading.title}, ¶${first!.number}(–¶\\d+)?$`));
          // An explicit range ends where the course file says.
          const range = session.assigned.find((part) => part.from === first!.id && part.to);
          if (range) expect(link.title).toBe(`${reading.title}, ¶${first!.number}–¶${reading.passages.find((p) => p.id === range.to)!.number}`);
        }
      });
    });

    test('a session with questions has them as its discussion, word for word', () => {
      loaded.course.sessions.forEach((session, i) => {
        const topics = modules[i]!.children.filter((child) => child.file.endsWith('/discussion.xml'));
        expect(topics).toHaveLength(session.questions ? 1 : 0);
        if (!session.questions) return;
        const html = unescapeXml(/<text texttype="text\/html">([^<]*)<\/text>/.exec(files[topics[0]!.file]!)![1]!);
        // The Markdown's words, its emphasis marks and list numbers aside, in order.
        const words = session.questions.replace(/[*_`]/g, '').replace(/^\s*\d+\.\s+/gm, '').replace(/\s+/g, ' ').trim();
        expect(plain(html).replace(/[“”]/g, '"').replace(/’/g, "'")).toContain(words.slice(0, 60).replace(/[“”]/g, '"').replace(/’/g, "'"));
        expect(html).not.toMatch(/<script|javascript:/i);
      });
    });
  });
});
