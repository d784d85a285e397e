/**
 * The reader's overlays as a person sees them, at 375 and 1440 px, light and dark: the selection
 * toolbar, a note folded open after its phrase (or lit in the margin on a wide screen) and a term's
 * definition popover. Each state is checked to be showing, on the colours of its theme, inside
 * the screen and clear of the focused control, then saved to tests/.output/screenshots/ for a
 * person to look at.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openPage, startSession, type Session } from './harness.ts';
import { READER_PATH, poll, selectPhrase, toolsReady } from './reader-tools-helpers.ts';

const SHOTS = path.resolve('tests/.output/screenshots');
const PAPER = { light: 'rgb(251, 248, 242)', dark: 'rgb(23, 20, 18)' } as const;

/** The overlay's box lies inside the screen, and its background is the theme's paper. */
async function expectShownOnTheme(page: Page, overlay: Locator, scheme: keyof typeof PAPER) {
  await poll(() => overlay.isVisible()).toBe(true);
  const { box, background } = await overlay.evaluate((el) => ({ box: el.getBoundingClientRect().toJSON() as DOMRect, background: getComputedStyle(el).backgroundColor }));
  const screen = page.viewportSize()!;
  expect(box.left).toBeGreaterThanOrEqual(0);
  expect(box.right).toBeLessThanOrEqual(screen.width);
  expect(box.top).toBeGreaterThanOrEqual(0);
  expect(box.bottom).toBeLessThanOrEqual(screen.height);
  expect(background).toBe(PAPER[scheme]);
}

/** The element with focus is not under anything else at its centre (WCAG 2.4.11). */
const focusedIsUncovered = (page: Page) =>
  page.evaluate(() => {
    const focused = document.activeElement as HTMLElement;
    const box = focused.getBoundingClientRect();
    const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
    return hit !== null && (focused === hit || focused.contains(hit));
  });

describe('overlays at both widths, in both themes', () => {
  let session: Session;
  beforeAll(async () => {
    session = await startSession();
    mkdirSync(SHOTS, { recursive: true });
  });
  afterAll(() => session?.close());

  test.each([
    [375, 'light'],
    [375, 'dark'],
    [1440, 'light'],
    [1440, 'dark'],
  ] as const)('at %i px, %s: the toolbar, a note and a definition, each shown and saved', async (width, scheme) => {
    const narrow = width < 1100;
    const { page, context } = await openPage(session, { viewport: { width, height: narrow ? 812 : 900 }, colorScheme: scheme, reducedMotion: 'reduce', hasTouch: narrow, isMobile: narrow });
    await page.goto(session.url(READER_PATH));
    await toolsReady(page);
    const shot = (state: string) => page.screenshot({ path: path.join(SHOTS, `reader-${state}-${width}-${scheme}.png`) });

    // The selection toolbar, for words chosen with a finger on a phone, with a mouse on a wide screen.
    await page.locator('#p-kleiner-venture-communism .passage-text').evaluate((el) => scrollBy(0, el.getBoundingClientRect().top - 150));
    // The finger or mouse that selects: pressed on the speaker's name, which is not a control.
    const speaker = page.locator('#p-kleiner-venture-communism .speaker-tag');
    if (narrow) await speaker.tap();
    else await speaker.click();
    await selectPhrase(page, 'kleiner-venture-communism', 'theater of struggle');
    await expectShownOnTheme(page, page.locator('.selection-tools'), scheme);
    await shot('toolbar');
    await page.evaluate(() => getSelection()!.removeAllRanges());
    await poll(() => page.locator('.selection-tools').isVisible()).toBe(false);

    // A note: folded open after its phrase on a phone, lit beside its passage on a wide screen.
    const marker = page.locator('#p-kleiner-venture-communism a.note-ref').first();
    const noteId = (await marker.getAttribute('href'))!.slice(1);
    await marker.focus();
    if (narrow) await page.keyboard.press('Enter');
    const note = page.locator(`[id="${noteId}"]`);
    await poll(() => note.isVisible()).toBe(true);
    if (narrow) expect(await marker.getAttribute('aria-expanded')).toBe('true');
    else expect(await note.evaluate((el) => el.classList.contains('is-lit'))).toBe(true);
    expect(await focusedIsUncovered(page)).toBe(true);
    await shot('note');
    if (narrow) await page.keyboard.press('Enter');

    // A term's definition, opened by the keyboard.
    const term = page.locator('#p-kleiner-venture-communism a.term').first();
    await term.focus();
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    const popover = page.locator('#term-definition');
    await poll(() => popover.evaluate((el) => el.matches(':popover-open'))).toBe(true);
    await expectShownOnTheme(page, popover, scheme);
    expect(await focusedIsUncovered(page)).toBe(true);
    await shot('definition');
    await context.close();
  });
});
