/**
 * WCAG 2.4.11 Focus Not Obscured: walking the reader by Tab alone, every element that takes focus
 * is visible at its centre: not under the sticky header, a term's definition, the Display panel or
 * the passage toolbar. Overlays opened on the way (a term's definition opens on keyboard focus, the
 * toolbar opens from a passage number) must close or step aside when focus moves on.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { openPage, startSession, type Session } from './harness.ts';
import { READER_PATH, poll, toolsReady } from './reader-tools-helpers.ts';

/**
 * After a Tab: whether the focused element was focused before in this walk (the walk has gone
 * round), and otherwise, looking as a person would once the page has scrolled to it and drawn it,
 * what covers it at its centre (null when it is the element itself or inside it). One round trip
 * per stop: the walk visits several hundred.
 */
const inspectFocus = (page: Page) =>
  page.evaluate(async () => {
    const seen = ((window as unknown as { __walked?: WeakSet<Element> }).__walked ??= new WeakSet());
    const focused = document.activeElement;
    if (!focused || focused === document.body) return { again: false, cover: null };
    if (seen.has(focused)) return { again: true, cover: null };
    seen.add(focused);
    // Until the focused element has kept its place for three frames (passages off screen take
    // their real size as they come near, which moves what follows them), at most a second.
    await new Promise<void>((done) => {
      let last = '';
      let still = 0;
      let frames = 0;
      const check = () => {
        const box = focused.getBoundingClientRect();
        const place = `${box.top},${box.left}`;
        still = place === last ? still + 1 : 0;
        last = place;
        if (still >= 3 || ++frames > 60) done();
        else requestAnimationFrame(check);
      };
      requestAnimationFrame(check);
    });
    // A link broken over two lines has its centre between them: take its first line's box.
    const box = focused.getClientRects()[0] ?? focused.getBoundingClientRect();
    // Hidden or zero-size stops (a skip link before it is shown) have nothing to cover.
    if (box.width === 0 || box.height === 0) return { again: false, cover: null };
    const x = Math.min(Math.max(box.left + box.width / 2, 0), innerWidth - 1);
    const y = Math.min(Math.max(box.top + box.height / 2, 0), innerHeight - 1);
    const hit = document.elementFromPoint(x, y);
    if (!hit || focused.contains(hit) || hit.contains(focused)) return { again: false, cover: null };
    // A label or its text covering its own control is the control.
    if (hit.closest('label')?.contains(focused)) return { again: false, cover: null };
    const describe = (el: Element) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.className && typeof el.className === 'string' ? `.${el.className.split(/\s+/).join('.')}` : ''}`;
    const at = `at ${Math.round(x)},${Math.round(y)} of ${innerWidth}x${innerHeight}`;
    return { again: false, cover: `${describe(focused)} "${(focused.textContent ?? '').trim().slice(0, 30)}" ${at} under ${describe(hit.closest('[popover], header, .selection-tools, dialog') ?? hit)} (${describe(hit)})` };
  });

describe('focus is never hidden while walking the reader by keyboard', () => {
  let session: Session;
  beforeAll(async () => {
    session = await startSession();
  });
  afterAll(() => session?.close());

  test.each([
    ['a phone', { width: 375, height: 812 }],
    ['a wide screen', { width: 1440, height: 900 }],
  ])('on %s, every Tab stop of the reader is visible at its centre', async (_name, viewport) => {
    const { page, context } = await openPage(session, { viewport, reducedMotion: 'reduce' });
    await page.goto(session.url(READER_PATH));
    await toolsReady(page);
    const covered: string[] = [];
    let stops = 0;
    for (; stops < 1500; stops++) {
      await page.keyboard.press('Tab');
      const { again, cover } = await inspectFocus(page);
      // Back at a stop already visited: the walk went round the whole page.
      if (again) break;
      if (cover) covered.push(cover);
    }
    // The walk reached the end of the page: the reader has many stops (passage numbers, markers, terms).
    expect(stops).toBeGreaterThan(100);
    expect(stops).toBeLessThan(1500);
    expect(covered).toEqual([]);
    await context.close();
  });

  test('a term definition closes, and its term says so, when focus moves on', async () => {
    const { page, context } = await openPage(session, { viewport: { width: 1440, height: 900 } });
    await page.goto(session.url(READER_PATH));
    await toolsReady(page);
    const terms = page.locator('.reading-body a.term');
    const first = terms.nth(0);
    await first.focus();
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    const popover = page.locator('#term-definition');
    await poll(() => popover.evaluate((el) => el.matches(':popover-open'))).toBe(true);
    expect(await first.getAttribute('aria-expanded')).toBe('true');
    // Tab into the definition's own link, then on past it.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.closest('#term-definition') !== null)).toBe(true);
    await page.keyboard.press('Tab');
    await poll(() => popover.evaluate((el) => el.matches(':popover-open'))).toBe(false);
    expect(await first.getAttribute('aria-expanded')).toBe('false');
    expect(await first.getAttribute('aria-describedby')).toBeNull();
    // Walking on by Tab through five terms: only the one with focus is expanded and described.
    const visited: number[] = [];
    for (let step = 0; step < 400 && visited.length < 5; step++) {
      await page.keyboard.press('Tab');
      const index = await terms.evaluateAll((els) => els.indexOf(document.activeElement as HTMLAnchorElement));
      if (index < 0 || visited.includes(index)) continue;
      visited.push(index);
      await poll(() => terms.nth(index).getAttribute('aria-expanded')).toBe('true');
      const states = await terms.evaluateAll((els, indexes) => indexes.map((i) => [els[i]!.getAttribute('aria-expanded'), els[i]!.getAttribute('aria-describedby') !== null]), visited);
      expect(states).toEqual(visited.map((i) => (i === index ? ['true', true] : ['false', false])));
    }
    expect(visited.length).toBe(5);
    await context.close();
  });

  test('the Display panel and the passage toolbar close when focus moves on past them', async () => {
    const { page, context } = await openPage(session, { viewport: { width: 375, height: 812 } });
    await page.goto(session.url(READER_PATH));
    await toolsReady(page);
    const display = page.getByRole('button', { name: 'Display' });
    await display.focus();
    await page.keyboard.press('Enter');
    // Found by its place, not its role: a closed panel is out of the accessibility tree.
    const panel = page.locator('ar-settings [popover]');
    await poll(() => panel.isVisible()).toBe(true);
    expect(await panel.locator('h2').textContent()).toBe('Reading settings');
    // Through every control of the panel and out of it.
    const insidePanel = () => panel.evaluate((el) => el.contains(document.activeElement));
    await page.keyboard.press('Tab');
    expect(await insidePanel()).toBe(true);
    for (let step = 0; step < 60 && (await insidePanel()); step++) await page.keyboard.press('Tab');
    expect(await insidePanel()).toBe(false);
    await poll(() => panel.isVisible()).toBe(false);
    expect((await inspectFocus(page)).cover).toBeNull();

    const number = page.locator('.reading-body .passage-number').nth(2);
    await number.focus();
    await page.keyboard.press('Enter');
    const bar = page.locator('.selection-tools');
    await poll(() => bar.isVisible()).toBe(true);
    await page.keyboard.press('Tab');
    expect(await bar.evaluate((el) => el.contains(document.activeElement))).toBe(true);
    for (let step = 0; step < 10 && (await bar.evaluate((el) => el.contains(document.activeElement))); step++) await page.keyboard.press('Tab');
    await poll(() => bar.isVisible()).toBe(false);
    expect((await inspectFocus(page)).cover).toBeNull();
    await context.close();
  });

  test('Enter on a term follows its link to the glossary entry', async () => {
    const { page, context } = await openPage(session, { viewport: { width: 1440, height: 900 } });
    await page.goto(session.url(READER_PATH));
    await toolsReady(page);
    const term = page.locator('.reading-body a.term').first();
    const href = await term.getAttribute('href');
    await term.focus();
    await page.keyboard.press('Enter');
    await poll(() => page.url()).toBe(new URL(href!, page.url()).href);
    await context.close();
  });
});
