/**
 * The saved-web-page importer on small hand-written pages: what the head gives (language, direction,
 * author, date, description, licence, address, site), how the article's heading and byline come
 * back after Readability, which classes survive into the passages, how authors are split, and how
 * the text left outside the article is reported.
 */
import { describe, expect, test } from 'vitest';
import { importHtml } from '../../src/lib/import/html.ts';

/** A page with the given head elements, body and attributes on <html>. */
const page = (head: string, body: string, htmlAttributes = 'lang="en"') =>
  `<!doctype html><html ${htmlAttributes}><head><title>Garden Notes</title>${head}</head><body>${body}</body></html>`;

const ARTICLE = '<article><p>The garden opens at nine and closes at dusk, every day of the week except Sunday.</p></article>';
const OPENING = { role: 'paragraph', text: 'The garden opens at nine and closes at dusk, every day of the week except Sunday.', spans: [], lang: 'en' };

const LONG_PARAGRAPHS = [
  'The garden opens at nine and closes at dusk, every day of the week except Sunday, when the gardeners rest.',
  'In spring the beds along the south wall are planted with early potatoes, broad beans and a row of sweet peas for cutting.',
  'By midsummer the glasshouse is full of tomatoes, and volunteers take turns to water them in the cool of the evening.',
  'In autumn the apples are picked and stored in the shed, and the leaves are raked into the compost bays behind the hedge.',
  'Winter is for mending tools, ordering seed and planning which crops will go where when the ground warms again.',
];
const longText = () => LONG_PARAGRAPHS.map((p) => `<p>${p}</p>`).join('');
const longBlocks = () => LONG_PARAGRAPHS.map((p) => ['paragraph', p]);

describe('language and direction', () => {
  test('a page with nothing in its head records no language, direction, date, description, licence or address', () => {
    const document = importHtml('<!doctype html><html><head><title>Plain</title></head><body><p>Only one short line of text here.</p></body></html>');
    // The fields are left out, not set to undefined, so reading.yaml does not name them.
    expect(Object.keys(document).sort()).toEqual(['authors', 'blocks', 'format', 'omitted', 'title', 'warnings']);
    expect(document.authors).toEqual([]);
    expect(document.blocks).toEqual([{ role: 'paragraph', text: 'Only one short line of text here.', spans: [] }]);
  });

  test('xml:lang on the root gives the language when lang is missing', () => {
    const document = importHtml('<html xml:lang="fr"><head><title>T</title></head><body><p>Le jardin ouvre à neuf heures.</p></body></html>');
    expect(document.language).toBe('fr');
  });

  test.each([
    ['language', 'de', 'Der Garten öffnet um neun.'],
    ['DC.language', 'it', 'Il giardino apre alle nove.'],
  ])('a <meta name="%s"> gives the language, and the passages carry it', (name, code, text) => {
    const document = importHtml(`<html><head><meta name="${name}" content="${code}"><title>T</title></head><body><p>${text}</p></body></html>`);
    expect(document.language).toBe(code);
    expect(document.blocks).toEqual([{ role: 'paragraph', text, spans: [], lang: code }]);
  });

  test('dir on the root gives the direction, in any letter case', () => {
    const document = importHtml(page('', '<p>نص قصير</p>', 'lang="ar" dir="RTL"'));
    expect(document.direction).toBe('rtl');
  });

  test('dir on the body gives the direction when the root has none', () => {
    const document = importHtml('<!doctype html><html lang="en"><head><title>T</title></head><body dir="ltr"><p>Short text.</p></body></html>');
    expect(document.direction).toBe('ltr');
  });

  test('dir="auto" is not a direction and is not recorded', () => {
    const document = importHtml(page('', '<p>Short text.</p>', 'lang="en" dir="auto"'));
    expect(Object.keys(document)).not.toContain('direction');
  });
});

