/**
 * Shared annotation layers in Chromium, on the base fixture with two layers (tests/fixtures/layers):
 * a Hypothesis group export (a thread of replies, tags, a quote placed by its position, an orphan
 * and a hostile body) and a reader's "My notes" export. The layer's page without JavaScript, the
 * layers on the reading page (shown by default, switched in Display with the keyboard,
 * remembered), search with the Layer facet landing on the passage, the JSON-LD export, axe.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { makeFixture, runBuild, type Fixture } from '../fixtures/fixture-site.ts';
import { addLayers } from '../fixtures/layers-fixture.ts';
import { openPage, runAxe, startSession, type PageRecord, type Session } from './harness.ts';
import { poll } from './reader-tools-helpers.ts';

/** Screenshots of a layer shown on the reading, kept for a person to look at. */
const SHOTS = path.resolve('tests/.output/layers');
let fixture: Fixture;
let session: Session;

beforeAll(async () => {
  fixture = addLayers(makeFixture('layers-browser'));
  const built = await runBuild(fixture);
  if (built.code !== 0) throw new Error(`the layers fixture did not build:\n${built.stderr}`);
  // Orphans are warned in the build output, each with its file, id and quote.
  expect(built.stdout + built.stderr).toContain(
    'annotations/sample/layers/seminar/group-export.json: annotation e9Nn5mIIEe-Uu3dX1mC8Kb \u201Cthe market state withers\u201D does not anchor',
  );
  // Each thread is a search record of its own (3 on the text and a page note of the seminar, 2 of Maria's notes).
  expect(built.stdout).toMatch(/Search index: 4 passages and 4 notes as \d+ documents, 6 layer threads, 5 pages/);
  session = await startSession({ root: fixture.file('dist'), base: '/' });
  mkdirSync(SHOTS, { recursive: true });
}, 180_000);
afterAll(() => session?.close());

const clean = (record: PageRecord) =>
  expect([...record.pageErrors, ...record.consoleErrors, ...record.cspViolations, ...record.foreignRequests, ...record.navigationsAway]).toEqual([]);

describe("a layer's own page", () => {
  test('without JavaScript: threads with authors, dates, tags and replies, linked to their passages; the orphan with its file, id and quote', async () => {
    const { page, record } = await openPage(session, { javaScriptEnabled: false });
    await page.goto(session.url('/read/sample/layers/seminar/'));
    expect(await page.locator('h1').innerText()).toBe('Seminar discussion');
    expect(await page.locator('.layer-facts').innerText()).toContain('Each member agreed to publish their annotations with the edition, under CC BY 4.0.');
    const first = page.locator('.layer-threads .layer-annotation').first();
    expect(await first.locator('.layer-quote').innerText()).toBe('protects the commons');
    expect(await first.locator(':scope > .layer-meta').innerText()).toBe('Amara N., 20 January 2027');
    expect(await first.locator(':scope > .layer-tags').innerText()).toBe('Tags: question, week 2');
    expect(await first.locator('.layer-where a').getAttribute('href')).toBe('/read/sample/#p-definition');
    expect(await first.locator('.layer-reply .layer-meta').allInnerTexts()).toEqual(['jo_k replying to Amara N., 20 January 2027', 'Amara N. replying to jo_k, 21 January 2027']);
    // The quote that is in the text twice went where its position pointed: the list.
    expect(await page.locator('#a-dX0m4mIHEe-Rr2cW8nB7Ja .layer-where a').getAttribute('href')).toBe('/read/sample/#p-needs');
    expect(await page.locator('.layer-summary').innerText()).toMatch(/^3 threads on the text, 1 note on the whole reading, 1 annotation that no longer anchors\./);
    expect(await page.locator('.layer-page-notes .layer-body').innerText()).toBe('Page note for Tuesday: which passage did you find hardest, and why?');
    const orphan = page.locator('.layer-orphans .layer-orphan');
    expect(await orphan.count()).toBe(1);
    expect(await orphan.locator('.layer-orphan-why').innerText()).toBe(
      'Not placed: \u201Cthe market state withers\u201D is not in the text. From annotations/sample/layers/seminar/group-export.json, annotation e9Nn5mIIEe-Uu3dX1mC8Kb.',
    );
    expect(await orphan.locator('.layer-quote').innerText()).toBe('the market state withers');
    clean(record);
  });

  test('a hostile annotation is words: no script, no image, no javascript: link; its author and tags are text', async () => {
    const { page, record } = await openPage(session);
    await page.goto(session.url('/read/sample/layers/seminar/'), { waitUntil: 'networkidle' });
    const hostile = page.locator('#a-f4Hh6mIJEe-Vv4eY2lD9Lc');
    expect(await hostile.locator('.layer-body').innerText()).toContain('<script>alert(1)</script>');
    expect(await hostile.locator('script, img, [onerror]').count()).toBe(0);
    expect(await hostile.locator('a[href^="javascript"]').count()).toBe(0);
    expect(await hostile.locator('.layer-author').innerText()).toBe('<b>Mallory</b>');
    expect(await hostile.locator('.layer-tag').innerText()).toBe('<i>x</i>');
    clean(record);
  });

  test('the layer downloads as a W3C AnnotationCollection, replies targeting what they answer', async () => {
    const { page, record } = await openPage(session);
    await page.goto(session.url('/read/sample/layers/seminar/'));
    const href = await page.locator('a[download]').getAttribute('href');
    expect(href).toBe('/read/sample/layers/seminar.jsonld');
    const response = await page.request.get(session.url(href!));
    expect(response.headers()['content-type']).toContain('application/ld+json');
    const collection = await response.json();
    expect(collection).toMatchObject({ '@context': 'http://www.w3.org/ns/anno.jsonld', type: 'AnnotationCollection', label: 'Seminar discussion', total: 7 });
    const reply = collection.first.items.find((item: { id: string }) => item.id === 'https://hypothes.is/a/b7Yw2mIFEe-kkQ9oVZ3xUw');
    expect(reply).toMatchObject({ motivation: 'replying', target: 'https://hypothes.is/a/Zk3qv2mIEe-9aLrB1cQ0nA', creator: { name: 'jo_k' } });
    const notes = await (await page.request.get(session.url('/read/sample/layers/my-notes.jsonld'))).json();
    expect(notes.first.items.map((item: { creator: { name: string } }) => item.creator.name)).toEqual(['Maria O.', 'Maria O.', 'Maria O.']);
    clean(record);
  });

  test('axe finds nothing on the layer page', async () => {
    const { page } = await openPage(session);
    await page.goto(session.url('/read/sample/layers/seminar/'), { waitUntil: 'networkidle' });
    expect(await runAxe(page)).toEqual([]);
  });
});

