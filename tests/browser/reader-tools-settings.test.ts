import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { openPage, renderedTexts, runAxe, startSession, type Session } from './harness.ts';
import { READER_PATH, poll, toolsReady } from './reader-tools-helpers.ts';

const DARK_PAPER = 'rgb(23, 20, 18)';
const LIGHT_PAPER = 'rgb(251, 248, 242)';

describe('reading settings and the print handout', () => {
  let session: Session;
  beforeAll(async () => {
    session = await startSession();
  });
  afterAll(() => session?.close());

  /** Records, in the first animation frame (before the first paint), the theme the page has. */
  const recordFirstFrame = (page: Page) =>
    page.addInitScript(() => {
      requestAnimationFrame(() => {
        const root = document.documentElement;
        (window as any).__firstFrame = {
          theme: root.getAttribute('data-ar-theme'),
          size: root.getAttribute('data-ar-size'),
          paper: document.body ? getComputedStyle(document.body).backgroundColor : 'no body yet',
        };
      });
    });

  const openSettings = async (page: Page) => {
    await page.getByRole('button', { name: 'Display' }).click();
    const panel = page.getByRole('dialog', { name: 'Reading settings' });
    await poll(() => panel.isVisible()).toBe(true);
    return panel;
  };

  test('without JavaScript the page follows the system theme and offers no dead controls', async () => {
    for (const [scheme, paper] of [['dark', DARK_PAPER], ['light', LIGHT_PAPER]] as const) {
      const { page, context } = await openPage(session, { javaScriptEnabled: false, colorScheme: scheme });
      await page.goto(session.url(READER_PATH));
      expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(paper);
      expect(await page.getByRole('button', { name: 'Display' }).count()).toBe(0);
      expect(await page.locator('[data-tool]').evaluateAll((els) => els.filter((el) => (el as HTMLElement).offsetParent !== null).length)).toBe(0);
      expect(await page.getByRole('link', { name: 'Cite', exact: true }).isVisible()).toBe(true);
      expect(await page.getByRole('link', { name: 'EPUB', exact: true }).isVisible()).toBe(true);
      await context.close();
    }
  });

  test('a chosen theme and size are applied before the first paint, under the strict CSP, on every page', async () => {
    const { page, context, record } = await openPage(session, { colorScheme: 'light' });
    await page.goto(session.url(READER_PATH));
    await toolsReady(page);
    const panel = await openSettings(page);
    await panel.getByRole('radio', { name: 'Dark' }).check();
    await panel.getByRole('radio', { name: 'Largest' }).check();
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(DARK_PAPER);
    await recordFirstFrame(page);
    for (const path of [READER_PATH, '/']) {
      await page.goto(session.url(path));
      const first = await page.evaluate(() => (window as any).__firstFrame);
      expect(first, path).toEqual({ theme: 'dark', size: 'larger', paper: DARK_PAPER });
    }
    expect(record.cspViolations).toEqual([]);
    expect(record.consoleErrors).toEqual([]);
    await context.close();
  });

  test('light can be forced on a dark system too', async () => {
    const { page, context } = await openPage(session, { colorScheme: 'dark' });
    await page.goto(session.url(READER_PATH));
    await toolsReady(page);
    await (await openSettings(page)).getByRole('radio', { name: 'Light' }).check();
    await recordFirstFrame(page);
    await page.reload();
    expect(await page.evaluate(() => (window as any).__firstFrame.paper)).toBe(LIGHT_PAPER);
    await context.close();
  });

  test('keyboard only: open the panel, change settings with arrow keys and Space, close with Escape', async () => {
    const { page, context } = await openPage(session);
    await page.goto(session.url(READER_PATH));
    await toolsReady(page);
    const button = page.getByRole('button', { name: 'Display' });
    await button.focus();
    await page.keyboard.press('Enter');
    const panel = page.getByRole('dialog', { name: 'Reading settings' });
    await poll(() => panel.isVisible()).toBe(true);
    const width = () => page.locator('.reading').evaluate((el) => el.getBoundingClientRect().width);
    const before = await width();
    await panel.getByRole('radio', { name: 'Default' }).nth(1).focus(); // line width: Default
    await page.keyboard.press('ArrowRight'); // → Wide
    await poll(() => page.evaluate(() => document.documentElement.getAttribute('data-ar-width'))).toBe('wide');
    expect(await width()).toBeGreaterThan(before);
    await panel.getByRole('checkbox', { name: 'Clean text' }).focus();
    await page.keyboard.press('Space');
    await poll(() => page.evaluate(() => document.documentElement.getAttribute('data-ar-clean'))).toBe('on');
    await page.keyboard.press('Escape');
    await poll(() => panel.isVisible()).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Display');
    await context.close();
  });

  test('the single-key shortcut "/" can be turned off, and the search button then names only Ctrl+K', async () => {
    const { page, context } = await openPage(session);
    await page.goto(session.url('/'));
    const trigger = page.locator('ar-search button');
    await trigger.waitFor();
    expect(await trigger.getAttribute('aria-keyshortcuts')).toBe('Control+K Meta+K /');
    const panel = await openSettings(page);
    await panel.getByRole('checkbox', { name: 'The / key opens search' }).uncheck();
    await page.keyboard.press('Escape');
    expect(await trigger.getAttribute('aria-keyshortcuts')).toBe('Control+K Meta+K');
    const searchDialog = page.locator('dialog[open] input[type="search"]');
    await page.locator('main').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('/');
    await page.waitForTimeout(300);
    expect(await searchDialog.count()).toBe(0);
    // Remembered: on the next page too, "/" stays off and Ctrl+K still opens search.
    await page.goto(session.url(READER_PATH));
    await page.locator('ar-search button').waitFor();
    expect(await page.locator('ar-search button').getAttribute('aria-keyshortcuts')).toBe('Control+K Meta+K');
    await page.keyboard.press('Control+k');
    await searchDialog.waitFor();
    await context.close();
  });

  test('layers: notes, glossary marks and clean text hide the apparatus but never change the text', async () => {
    const { page, context } = await openPage(session);
    await page.goto(session.url(READER_PATH));
    await toolsReady(page);
    const text = () => page.locator('.reading-body .passage-text').evaluateAll(renderedTexts);
    const visible = (selector: string) => page.locator(selector).evaluateAll((els) => els.filter((el) => getComputedStyle(el).display !== 'none').length);
    // Markers read "Note 7", "Notes 1, 4, 5" and "Textual note 3" (the words visually hidden): apparatus, like the numbers themselves.
    const strip = (texts: string[]) => texts.map((t) => t.replace(/Textual note \d+/g, '').replace(/Notes? \d+(, \d+)*/g, '').replace(/\d+/g, '').replace(/\s+/g, ' ').trim());
    const original = strip(await text());
    const notes = await visible('.passage-notes');
    expect(notes).toBeGreaterThan(0);
    const panel = await openSettings(page);

    await panel.getByRole('checkbox', { name: 'Editorial notes' }).uncheck();
    expect(await visible('.passage-notes')).toBe(0);
    expect(await visible('.note-ref')).toBe(0);
    // The textual apparatus is part of the editorial layer: its marks and its table go with the notes.
    expect(await visible('.app-ref')).toBe(0);
    expect(await visible('.apparatus')).toBe(0);
    expect(strip(await text())).toEqual(original);

    await panel.getByRole('checkbox', { name: 'Glossary terms' }).uncheck();
    const terms = await page.locator('.reading-body a.term').evaluateAll((els) => els.map((el) => (el as HTMLElement).tabIndex));
    expect(terms.length).toBeGreaterThan(0);
    expect(new Set(terms)).toEqual(new Set([-1]));

    await panel.getByRole('checkbox', { name: 'Editorial notes' }).check();
    await panel.getByRole('checkbox', { name: 'Glossary terms' }).check();
    expect(await visible('.passage-notes')).toBe(notes);
    await panel.getByRole('checkbox', { name: 'Clean text' }).check();
    expect(await visible('.passage-notes')).toBe(0);
    expect(strip(await text())).toEqual(original);
    await page.reload();
    expect(await visible('.passage-notes')).toBe(0);
    await context.close();
  });

  test('axe: 0 violations with the settings panel open, wide and narrow, light and dark', async () => {
    for (const [width, colorScheme] of [[1440, 'light'], [375, 'dark']] as const) {
      const { page, context } = await openPage(session, { viewport: { width, height: 900 }, colorScheme });
      await page.goto(session.url(READER_PATH));
      await toolsReady(page);
      await openSettings(page);
      expect(await runAxe(page)).toEqual([]);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await context.close();
    }
  });

  test('in forced colours the chosen option of every setting stands out, in the system colours and by a tick', async () => {
    const { page, context } = await openPage(session, { viewport: { width: 1440, height: 900 }, forcedColors: 'active' });
    await page.goto(session.url(READER_PATH));
    await toolsReady(page);
    const panel = await openSettings(page);
    const groups = await panel.locator('.segmented').evaluateAll((fieldsets) =>
      fieldsets.map((fieldset) =>
        [...fieldset.querySelectorAll('input')].map((input) => {
          const span = input.nextElementSibling!;
          return { checked: input.checked, background: getComputedStyle(span).backgroundColor, tick: getComputedStyle(span, '::before').content };
        }),
      ),
    );
    expect(groups.length).toBeGreaterThan(0);
    for (const options of groups) {
      const chosen = options.filter((o) => o.checked);
      expect(chosen).toHaveLength(1);
      expect(chosen[0]!.tick).toContain('✓');
      for (const other of options.filter((o) => !o.checked)) {
        expect(other.background).not.toBe(chosen[0]!.background);
        expect(other.tick).toBe('none');
      }
    }
    await page.screenshot({ path: 'tests/.output/screenshots/settings-forced-colours.png' });
    await context.close();
  });

  describe('print handout', () => {
    const printed = async (endnotes: boolean) => {
      // A phone-width window: the case where the screen layout folds the notes away.
      const { page, context } = await openPage(session, { viewport: { width: 375, height: 800 } });
      if (endnotes) await page.addInitScript(() => localStorage.setItem('ar-settings', JSON.stringify({ print: 'endnotes' })));
      await page.goto(session.url(READER_PATH));
      await toolsReady(page);
      await poll(() => page.locator('a[data-print-href]').count()).toBeGreaterThan(0);
      if (endnotes) await poll(() => page.locator('.print-endnotes').count()).toBe(1);
      await page.emulateMedia({ media: 'print' });
      return { page, context };
    };
    const display = (page: Page, selector: string) => page.locator(selector).first().evaluate((el) => getComputedStyle(el).display);

    test('no chrome, passage numbers kept, notes under each passage, link addresses printed', async () => {
      const { page, context } = await printed(false);
      for (const chrome of ['.site-header', '.site-footer', '.toc', '.reader-tools']) expect(await display(page, chrome), chrome).toBe('none');
      expect(await display(page, '.passage-number')).not.toBe('none');
      expect(await display(page, '.passage-notes')).not.toBe('none');
      expect(await page.locator('.print-endnotes').count()).toBe(0);
      // Glossary marks in the verbatim text print as words, without addresses.
      expect(await page.locator('.passage-text a[data-print-href]').count()).toBe(0);
      const link = page.locator('.reading a[data-print-href]').first();
      const after = await link.evaluate((el) => getComputedStyle(el, '::after').content);
      expect(after).toContain(await link.evaluate((el) => (el as HTMLAnchorElement).href));
      expect(await page.locator('.passage').first().evaluate((el) => getComputedStyle(el).breakInside)).toBe('avoid');
      const pdf = await page.pdf({ format: 'A4' });
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      await context.close();
    });

    test('endnotes, when chosen: the notes leave the passages and follow the text, numbered, without duplicate ids', async () => {
      const { page, context } = await printed(true);
      expect(await display(page, '.passage-notes')).toBe('none');
      expect(await display(page, '.print-endnotes')).toBe('block');
      const inPassages = await page.locator('.reading-body .passage-notes .note').count();
      expect(await page.locator('.print-endnotes .note').count()).toBe(inPassages);
      expect(await page.locator('.print-endnotes [id]').count()).toBe(0);
      await context.close();
    });
  });
});