describe('authors', () => {
  test('the author meta wins over a Dublin Core creator', () => {
    // Readability itself prefers dc.creator; the importer reads the plain author first.
    const document = importHtml(page('<meta name="author" content="Ann Smith"><meta name="DC.creator" content="Bob Jones">', ARTICLE));
    expect(document.authors).toEqual(['Ann Smith']);
  });

  test('a Dublin Core creator wins over the author in the page\'s structured data', () => {
    const jsonLd = '<script type="application/ld+json">{"@context":"https://schema.org","@type":"Article","headline":"Garden Notes","author":{"@type":"Person","name":"A. Smith"}}</script>';
    const document = importHtml(page(`<meta name="DC.creator" content="Ann Smith">${jsonLd}`, ARTICLE));
    expect(document.authors).toEqual(['Ann Smith']);
  });

  test.each(['citation_author', 'article:author'])('a <meta name="%s"> gives the author', (name) => {
    const document = importHtml(page(`<meta name="${name}" content="Ann Smith">`, ARTICLE));
    expect(document.authors).toEqual(['Ann Smith']);
  });

  test('an author meta holding only spaces is passed over for the next one', () => {
    const document = importHtml(page('<meta name="citation_author" content="   "><meta name="article:author" content="Ann Smith">', ARTICLE));
    expect(document.authors).toEqual(['Ann Smith']);
  });

  test.each([
    ['Ann Smith; Bob Jones', ['Ann Smith', 'Bob Jones']],
    ['Ann Smith;Bob Jones', ['Ann Smith', 'Bob Jones']],
    ['Ann Smith, Bob Jones', ['Ann Smith', 'Bob Jones']],
    ['Ann Smith,Bob Jones', ['Ann Smith', 'Bob Jones']],
    ['Ann Smith  and  Bob Jones', ['Ann Smith', 'Bob Jones']],
    ['Ann Smith; Bob Jones;', ['Ann Smith', 'Bob Jones']],
    // "Family, Given" is one person: a comma splits only before a name of two words.
    ['Smith, Ann', ['Smith, Ann']],
  ])('the author list "%s" is read as %j', (list, people) => {
    const document = importHtml(page(`<meta name="citation_author" content="${list}">`, ARTICLE));
    expect(document.authors).toEqual(people);
  });
});

describe('date, description, licence, address and site', () => {
  test.each(['article:published_time', 'date', 'DC.date', 'dcterms.created', 'citation_publication_date'])('a <meta name="%s"> gives the date', (name) => {
    const document = importHtml(page(`<meta name="${name}" content="2021-05-04">`, ARTICLE));
    expect(document.date).toBe('2021-05-04');
  });

  test('without a date meta, the first <time datetime> gives the date', () => {
    const document = importHtml(page('', `${ARTICLE}<p>Posted <time datetime="2020-03-01">1 March</time>.</p>`));
    expect(document.date).toBe('2020-03-01');
  });

  test('without a date in the head, the structured data\'s datePublished gives the date', () => {
    const jsonLd = '<script type="application/ld+json">{"@context":"https://schema.org","@type":"Article","headline":"Garden Notes","datePublished":"2019-07-08"}</script>';
    expect(importHtml(page(jsonLd, ARTICLE)).date).toBe('2019-07-08');
  });

  test.each(['description', 'og:description', 'DC.description'])('a <meta name="%s"> gives the description, trimmed', (name) => {
    const document = importHtml(page(`<meta name="${name}" content="  Opening hours of the garden.  ">`, ARTICLE));
    expect(document.description).toBe('Opening hours of the garden.');
  });

  test('a description meta of spaces only is passed over for the next one', () => {
    const document = importHtml(page('<meta name="description" content="  "><meta property="og:description" content="Opening hours.">', ARTICLE));
    expect(document.description).toBe('Opening hours.');
  });

  test('a licence link without a title is named by its address', () => {
    const document = importHtml(page('<link rel="license" href="https://creativecommons.org/licenses/by/4.0/">', ARTICLE));
    expect(document.licence).toEqual({ name: 'https://creativecommons.org/licenses/by/4.0/', url: 'https://creativecommons.org/licenses/by/4.0/' });
  });

  test('a licence link\'s title names the licence', () => {
    const document = importHtml(page('<link rel="license" title="CC BY 4.0" href="https://creativecommons.org/licenses/by/4.0/">', ARTICLE));
    expect(document.licence).toEqual({ name: 'CC BY 4.0', url: 'https://creativecommons.org/licenses/by/4.0/' });
  });

  test('a licence anchor in the text is named by its words', () => {
    const body = '<p>Text of the essay, which is long enough to be the article.</p><p>Licensed <a rel="license" href="https://creativecommons.org/licenses/by/4.0/">CC BY 4.0</a></p>';
    expect(importHtml(page('', body)).licence).toEqual({ name: 'CC BY 4.0', url: 'https://creativecommons.org/licenses/by/4.0/' });
  });

  test.each(['DC.rights', 'dcterms.license', 'rights'])('without a licence link, a <meta name="%s"> names the licence', (name) => {
    const document = importHtml(page(`<meta name="${name}" content="All rights reserved">`, ARTICLE));
    expect(document.licence).toEqual({ name: 'All rights reserved' });
  });

  test('the canonical link gives the address, og:site_name the site', () => {
    const head = '<link rel="canonical" href="https://example.org/notes/garden/"><meta property="og:site_name" content="Garden Club">';
    expect(importHtml(page(head, ARTICLE)).origin).toEqual({ url: 'https://example.org/notes/garden/', title: 'Garden Notes', site: 'Garden Club' });
  });

  test('og:url gives the address and application-name the site when there is no canonical link', () => {
    const head = '<meta property="og:url" content="https://example.org/notes/"><meta name="application-name" content="Garden Club">';
    expect(importHtml(page(head, ARTICLE)).origin).toEqual({ url: 'https://example.org/notes/', title: 'Garden Notes', site: 'Garden Club' });
  });

  test.each([
    ['with spaces, as browsers write it', '<!-- saved from url=(0029)https://example.org/essay/ -->'],
    ['without spaces', '<!--saved from url=(0029)https://example.org/essay/-->'],
  ])('the "saved from" comment %s gives the address', (_, comment) => {
    const document = importHtml(`${comment}\n${page('', ARTICLE)}`);
    expect(document.origin).toEqual({ url: 'https://example.org/essay/', title: 'Garden Notes' });
  });
});

