/**
 * The editorial layer in the reader, as a reader uses it: notes reachable by links without
 * JavaScript, sidenotes beside their passage on wide screens, notes folding open after their
 * phrase on narrow ones, phrase ⇄ note lighting, keyboard round trips, and term popovers.
 * What the page must show comes from the content files, so it holds for whatever the edition
 * contains, and a page that lost its notes or marks fails instead of passing with nothing to test.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { checkEditionFiles } from '../../src/loaders/edition-files.ts';
import { openPage, runAxe, startSession, targetsUnder24px, type Session } from './harness.ts';

const READING = 'partner-state';
const READER = `/read/${READING}/`;

/**
 * What the page must show, from the content files rather than from the page: a page that lost its
 * notes or its glossary marks must fail these tests, not skip them.
 */
const reading = (await checkEditionFiles(process.cwd())).edition.readings.find((r) => r.id === READING)!;
const expectedNotes = reading.notes.map((note) => note.id as string);
/** Headings are left unmarked on purpose (the term recurs in the text below); every other passage is marked. */
const isHeading = (p: object) => (p as { role?: string }).role === 'heading';
const expectedTerms = reading.passages.map((p) => ({
  passage: p.id,
  terms: isHeading(p) ? [] : (reading.termsByPassage.get(p.id as never) ?? []).map((o) => ({ id: o.termId as string, text: o.text })),
}));