describe('layers on the reading page', () => {
  test('without JavaScript the reading links its layers and shows none of their annotations', async () => {
    const { page } = await openPage(session, { javaScriptEnabled: false });
    await page.goto(session.url('/read/sample/'));
    expect(await page.locator('.layer-links a').allInnerTexts()).toEqual(["Maria's reading notes", 'Seminar discussion']);
    expect(await page.locator('.layer-annotation').count()).toBe(0);
  });

  test('a shown-by-default layer is there, highlighted; switched in Display with the keyboard, remembered; axe clean', async () => {
    const { page, record } = await openPage(session);
    await page.goto(session.url('/read/sample/'), { waitUntil: 'networkidle' });
    const seminar = page.locator('#p-definition .layer-notes[data-layer="seminar"]');
    await poll(() => seminar.count()).toBe(1);
    expect(await seminar.getAttribute('aria-label')).toBe('Seminar discussion, passage 2');
    expect(await seminar.locator(':scope > .layer-annotation > .layer-meta .layer-author').allInnerTexts()).toEqual(['Amara N.', '<b>Mallory</b>']);
    expect(await page.locator('#p-needs .layer-notes .layer-author').allInnerTexts()).toEqual(['Li Wei']);
    expect(await page.locator('.layer-notes[data-layer="my-notes"]').count()).toBe(0);
    // A range's text without the editorial note markers inside it ("Note 2"), which are not the passage's words.
    const highlighted = () =>
      page.evaluate(() => [...(CSS.highlights.get('ar-layer') ?? [])].map((range) => (range as Range).toString().replace(/Note \d+/g, '')));
    expect((await highlighted()).sort()).toEqual(['protects the commons', 'the commons', 'the state enables them']);
    expect(await runAxe(page)).toEqual([]);
    await page.locator('#p-definition').screenshot({ path: path.join(SHOTS, 'reading-1280.png') });

    // Display, by keyboard: Tab to the button, open it, Tab to the layer switches, Space.
    const button = page.locator('.settings-button');
    await button.focus();
    await page.keyboard.press('Enter');
    const maria = page.getByRole('checkbox', { name: "Maria's reading notes" });
    const seminarSwitch = page.getByRole('checkbox', { name: 'Seminar discussion' });
    await poll(() => maria.isVisible()).toBe(true);
    expect(await seminarSwitch.isChecked()).toBe(true);
    expect(await maria.isChecked()).toBe(false);
    for (let tabs = 0; tabs < 30 && !(await maria.evaluate((el) => el === document.activeElement)); tabs++) await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    await poll(() => page.locator('#p-definition .layer-notes[data-layer="my-notes"] .layer-author').allInnerTexts()).toEqual(['Maria O.']);
    // Two layers on one passage, one after the other, neither over the other.
    const [first, second] = await Promise.all(['seminar', 'my-notes'].map((id) => page.locator(`#p-definition .layer-notes[data-layer="${id}"]`).boundingBox()));
    expect(second!.y).toBeGreaterThanOrEqual(first!.y + first!.height);
    expect(await page.locator('#p-reference .layer-notes[data-layer="my-notes"] .layer-body').innerText()).toBe('Highlighted.');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    await poll(() => page.locator('.layer-notes[data-layer="seminar"]').count()).toBe(0);
    expect((await highlighted()).sort()).toEqual(['Kostakis and Bauwens', 'The commons are shared']);
    expect(await runAxe(page)).toEqual([]);

    await page.reload({ waitUntil: 'networkidle' });
    await poll(() => page.locator('.layer-notes[data-layer="my-notes"]').count()).toBe(2);
    expect(await page.locator('.layer-notes[data-layer="seminar"]').count()).toBe(0);
    clean(record);
  });
});