describe('title and the heading Readability drops', () => {
  test('the article\'s h1, not the page title, is the title, and it is not repeated', () => {
    const document = importHtml(page('', '<article><h1>The Garden Year</h1><p>The garden opens at nine in the morning and closes at dusk.</p></article>'));
    expect(document.title).toBe('The Garden Year');
    expect(document.blocks.map((b) => [b.role, b.text])).toEqual([
      ['heading', 'The Garden Year'],
      ['paragraph', 'The garden opens at nine in the morning and closes at dusk.'],
    ]);
  });

  test('an h1 repeating the page title comes back as the first heading, in the page\'s language', () => {
    const document = importHtml('<!doctype html><html lang="en"><head><title>Notice</title></head><body><article><h1>Notice</h1><p>The garden opens at nine.</p></article></body></html>');
    expect(document.blocks).toEqual([
      { role: 'heading', depth: 1, text: 'Notice', spans: [], lang: 'en' },
      { role: 'paragraph', text: 'The garden opens at nine.', spans: [], lang: 'en' },
    ]);
  });

  test('a paragraph with the same words does not stand in for the dropped heading', () => {
    const document = importHtml('<!doctype html><html lang="en"><head><title>Closed</title></head><body><h1>Closed</h1><p>Closed</p><p>The garden is closed today for repairs to the glasshouse.</p></body></html>');
    expect(document.blocks.map((b) => [b.role, b.text])).toEqual([
      ['heading', 'Closed'],
      ['paragraph', 'Closed'],
      ['paragraph', 'The garden is closed today for repairs to the glasshouse.'],
    ]);
  });

  test('a page with only a head takes its title from <title> and has no passages', () => {
    const document = importHtml('<html><head><title>Only a head</title></head></html>');
    expect(document.title).toBe('Only a head');
    expect(document.blocks).toEqual([]);
  });

  test('a page with no title and no text has no title', () => {
    expect(Object.keys(importHtml('<!doctype html><html><head></head><body></body></html>'))).not.toContain('title');
  });
});