describe('notes and glossary terms in the reader', () => {
  let session: Session;
  beforeAll(async () => {
    session = await startSession();
  });
  afterAll(() => session?.close());

  test('the edition has notes and glossary terms in this reading', () => {
    expect(expectedNotes.length).toBeGreaterThan(0);
    expect(expectedTerms.flatMap((p) => p.terms).length).toBeGreaterThan(0);
  });

  test('without JavaScript every note and every definition is reachable by links', async () => {
    const { page, context } = await openPage(session, { javaScriptEnabled: false });
    await page.goto(session.url(READER));
    const markers = await page.$$eval('a.note-ref', (as) =>
      as.flatMap((a) => {
        // A marker shared by notes ending at one place names them all by number and links to the first.
        const heads = [...a.closest('.passage')!.querySelectorAll('.note')].map((n) => [n.querySelector('.note-head')!.textContent!.match(/\d+/)![0], n.id.replace('note-', '')]);
        const numbers = a.getAttribute('aria-label')!.match(/\d+/g)!;
        const ids = numbers.length > 1 ? numbers.map((n) => new Map(heads as [string, string][]).get(n)!) : [a.getAttribute('href')!.replace('#note-', '')];
        return ids.map((id, index) => {
          // What the note links back to: the marker's phrase, or for a whole passage the marker
          // itself or an empty anchor just before it.
          const back = document.getElementById(`ref-${id}`);
          const phraseBefore = back !== a && back?.classList.contains('anno') && back.compareDocumentPosition(a) & Node.DOCUMENT_POSITION_FOLLOWING;
          let anchorBefore = false;
          for (let el = a.previousElementSibling; el && el.matches('span[id]:empty'); el = el.previousElementSibling) anchorBefore ||= el === back;
          return { id, first: index === 0, href: a.getAttribute('href'), label: a.getAttribute('aria-label'), count: ids.length, backIsMarkerOrPhraseBefore: back === a || anchorBefore || Boolean(phraseBefore) };
        });
      }),
    );
    const notes = await page.$$eval('.passage-notes .note', (els) => els.map((el) => el.id.replace('note-', '')));
    // Every note of the edition, one marker each, and each marker ⇄ note pair links both ways.
    expect([...notes].sort()).toEqual([...expectedNotes].sort());
    expect(markers.map((m) => m.id).sort()).toEqual([...expectedNotes].sort());
    for (const marker of markers) {
      const note = page.locator(`#note-${marker.id}`);
      await expect.poll(() => note.isVisible()).toBe(true);
      expect(await note.locator('.note-head a').getAttribute('href')).toBe(`#ref-${marker.id}`);
      expect(marker.backIsMarkerOrPhraseBefore, marker.id).toBe(true);
      // Named "Note 7" (or "Notes 3, 4, 5") by its aria-label; the link holds no text (clean copying).
      expect(marker.label).toMatch(marker.count === 1 ? /^Note \d+$/ : new RegExp(`^Notes \\d+(, \\d+){${marker.count - 1}}$`));
      if (marker.first) expect(marker.href).toBe(`#note-${marker.id}`);
    }
    // Each passage marks the glossary terms the edition finds in it, in order, as links to their entries.
    const marked = await page.$$eval('.passage', (passages) =>
      passages.map((p) => ({
        passage: p.id.replace(/^p-/, ''),
        terms: [...p.querySelectorAll('.passage-text a.term')].map((a) => ({ id: a.getAttribute('href')!.match(/\/glossary\/([^/]+)\/$/)?.[1], text: a.textContent })),
      })),
    );
    expect(marked).toEqual(expectedTerms);
    // Each glossary term is a link to its entry, and the entry exists.
    const termLinks = await page.$$eval('a.term', (as) => as.map((a) => a.getAttribute('href')!));
    for (const href of termLinks) expect(href).toMatch(/\/glossary\/[^/]+\/$/);
    for (const href of new Set(termLinks)) {
      const response = await page.request.get(new URL(href!, page.url()).href);
      expect(response.status(), href!).toBe(200);
    }
    await context.close();
  });

  test('wide screens: each note sits in the margin beside its passage', async () => {
    const { page, context } = await openPage(session, { viewport: { width: 1440, height: 900 } });
    await page.goto(session.url(READER));
    const placements = await page.$$eval('.passage-notes', (asides) =>
      asides.map((aside) => {
        const row = aside.closest('.passage')!;
        // Measured as the reader sees it: rendered, scrolled to (off-screen passages are skipped).
        row.scrollIntoView();
        const text = row.querySelector('.passage-text')!.getBoundingClientRect();
        const box = aside.getBoundingClientRect();
        const rowBox = row.getBoundingClientRect();
        return { id: row.id, right: box.left >= text.right, top: box.top >= rowBox.top - 1, bottom: box.bottom <= rowBox.bottom + 1 };
      }),
    );
    expect(placements.length).toBeGreaterThan(0);
    for (const p of placements) expect(p, p.id).toEqual({ id: p.id, right: true, top: true, bottom: true });
    await context.close();
  });

  test('narrow screens: a marker folds its note open right after the phrase, and closes it again', async () => {
    const { page, context } = await openPage(session, { viewport: { width: 375, height: 800 }, reducedMotion: 'reduce' });
    await page.goto(session.url(READER));
    const marker = page.locator('a.note-ref').first();
    const id = (await marker.getAttribute('href'))!.replace('#note-', '');
    expect(await page.locator(`#note-${id}`).isVisible()).toBe(false);
    expect(await marker.getAttribute('aria-expanded')).toBe('false');
    await marker.click();
    expect(await marker.getAttribute('aria-expanded')).toBe('true');
    const note = page.locator(`#note-${id}`);
    expect(await note.isVisible()).toBe(true);
    expect(await marker.evaluate((a) => a.nextElementSibling?.classList.contains('note-fold'))).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    const violations = await runAxe(page);
    expect(violations, JSON.stringify(violations, null, 2)).toEqual([]);
    await marker.click();
    expect(await marker.getAttribute('aria-expanded')).toBe('false');
    expect(await note.isVisible()).toBe(false);
    // Announced as a button, it answers Space as well as Enter, and Space does not scroll the page.
    await marker.focus();
    const scrolled = await page.evaluate(() => scrollY);
    await page.keyboard.press('Space');
    expect(await marker.getAttribute('aria-expanded')).toBe('true');
    expect(await note.isVisible()).toBe(true);
    expect(await page.evaluate(() => scrollY)).toBe(scrolled);
    await page.keyboard.press('Space');
    expect(await marker.getAttribute('aria-expanded')).toBe('false');
    await page.keyboard.press('Enter');
    expect(await marker.getAttribute('aria-expanded')).toBe('true');
    await context.close();
  });

  test.each([375, 1440])('at %i px every note marker and passage number is a 24 px target that no other target overlaps', async (width) => {
    const { page, context } = await openPage(session, { viewport: { width, height: 900 }, reducedMotion: 'reduce' });
    await page.goto(session.url(READER));
    // Notes that end at one place share one marker, so no two markers crowd each other.
    const misses = await page.locator('.reading-body :is(a.note-ref, a.app-ref, a.passage-number)').evaluateAll(targetsUnder24px);
    expect(misses).toEqual([]);
    await context.close();
  });

  test('at 375 px a marker shared by several notes opens them all in place, in order, and closes them together', async () => {
    const { page, context } = await openPage(session, { viewport: { width: 375, height: 800 }, reducedMotion: 'reduce' });
    await page.goto(session.url(READER));
    const marker = page.locator('a.note-ref[aria-label*=","]').first();
    // Its notes are its passage's notes with the numbers it reads, in its order.
    const ids = await marker.evaluate((a) => {
      const heads = new Map([...a.closest('.passage')!.querySelectorAll('.note')].map((n) => [n.querySelector('.note-head')!.textContent!.match(/\d+/)![0], n.id.replace('note-', '')]));
      return a.getAttribute('aria-label')!.match(/\d+/g)!.map((n) => heads.get(n)!);
    });
    expect(await marker.getAttribute('href')).toBe(`#note-${ids[0]}`);
    expect(ids.length).toBeGreaterThan(1);
    expect(await marker.getAttribute('aria-controls')).toBe(ids.map((id) => `note-${id}`).join(' '));
    await marker.click();
    expect(await marker.getAttribute('aria-expanded')).toBe('true');
    const opened = await marker.evaluate((a) => {
      const found: string[] = [];
      for (let el = a.nextElementSibling; el?.classList.contains('note-fold'); el = el.nextElementSibling) found.push(el.querySelector('.note')!.id);
      return found;
    });
    expect(opened).toEqual(ids.map((id) => `note-${id}`));
    await marker.press('Space');
    expect(await marker.getAttribute('aria-expanded')).toBe('false');
    for (const id of ids) expect(await page.locator(`#note-${id}`).isVisible()).toBe(false);
    await context.close();
  });

  test('hovering or focusing a phrase lights its note, and the other way round', async () => {
    const { page, context } = await openPage(session, { viewport: { width: 1440, height: 900 }, reducedMotion: 'reduce' });
    await page.goto(session.url(READER));
    const phrase = page.locator('.anno[id^="ref-"]').first();
    const id = (await phrase.getAttribute('id'))!.replace('ref-', '');
    await phrase.hover();
    expect(await page.locator(`#note-${id}`).evaluate((el) => el.classList.contains('is-lit'))).toBe(true);
    await page.mouse.move(0, 0);
    expect(await page.locator(`#note-${id}`).evaluate((el) => el.classList.contains('is-lit'))).toBe(false);
    await page.locator(`#note-${id}`).hover();
    expect(await phrase.evaluate((el) => el.classList.contains('is-lit'))).toBe(true);
    await page.mouse.move(0, 0);
    await page.locator(`a.note-ref[href="#note-${id}"]`).focus();
    expect(await page.locator(`#note-${id}`).evaluate((el) => el.classList.contains('is-lit'))).toBe(true);
    await context.close();
  });

  test('keyboard: from a marker to its note and back', async () => {
    const { page, context } = await openPage(session, { viewport: { width: 1440, height: 900 }, reducedMotion: 'reduce' });
    await page.goto(session.url(READER));
    const marker = page.locator('a.note-ref').first();
    const id = (await marker.getAttribute('href'))!.replace('#note-', '');
    await marker.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe(`note-${id}`);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.matches('.note-head a'))).toBe(true);
    await page.keyboard.press('Enter');
    // Back at the phrase (the permalink #ref-…), with the keyboard on its marker again.
    await expect.poll(() => page.evaluate(() => location.hash)).toBe(`#ref-${id}`);
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('href'))).toBe(`#note-${id}`);
    await context.close();
  });

  test('a glossary term shows its definition on keyboard focus and on click; Escape closes it', async () => {
    const { page, context } = await openPage(session, { viewport: { width: 1440, height: 900 }, reducedMotion: 'reduce' });
    await page.goto(session.url(READER));
    const term = page.locator('a.term').first();
    const popover = page.locator('#term-definition');
    await term.scrollIntoViewIfNeeded();
    await term.focus();
    // Programmatic focus is not :focus-visible; reach the term the way a keyboard user does.
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    await expect.poll(() => popover.isVisible()).toBe(true);
    expect(await term.getAttribute('aria-expanded')).toBe('true');
    // Announced: the short definition becomes the link's accessible description.
    const described = await term.getAttribute('aria-describedby');
    expect(await page.locator(`#${described}`).textContent()).toBeTruthy();
    expect(await popover.locator('a[href*="/glossary/"]').count()).toBe(1);
    const violations = await runAxe(page);
    expect(violations, JSON.stringify(violations, null, 2)).toEqual([]);
    await page.keyboard.press('Escape');
    expect(await popover.isVisible()).toBe(false);
    // The term hears of it from the popover's toggle event, a task after it closes.
    await expect.poll(() => term.getAttribute('aria-expanded')).toBe('false');
    // A click opens the definition instead of leaving the page.
    const before = page.url();
    await term.click();
    await expect.poll(() => popover.isVisible()).toBe(true);
    expect(page.url()).toBe(before);
    await page.keyboard.press('Escape');
    expect(await popover.isVisible()).toBe(false);
    await context.close();
  });
});
