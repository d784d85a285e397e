/**
 * The zip containers of Word and EPUB files when a part is missing, damaged or unusual: which part
 * the refusal names, what is read anyway, and where the title, authors and language come from.
 * Each file is a working fixture (build.ts) with one part changed, so a test fails only for its cause.
 */
import { strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { describe, expect, test } from 'vitest';
import { importDocx } from '../../src/lib/import/docx.ts';
import { importEpub } from '../../src/lib/import/epub.ts';
import { buildDocx, buildEpub, chapter, para } from '../fixtures/import/build.ts';

/** The archive with some members replaced (a string), or removed (undefined). */
function withParts(zip: Uint8Array, parts: Record<string, string | undefined>): Uint8Array {
  const files: Zippable = unzipSync(zip);
  for (const [name, text] of Object.entries(parts)) {
    if (text === undefined) delete files[name];
    else files[name] = strToU8(text);
  }
  return zipSync(files, { mtime: new Date('2024-01-01T00:00:00Z') });
}

const fix = 'open it in the program that made it, save it again and import the new copy.';

describe('Word documents', () => {
  const docx = () => buildDocx({ body: para('One paragraph of the essay.'), title: 'An Essay', lang: 'en-GB' });
  const core = (fields: string) =>
    `<?xml version="1.0"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/">${fields}</cp:coreProperties>`;

  test('a zip without word/document.xml is refused, naming the missing part', async () => {
    await expect(importDocx(withParts(docx(), { 'word/document.xml': undefined }), 'texts/essay.docx')).rejects.toThrow(
      `texts/essay.docx: this is not a readable Word document (.docx) (it has no word/document.xml); ${fix}`,
    );
  });

  test('a document.xml mammoth cannot read is refused with the first line of its complaint', async () => {
    const error = await importDocx(withParts(docx(), { 'word/document.xml': '<w:document><w:body>' }), 'texts/torn.docx').catch((e: Error) => e);
    expect(error).toBeInstanceOf(Error);
    const message = (error as Error).message;
    expect(message.startsWith('texts/torn.docx: this is not a readable Word document (.docx) (')).toBe(true);
    expect(message.endsWith(`); ${fix}`)).toBe(true);
    // The complaint itself is mammoth's; it is one line, and more than a letter of it.
    const complaint = message.slice('texts/torn.docx: this is not a readable Word document (.docx) ('.length, -`); ${fix}`.length);
    expect(complaint.length).toBeGreaterThan(10);
    expect(message).not.toContain('\n');
  });

  test('without docProps/core.xml the text is read and nothing is warned about', async () => {
    const document = await importDocx(withParts(docx(), { 'docProps/core.xml': undefined }), 'essay.docx');
    expect(document.warnings).toEqual([]);
    expect(document.title).toBeUndefined();
    expect(document.authors).toEqual([]);
    expect(document.language).toBe('en-GB');
    expect(document.blocks).toHaveLength(1);
  });

  test('a core.xml that is not XML is a warning naming the part, and its fields are skipped', async () => {
    const document = await importDocx(withParts(docx(), { 'docProps/core.xml': '<cp:coreProperties><dc:title>Half' }), 'essay.docx');
    expect(document.warnings).toHaveLength(1);
    expect(document.warnings[0]).toMatch(/^docProps\/core\.xml inside the document could not be read \(.+\); its fields were skipped\.$/);
    expect(document.title).toBeUndefined();
    expect(document.blocks).toHaveLength(1);
  });

  test('authors separated by semicolons, with or without spaces, are one author each', async () => {
    const document = await importDocx(withParts(docx(), { 'docProps/core.xml': core('<dc:creator>Anna Weber;Karl Braun  ;  Lena Roth</dc:creator>') }), 'essay.docx');
    expect(document.authors).toEqual(['Anna Weber', 'Karl Braun', 'Lena Roth']);
  });

  test('the subject stands in for a missing description; a core language beats the styles default', async () => {
    const document = await importDocx(
      withParts(docx(), { 'docProps/core.xml': core('<dc:title>Ein Essay</dc:title><dc:subject>Kleingärten in Leipzig</dc:subject><dc:language>de</dc:language>') }),
      'essay.docx',
    );
    expect(document).toMatchObject({ title: 'Ein Essay', description: 'Kleingärten in Leipzig', language: 'de' });
    expect(document.date).toBeUndefined();
  });

  test('a styles part without a default language leaves the language to the editor', async () => {
    const styles = '<?xml version="1.0"?><w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:docDefaults/></w:styles>';
    const document = await importDocx(withParts(docx(), { 'word/styles.xml': styles }), 'essay.docx');
    expect(document.language).toBeUndefined();
    expect(document.title).toBe('An Essay');
  });
});

describe('EPUB books', () => {
  const CONTAINER = 'META-INF/container.xml';
  const PACKAGE = 'OEBPS/content.opf';
  const epub = () => buildEpub({ title: 'Two Chapters', language: 'en', chapters: [{ file: 'one.xhtml', xhtml: chapter('One', '<p>The first chapter.</p>') }] });
  const refused = (detail: string) => `texts/book.epub: this is not a readable EPUB book (${detail}); ${fix}`;
  const packageOf = (zip: Uint8Array) => new TextDecoder().decode(unzipSync(zip)[PACKAGE]);
  const encryption = (entries: string) =>
    `<?xml version="1.0"?><encryption xmlns="urn:oasis:names:tc:opendocument:xmlns:container" xmlns:enc="http://www.w3.org/2001/04/xmlenc#">${entries}</encryption>`;

  test.each<[string, Record<string, string | undefined>, string]>([
    ['no container', { [CONTAINER]: undefined }, 'META-INF/container.xml is missing'],
    ['a container that is not XML', { [CONTAINER]: '<container><rootfiles>' }, 'META-INF/container.xml is not well-formed XML: 1:22: unclosed tag: rootfiles'],
    ['a container naming no package', { [CONTAINER]: '<?xml version="1.0"?><container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles/></container>' }, 'META-INF/container.xml names no package document'],
    ['no package document', { [PACKAGE]: undefined }, 'OEBPS/content.opf is missing'],
    ['a package document that is not XML', { [PACKAGE]: '<package><metadata>' }, 'OEBPS/content.opf is not well-formed XML: 1:19: unclosed tag: metadata'],
    ['a chapter of the spine missing', { 'OEBPS/one.xhtml': undefined }, 'OEBPS/one.xhtml, listed in the spine, is missing'],
  ])('%s is refused, naming the part', (_case, parts, detail) => {
    expect(() => importEpub(withParts(epub(), parts), 'texts/book.epub')).toThrow(refused(detail));
  });

  test('an encryption.xml that is not XML is ignored: the book is read', () => {
    const document = importEpub(withParts(epub(), { 'META-INF/encryption.xml': '<encryption><enc:EncryptedData>' }), 'book.epub');
    expect(document.blocks.map((b) => b.text)).toEqual(['The first chapter.']);
  });

  test('font obfuscation (IDPF or Adobe) hides no text: a part listed with it is read', () => {
    for (const algorithm of ['http://www.idpf.org/2008/embedding', 'http://ns.adobe.com/pdf/enc#RC']) {
      const entry = `<enc:EncryptedData><enc:EncryptionMethod Algorithm="${algorithm}"/><enc:CipherData><enc:CipherReference URI="OEBPS/one.xhtml"/></enc:CipherData></enc:EncryptedData>`;
      const document = importEpub(withParts(epub(), { 'META-INF/encryption.xml': encryption(entry) }), 'book.epub');
      expect(document.blocks.map((b) => b.text), algorithm).toEqual(['The first chapter.']);
    }
  });

  test('an encrypted part whose method is not named is taken as encrypted', () => {
    const entry = '<enc:EncryptedData><enc:CipherData><enc:CipherReference URI="OEBPS/one.xhtml"/></enc:CipherData></enc:EncryptedData>';
    expect(() => importEpub(withParts(epub(), { 'META-INF/encryption.xml': encryption(entry) }), 'texts/book.epub')).toThrow(
      'texts/book.epub: the book is encrypted (DRM) and its text cannot be read (OEBPS/one.xhtml is encrypted); import a DRM-free copy of the book.',
    );
  });

  test('a spine item whose manifest address has a fragment is read from its file', () => {
    const zip = epub();
    const opf = packageOf(zip).replace('href="one.xhtml"', 'href="one.xhtml#start"');
    const document = importEpub(withParts(zip, { [PACKAGE]: opf }), 'book.epub');
    expect(document.blocks.map((b) => b.text)).toEqual(['The first chapter.']);
  });
  test('the package metadata: main title and subtitle by refinement, authors by role, description without tags, rights with an address, direction', () => {
    const opf = `<?xml version="1.0"?><package xmlns="http://www.idpf.org/2007/opf" version="3.0"><metadata xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:opf="http://www.idpf.org/2007/opf">
      <dc:title id="s">The Subtitle</dc:title><meta refines="#s" property="title-type">subtitle</meta>
      <dc:title id="m">The Main Title</dc:title><meta refines="#m" property="title-type">main</meta>
      <dc:creator opf:role="aut">Ann Author</dc:creator><dc:creator opf:role="edt">Ed Editor</dc:creator><dc:creator id="c3">Bo Writer</dc:creator><meta refines="#c3" property="role">aut</meta><dc:creator>Cy Plain</dc:creator>
      <dc:language>ar</dc:language><dc:date>2001-02-03</dc:date><dc:description>&lt;p&gt;A &lt;b&gt;short&lt;/b&gt; book.&lt;/p&gt;</dc:description>
      <dc:rights>CC BY 4.0, https://creativecommons.org/licenses/by/4.0/</dc:rights><dc:publisher>Example Press</dc:publisher><dc:identifier>urn:isbn:123</dc:identifier><dc:source>https://example.org/book</dc:source>
      </metadata><manifest><item id="c" href="one.xhtml" media-type="application/xhtml+xml"/><item id="css" href="style.css" media-type="text/css"/><item id="nohref" media-type="application/xhtml+xml"/></manifest>
      <spine page-progression-direction="rtl"><itemref idref="css"/><itemref idref="missing"/><itemref idref="nohref"/><itemref idref="c"/></spine></package>`;
    const document = importEpub(withParts(epub(), { [PACKAGE]: opf }), 'book.epub');
    expect(document).toMatchObject({
      title: 'The Main Title',
      subtitle: 'The Subtitle',
      authors: ['Ann Author', 'Bo Writer', 'Cy Plain'],
      language: 'ar',
      date: '2001-02-03',
      description: 'A short book.',
      licence: { name: 'CC BY 4.0, https://creativecommons.org/licenses/by/4.0/', url: 'https://creativecommons.org/licenses/by/4.0/' },
      origin: { url: 'https://example.org/book', title: 'The Main Title', site: 'Example Press' },
      direction: 'rtl',
      omitted: [],
    });
    // The chapter's own language (en) wins over the book's (ar).
    expect(document.blocks).toEqual([{ role: 'paragraph', text: 'The first chapter.', spans: [], lang: 'en' }]);
  });

  test('without refinements the first title is the title; rights without an address have none; a direction that is not rtl or ltr is none', () => {
    const zip = epub();
    const opf = packageOf(zip)
      .replace(/<meta refines="#t1"[^>]*>main<\/meta>/, '')
      .replace('<dc:language>en</dc:language>', '<dc:language>en</dc:language><dc:rights>All rights reserved</dc:rights>')
      .replace('<spine>', '<spine page-progression-direction="default">');
    const document = importEpub(withParts(zip, { [PACKAGE]: opf }), 'book.epub');
    expect(document).toMatchObject({ title: 'Two Chapters', licence: { name: 'All rights reserved', url: undefined } });
    expect(document.direction).toBeUndefined();
    expect(document.subtitle).toBeUndefined();
    expect(document.description).toBeUndefined();
  });

  test('two chapters outside the reading order are counted in the plural', () => {
    const document = importEpub(
      buildEpub({
        title: 'T',
        language: 'en',
        chapters: [
          { file: 'a.xhtml', xhtml: chapter('A', '<p>Read.</p>') },
          { file: 'b.xhtml', xhtml: chapter('B', '<p>Aside one.</p>'), linear: false },
          { file: 'c.xhtml', xhtml: chapter('C', '<p>Aside two.</p>'), linear: false },
        ],
      }),
      'book.epub',
    );
    expect(document.omitted).toEqual(["the book's table of contents (OEBPS/nav.xhtml)", '2 spine items outside the reading order (linear="no")']);
  });
});

describe('zip members', () => {
  test('a member is found whatever the case of its name, and a byte order mark is dropped', async () => {
    const files = unzipSync(buildDocx({ body: para('Text.'), title: 'Cased' }));
    const core = files['docProps/core.xml']!;
    delete files['docProps/core.xml'];
    files['DOCPROPS/Core.XML'] = new Uint8Array([0xef, 0xbb, 0xbf, ...core]);
    const document = await importDocx(zipSync(files), 'cased.docx');
    expect(document.title).toBe('Cased');
    expect(document.warnings).toEqual([]);
  });

  test('only a file starting with the two zip bytes P K is read as a zip', async () => {
    const refusal = (name: string) => `${name}: this is not a readable Word document (.docx) (it is not a zip archive); ${fix}`;
    await expect(importDocx(Uint8Array.from([0x50, 0x00, 3, 4]), 'p.docx')).rejects.toThrow(refusal('p.docx'));
    await expect(importDocx(Uint8Array.from([0x00, 0x4b, 3, 4]), 'k.docx')).rejects.toThrow(refusal('k.docx'));
    // The first bytes of an OLE file only in part: not an encrypted document, just not a zip.
    await expect(importDocx(Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0, 0, 0, 0]), 'half.docx')).rejects.toThrow(refusal('half.docx'));
  });
});