describe('byline', () => {
  test('a "By …" byline Readability takes out comes back first, and names the author', () => {
    const document = importHtml(page('', '<article><p class="byline">By Ann Smith</p><p>The garden opens at nine and closes at dusk, every day of the week except Sunday.</p></article>'));
    expect(document.authors).toEqual(['Ann Smith']);
    expect(document.blocks).toEqual([{ role: 'attribution', text: 'By Ann Smith', spans: [], lang: 'en' }, OPENING]);
  });

  test('in a long article, the byline Readability takes out comes back first when there is no heading', () => {
    // Readability removes a byline element only when its first pass finds enough text (500 characters).
    const document = importHtml(page('', `<article><p class="byline">By Ann Smith</p>${longText()}</article>`));
    expect(document.blocks.map((b) => [b.role, b.text])).toEqual([['attribution', 'By Ann Smith'], ...longBlocks()]);
  });

  test('in a long article, the byline Readability takes out comes back under the heading', () => {
    const document = importHtml(page('', `<article><h1>Essay</h1><p class="byline">By Ann Smith</p>${longText()}</article>`));
    expect(document.blocks.map((b) => [b.role, b.text])).toEqual([['heading', 'Essay'], ['attribution', 'By Ann Smith'], ...longBlocks()]);
  });

  test('a heading that is the author\'s name stays a heading', () => {
    const document = importHtml(page('<meta name="author" content="Ann Smith">', `<article><h1>Essay</h1><p>By Ann Smith</p><h2>Ann Smith</h2><p>${OPENING.text}</p></article>`));
    expect(document.blocks.map((b) => [b.role, b.text])).toEqual([
      ['heading', 'Essay'],
      ['attribution', 'By Ann Smith'],
      ['heading', 'Ann Smith'],
      ['paragraph', OPENING.text],
    ]);
  });

  test('a byline that is the only text still comes back', () => {
    const document = importHtml(page('', '<p class="byline">By Ann Smith</p>'));
    expect(document.blocks).toEqual([{ role: 'attribution', text: 'By Ann Smith', spans: [], lang: 'en' }]);
  });

  test('"by" inside a name is not taken for the word "By"', () => {
    const document = importHtml(page('', '<article><h1>Essay</h1><p class="byline">Shelby Foote</p><p>The garden opens at nine and closes at dusk, every day of the week except Sunday.</p></article>'));
    expect(document.authors).toEqual(['Shelby Foote']);
    expect(document.blocks.map((b) => [b.role, b.text])).toEqual([
      ['heading', 'Essay'],
      ['attribution', 'Shelby Foote'],
      ['paragraph', OPENING.text],
    ]);
  });

  test('a paragraph "By …" naming the head\'s author is an attribution, and is not repeated', () => {
    const document = importHtml(page('<meta name="author" content="Ann Smith">', `<article><h1>Essay</h1><p>By Ann Smith</p><p>${OPENING.text}</p></article>`));
    expect(document.blocks.map((b) => [b.role, b.text])).toEqual([
      ['heading', 'Essay'],
      ['attribution', 'By Ann Smith'],
      ['paragraph', OPENING.text],
    ]);
  });

  test('a paragraph that is just the author\'s name is an attribution, even with "by" inside the name', () => {
    const document = importHtml(page('<meta name="author" content="Shelby Foote">', `<article><h1>Essay</h1><p>Shelby Foote</p><p>${OPENING.text}</p></article>`));
    expect(document.blocks.map((b) => [b.role, b.text])).toEqual([
      ['heading', 'Essay'],
      ['attribution', 'Shelby Foote'],
      ['paragraph', OPENING.text],
    ]);
  });

  test('a byline class kept in the article makes its paragraph an attribution; an author named only in the head stays out of the text', () => {
    const document = importHtml(page('<meta name="author" content="Ann Smith">', `<article><h1>Essay</h1><p class="byline">Reported from Lagos</p><p>${OPENING.text}</p></article>`));
    expect(document.authors).toEqual(['Ann Smith']);
    expect(document.blocks).toEqual([
      { role: 'heading', depth: 2, text: 'Essay', spans: [], lang: 'en' },
      { role: 'attribution', text: 'Reported from Lagos', spans: [], lang: 'en' },
      OPENING,
    ]);
  });

  test('an author named only in the head is not a passage, and does not hide words left outside the article', () => {
    const document = importHtml(page('<meta name="author" content="Ann Smith">', `<div>Loose words</div><article><h1>Essay</h1><p>${OPENING.text}</p></article>`));
    expect(document.authors).toEqual(['Ann Smith']);
    expect(document.blocks.map((b) => b.role)).toEqual(['heading', 'paragraph']);
    expect(document.omitted).toEqual(['other text outside the main article, as Readability judged it (2 words)']);
  });
});

