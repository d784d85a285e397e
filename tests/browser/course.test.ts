/**
 * The course pages in Chromium: the syllabus and its links, which land on exactly the assigned
 * passages and show the reading's banner (and, without JavaScript, still land there), the print
 * layout, the home page's course list, the calendar file, and axe at a phone's and a wide
 * screen's width. Screenshots go to tests/.output/course/ to look at.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { BASE, DIST, openPage, outputFolder, runAxe, startSession, type Session } from './harness.ts';

const SHOTS = outputFolder('course');
const SYLLABUS = '/courses/pol-101/';
let session: Session;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  session = await startSession();
});
afterAll(async () => session?.close());

const clean = (record: { consoleErrors: string[]; pageErrors: string[]; cspViolations: string[]; foreignRequests: string[] }) =>
  expect([...record.consoleErrors, ...record.pageErrors, ...record.cspViolations, ...record.foreignRequests]).toEqual([]);

describe('the syllabus', () => {
  test('lists each session with its date, its parts as base-aware links, words, time, questions and note', async () => {
    const { page, context, record } = await openPage(session);
    await page.goto(session.url(SYLLABUS));
    const sessions = page.locator('.session');
    expect(await sessions.count()).toBeGreaterThanOrEqual(3);
    const second = sessions.nth(1);
    expect(await second.locator('h2').innerText()).toBe('Session 2: Welfare state, Big Society, enclosure');
    expect(await second.locator('time').getAttribute('datetime')).toBe('2027-01-19');
    const link = second.locator('.session-parts a').first();
    expect(await link.innerText()).toMatch(/^The Partner State, ¶3–¶9$/);
    expect(await link.getAttribute('href')).toBe(`${BASE}read/partner-state/?assigned=pol-101.welfare-and-enclosure.1#p-opinions-heading`);
    expect(await second.locator('.session-part-length').innerText()).toMatch(/words, about \d+ min/);
    expect(await second.locator('.session-questions li').count()).toBe(3);
    expect(await second.locator('.session-note h3').textContent()).toBe('Instructor’s note');
    // The calendar and the LMS package are offered, under the base, and served.
    for (const [name, file] of [[/for your calendar/, 'pol-101.ics'], [/for your LMS/, 'pol-101.imscc']] as const) {
      const download = page.getByRole('link', { name });
      expect(await download.getAttribute('href')).toBe(`${BASE}courses/${file}`);
      expect((await page.request.get(new URL(`${BASE}courses/${file}`, page.url()).href)).status()).toBe(200);
    }
    clean(record);
    await context.close();
  });

  test('a session link lands on its first passage, with the banner and the range marked; the rest of the text stays', async () => {
    const { page, context, record } = await openPage(session);
    await page.goto(session.url(SYLLABUS));
    await page.locator('.session').nth(1).locator('.session-parts a').first().click();
    await page.waitForURL(/#p-opinions-heading$/);
    const banner = page.locator('.assigned-banner:not([hidden])');
    await expect.poll(() => banner.count()).toBe(1);
    expect(await banner.innerText()).toMatch(/^Session 2: read ¶3–¶9 \(Welfare state, Big Society, enclosure, POL 101\)\s+Back to the syllabus$/);
    const marked = await page.$$eval('.passage[data-assigned]', (rows) => rows.map((row) => row.id));
    expect(marked[0]).toBe('p-opinions-heading');
    expect(marked.at(-1)).toBe('p-helfrich-email-source');
    expect(marked).toHaveLength(7);
    expect(await page.locator('.passage').count()).toBe(23);
    // The first assigned passage is on screen, below the banner, not under it.
    const [bannerBox, firstBox] = await Promise.all([banner.boundingBox(), page.locator('#p-opinions-heading').boundingBox()]);
    expect(firstBox!.y).toBeGreaterThanOrEqual(bannerBox!.y + bannerBox!.height - 1);
    expect(firstBox!.y).toBeLessThan(900);
    await page.screenshot({ path: path.join(SHOTS, 'banner-1280.png') });
    await banner.getByRole('link', { name: 'Back to the syllabus' }).click();
    await page.waitForURL(/\/courses\/pol-101\/#session-welfare-and-enclosure$/);
    clean(record);
    await context.close();
  });

  test('without JavaScript the link still lands on the passage and the whole text reads', async () => {
    const { page, context } = await openPage(session, { javaScriptEnabled: false });
    await page.goto(session.url('/read/partner-state/?assigned=pol-101.welfare-and-enclosure.1#p-opinions-heading'));
    expect(await page.locator('.assigned-banner:not([hidden])').count()).toBe(0);
    expect(await page.locator('.passage').count()).toBe(23);
    const box = await page.locator('#p-opinions-heading').boundingBox();
    expect(box!.y).toBeLessThan(200);
    await context.close();
  });

  test('prints as a plain document: no site chrome, every session and question on paper', async () => {
    const { page, context } = await openPage(session);
    await page.goto(session.url(SYLLABUS));
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.site-header').isVisible()).toBe(false);
    expect(await page.locator('.session-questions').first().isVisible()).toBe(true);
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.length).toBeGreaterThan(1000);
    await page.screenshot({ path: path.join(SHOTS, 'syllabus-print.png'), fullPage: true });
    await context.close();
  });

  for (const width of [375, 1440]) {
    test(`is axe-clean at ${width} px, with the banner shown on the reading, and nothing wider than the screen`, async () => {
      const { page, context } = await openPage(session, { viewport: { width, height: 900 } });
      for (const sitePath of [SYLLABUS, '/read/partner-state/?assigned=pol-101.within-and-against-the-state.1#p-kleiner-heading', '/']) {
        await page.goto(session.url(sitePath));
        expect(await runAxe(page), sitePath).toEqual([]);
        expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), sitePath).toBe(true);
      }
      await page.goto(session.url(SYLLABUS));
      await page.screenshot({ path: path.join(SHOTS, `syllabus-${width}.png`), fullPage: width === 375 });
      await page.goto(session.url('/read/partner-state/?assigned=pol-101.within-and-against-the-state.1#p-kleiner-heading'));
      await page.screenshot({ path: path.join(SHOTS, `banner-${width}.png`) });
      await context.close();
    });
  }

  test('keyboard: the calendar link and every part link are reached by Tab with a visible focus ring', async () => {
    const { page, context } = await openPage(session);
    await page.goto(session.url(SYLLABUS));
    const links = await page.locator('.syllabus a').count();
    const seen: string[] = [];
    for (let i = 0; i < 60 && seen.length < links; i++) {
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement;
        if (!el.closest('.syllabus')) return undefined;
        const style = getComputedStyle(el);
        return { href: el.getAttribute('href'), ring: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2 };
      });
      if (focused) {
        expect(focused.ring, `focus ring on ${focused.href}`).toBe(true);
        seen.push(focused.href!);
      }
    }
    expect(seen).toHaveLength(links);
    await context.close();
  });
});

describe('the course home and the calendar', () => {
  test('the home page lists the course after the readings', async () => {
    const { page, context } = await openPage(session);
    await page.goto(session.baseUrl);
    const course = page.locator('.home-courses a').first();
    expect(await course.innerText()).toBe('POL 101: The State and the Commons');
    await course.click();
    await page.waitForURL(new RegExp(`${SYLLABUS.replaceAll('/', '\\/')}$`));
    await context.close();
  });

  test('the .ics parses: one all-day event per dated session, with stable UIDs and links to the syllabus', async () => {
    const text = readFileSync(path.join(DIST, 'courses/pol-101.ics'), 'utf8');
    const served = await (await fetch(session.url('/courses/pol-101.ics'))).text();
    expect(served).toBe(text);
    const events = new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent').map((e) => new ICAL.Event(e));
    expect(events.map((e) => [e.uid.split('@')[0], e.startDate.isDate, e.startDate.toString()])).toEqual([
      ['pol-101-defining-the-partner-state', true, '2027-01-12'],
      ['pol-101-welfare-and-enclosure', true, '2027-01-19'],
      ['pol-101-within-and-against-the-state', true, '2027-01-26'],
      ['pol-101-positions-and-sources', true, '2027-02-02'],
    ]);
    expect(events[1]!.component.getFirstPropertyValue('url')).toMatch(new RegExp(`${BASE}courses/pol-101/#session-welfare-and-enclosure$`));
  });
});