test('on a phone the threads follow their passage in the one column, inside the screen; axe clean', async () => {
  const { page, record } = await openPage(session, { viewport: { width: 375, height: 800 } });
  await page.goto(session.url('/read/sample/'), { waitUntil: 'networkidle' });
  const notes = page.locator('#p-definition .layer-notes');
  await poll(() => notes.count()).toBe(1);
  const [text, box] = await Promise.all([page.locator('#p-definition .passage-text').boundingBox(), notes.boundingBox()]);
  expect(box!.y).toBeGreaterThanOrEqual(text!.y + text!.height);
  expect(box!.x).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width).toBeLessThanOrEqual(375);
  await page.locator('#p-definition').screenshot({ path: path.join(SHOTS, 'reading-375.png') });
  expect(await runAxe(page)).toEqual([]);
  clean(record);
});

describe('search', () => {
  test('a layer annotation is a result with its Layer facet, landing on its passage', async () => {
    const { page, record } = await openPage(session);
    await page.goto(session.url('/search/?q=Ostrom'), { waitUntil: 'networkidle' });
    const result = page.locator('.search-result--layer');
    await poll(() => result.count()).toBe(1);
    const href = await result.locator('a').first().getAttribute('href');
    expect(href).toMatch(/^\/read\/sample\/\?layer=seminar&thread=a-Zk3qv2mIEe-9aLrB1cQ0nA[&?]highlight=ostrom#p-definition$/);
    // The result lands on the passage with the layer shown, even for a reader who switched it off.
    await page.evaluate(() => localStorage.setItem('ar-layers', JSON.stringify({ 'sample/seminar': 'off' })));
    await page.goto(session.url(href!), { waitUntil: 'networkidle' });
    await poll(() => page.locator('#p-definition .layer-notes[data-layer="seminar"]').count()).toBe(1);
    expect(await page.evaluate(() => location.hash)).toBe('#p-definition');
    // A page note is not on the reading page: its result lands on the layer's page, on the note.
    await page.goto(session.url('/search/?q=hardest'), { waitUntil: 'networkidle' });
    await poll(() => page.locator('.search-result--layer a').first().getAttribute('href')).toBe('/read/sample/layers/seminar/?highlight=hardest#a-g2Kk7mIKEe-Ww5fZ3mE0Md');
    await page.goto(session.url('/search/?q=commons'), { waitUntil: 'networkidle' });
    await poll(() => page.locator('.search-facet--kind input[value="layer"]').count()).toBe(1);
    expect(await page.locator('.search-facet--kind label', { hasText: 'Shared annotations' }).count()).toBe(1);
    await poll(() => page.locator('.search-facet--layer input').evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value))).toEqual(["Maria's reading notes", 'Seminar discussion']);
    await page.check('.search-facet--layer input[value="Seminar discussion"]');
    // The old list stays on screen until the filtered search answers, so wait for the list to change.
    await poll(async () => ({
      layer: (await page.locator('.search-result--layer').count()) > 0,
      others: await page.locator('.search-result:not(.search-result--layer)').count(),
    })).toEqual({ layer: true, others: 0 });
    clean(record);
  });
});