describe('classes kept through Readability', () => {
  // Whitman's first lines are too long to pass for verse by their length: only the class says so.
  const poem = (name: string) =>
    `<div class="${name}"><p>Have you reckon'd a thousand acres much? have you reckon'd the earth much?<br>Have you practis'd so long to learn to read?</p>` +
    "<p>Stop this day and night with me and you shall possess the origin of all poems,<br>You shall possess the good of the earth and sun.</p></div>";

  test.each(['poem', 'poetry', 'verse'])('a long-lined poem in class "%s" is verse, a stanza for each paragraph', (name) => {
    const document = importHtml(page('', poem(name)));
    expect(document.blocks).toEqual([
      { role: 'verse', text: "Have you reckon'd a thousand acres much? have you reckon'd the earth much?\nHave you practis'd so long to learn to read?", spans: [], lang: 'en' },
      { role: 'verse', text: 'Stop this day and night with me and you shall possess the origin of all poems,\nYou shall possess the good of the earth and sun.', spans: [], lang: 'en' },
    ]);
  });

  test('a long-lined stanza in class "stanza" is one verse passage', () => {
    const document = importHtml(page('', poem('stanza')));
    expect(document.blocks).toEqual([
      {
        role: 'verse', spans: [], lang: 'en',
        text: "Have you reckon'd a thousand acres much? have you reckon'd the earth much?\nHave you practis'd so long to learn to read?\nStop this day and night with me and you shall possess the origin of all poems,\nYou shall possess the good of the earth and sun.",
      },
    ]);
  });

  test('small capitals by class "sc", "small-caps" or "smallcaps" are marked', () => {
    const document = importHtml(page('', '<p>The <span class="sc">Lord</span> spoke in <span class="small-caps">Anno</span> and <span class="smallcaps">Domini</span>.</p>'));
    expect(document.blocks).toEqual([
      {
        role: 'paragraph', text: 'The Lord spoke in Anno and Domini.', lang: 'en',
        spans: [{ start: 4, end: 8, style: 'small-caps' }, { start: 18, end: 22, style: 'small-caps' }, { start: 27, end: 33, style: 'small-caps' }],
      },
    ]);
  });
});

describe('what is left out', () => {
  test.each([
    ['script', '<script>var one = two;</script>'],
    ['style sheet', '<style>p { color: red }</style>'],
    ['template', '<template><p>hidden words here</p></template>'],
  ])('the words of a %s in the body are not counted as text outside the article', (_, element) => {
    const document = importHtml(page('', `<article><h1>Notice</h1><p>The garden opens at nine.</p></article>${element}`));
    expect(document.omitted).toEqual([]);
  });

  test('loose words outside the article are counted', () => {
    const document = importHtml(page('', `<div>Loose words</div>${ARTICLE}`));
    expect(document.omitted).toEqual(['other text outside the main article, as Readability judged it (2 words)']);
  });

  test('a banner holding a navigation and a form is reported once, naming both', () => {
    const body = '<header><nav><a href="/">Home</a></nav><form><input name="q"> Search the site</form></header><article><h1>Essay</h1><p>The garden opens at nine and closes at dusk.</p></article>';
    expect(importHtml(page('', body)).omitted).toEqual(["the page's banner, with its navigation and form (4 words)"]);
  });

  test('a header kept in the article is not reported, though its paragraphs run together in its raw text', () => {
    const body = '<article><header><p>The garden opens at nine in the morning and closes at dusk, they say.</p><p>Every day.</p></header><p>The garden opens at nine and closes at dusk, every day of the week except Sunday, when it is shut for the gardeners to rest.</p></article>';
    const document = importHtml(page('', body));
    expect(document.blocks).toHaveLength(3);
    expect(document.omitted).toEqual([]);
  });

  test('a landmark that opens with the article\'s words but goes on with its own is reported', () => {
    const second = 'The beds are dug in March and sown in April, when the soil is warm enough for seeds.';
    const footer = `<footer><p>${OPENING.text} Write to us.</p><p>Contact the garden committee</p></footer>`;
    const document = importHtml(page('', `<article><h1>Essay</h1><p>${OPENING.text}</p><p>${second}</p></article>${footer}`));
    expect(document.omitted).toEqual(["the page's footer (23 words)"]);
  });

  test('a navigation inside the article is reported once, as the page\'s; its images still are', () => {
    const body = '<footer>Contact us here</footer><article><h1>Essay</h1><p>The garden opens at nine and closes at dusk.</p><nav><a href="/a">Next page</a></nav><img src="a.png"></article>';
    expect(importHtml(page('', body)).omitted).toEqual(["the page's navigation (2 words)", "the page's footer (3 words)", 'images (1)']);
  });

  test('a navigation in the article whose words are the article\'s is reported by the article walk, beside another landmark', () => {
    const body = '<footer>Contact us here</footer><article><h1>Essay</h1><p>The garden opens at nine and closes at dusk.</p><nav><a href="#top">Essay</a></nav></article>';
    expect(importHtml(page('', body)).omitted).toEqual([
      "the page's footer (3 words)",
      'other text outside the main article, as Readability judged it (1 word)',
      'navigation (1)',
    ]);
  });
});
