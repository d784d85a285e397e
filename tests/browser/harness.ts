/**
 * Shared setup for browser tests: Debian Chromium driven by playwright-core (never a downloaded
 * browser), the built site served on 127.0.0.1, and recorders for what a reader must never see:
 * console errors, uncaught exceptions, CSP violations, requests that leave the site.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { onePagePerType } from '../../bench/lib/built-site.ts';
import { startStaticServer, type RunningServer } from '../../src/cli/static-server.ts';
import { requireDependency } from '../setup/system-dependencies.ts';

export const DIST = path.resolve(process.env.READER_OUT_DIR ?? 'dist');
export const BASE = process.env.READER_BASE ?? '/';

/**
 * A folder for what a suite writes (screenshots, sites it builds), under tests/.output/: its own
 * under the sub-path, since both runs of a suite can be running at the same time.
 */
export const outputFolder = (name: string) => path.resolve('tests/.output', BASE === '/' ? name : `subpath/${name}`);

/**
 * The pages a whole-site sweep visits. At the root: every page. In the second run, under a
 * sub-path, whose question is whether every link and asset honours the base: one page of each
 * type, built from the same templates (the sweep of every page there doubled the suite's time).
 */
export const pagesToSweep = (all: string[]) => (BASE === '/' ? all : onePagePerType(all));

/**
 * The entries a sweep through search visits (glossary terms, sources): every one at the root; under
 * the sub-path, whose question is whether result links keep the base, `count` spread over the list.
 */
export function entriesToSweep<T>(all: readonly T[], count = 4): T[] {
  if (BASE === '/' || all.length <= count) return [...all];
  const step = all.length / count;
  return Array.from({ length: count }, (_, i) => all[Math.floor(i * step)]!);
}

/** Where Chromium is (CHROMIUM_PATH, default Debian's); a missing browser fails the suite with how to install it, never skips it. */
export const CHROMIUM_PATH = requireDependency('Chromium');

/** Headless flags for Debian Chromium, shared with the Lighthouse audit (bench/audit.ts). */
export const LAUNCH_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface Session {
  browser: Browser;
  server: RunningServer;
  /** Home page URL, base included, trailing slash. */
  baseUrl: string;
  /** Absolute URL for a site path written as if the site sat at `/`. */
  url: (sitePath: string) => string;
  close: () => Promise<void>;
}

/** Starts Chromium (fresh profile) and a static server for dist/ (or a fixture site's build, at the root). */
export async function startSession(site: { root: string; base: string } = { root: DIST, base: BASE }): Promise<Session> {
  if (!existsSync(path.join(site.root, 'index.html'))) {
    throw new Error(`No built site in ${site.root}; run \`npm run build\` first (npm test does).`);
  }
  // launch() always starts from a new, empty temporary profile (its own --user-data-dir).
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: LAUNCH_ARGS });
  const server = await startStaticServer({ root: site.root, port: 0, base: site.base });
  const url = (sitePath: string) => new URL(sitePath.replace(/^\//, ''), server.url).href;
  return {
    browser,
    server,
    baseUrl: server.url,
    url,
    close: async () => {
      await browser.close();
      await server.close();
    },
  };
}

/** What went wrong on a page while a test used it. */
export interface PageRecord {
  consoleErrors: string[];
  pageErrors: string[];
  /** Requests to any origin other than the test server's. */
  foreignRequests: string[];
  cspViolations: string[];
  /** The page (or a new window it opened) leaving the site: to another origin or scheme. */
  navigationsAway: string[];
}

/** Opens a page that records errors, CSP violations, requests leaving the site and the page leaving it. */
export async function openPage(
  session: Session,
  options: BrowserContextOptions = {},
): Promise<{ page: Page; context: BrowserContext; record: PageRecord }> {
  // The offline worker saves the whole site in the background of every page it starts on: the
  // suites that test offline reading, and the sweeps of every page (where its registration must
  // raise no error or CSP violation), let it run; elsewhere it would only slow each new context.
  const context = await session.browser.newContext({ viewport: { width: 1280, height: 900 }, serviceWorkers: 'block', ...options });
  const page = await context.newPage();
  const record: PageRecord = { consoleErrors: [], pageErrors: [], foreignRequests: [], cspViolations: [], navigationsAway: [] };
  const origin = new URL(session.baseUrl).origin;
  // A test may start from about:blank; anything else that is not this server is the site leaving.
  const away = (url: string) => url !== 'about:blank' && !url.startsWith(`${origin}/`);
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame() && away(frame.url())) record.navigationsAway.push(frame.url());
  });
  context.on('page', (opened) => {
    if (opened !== page) record.navigationsAway.push(`a new window: ${opened.url() || 'about:blank'}`);
  });
  page.on('console', (message) => {
    if (message.type() === 'error') record.consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => record.pageErrors.push(error.message));
  page.on('request', (request) => {
    const requestUrl = request.url();
    if (requestUrl.startsWith('data:') || requestUrl.startsWith('blob:')) return;
    if (new URL(requestUrl).origin !== origin) record.foreignRequests.push(requestUrl);
  });
  if (options.javaScriptEnabled !== false) {
    // The site script starts when the reader first acts on the page, or after the first paint
    // when the page needs it (src/lib/site-script-boot.ts): a test goes on once it has run, as a
    // reader would a moment later. tests/browser/first-paint.test.ts checks when it starts.
    for (const name of ['goto', 'reload'] as const) {
      const navigate = page[name].bind(page) as (...args: unknown[]) => ReturnType<Page['goto']>;
      page[name] = (async (...args: unknown[]) => {
        const response = await navigate(...args);
        await siteScriptRan(page);
        return response;
      }) as never;
    }
  }
  await context.exposeBinding('__reportCspViolation', (_source, text: string) => record.cspViolations.push(text));
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = (window as unknown as { __reportCspViolation: (t: string) => void }).__reportCspViolation;
      report(`${event.violatedDirective} blocked ${event.blockedURI || 'inline'} (${event.sourceFile}:${event.lineNumber})`);
    });
  });
  return { page, context, record };
}

/**
 * Resolves once the site script has run on the page: its elements are defined. Until the reader
 * acts, a page that does not need it at once does not load it; a focus event on the window stands
 * for that first act (it moves no focus, hover or selection). A page without the header's search
 * control (a file that is not a site page) has nothing to wait for, and a page that navigates away
 * meanwhile is left to the test.
 */
export async function siteScriptRan(page: Page): Promise<void> {
  await page
    .evaluate(() => {
      if (!document.querySelector('ar-search') || customElements.get('ar-search')) return undefined;
      window.dispatchEvent(new FocusEvent('focusin'));
      return customElements.whenDefined('ar-search').then(() => undefined);
    })
    .catch(() => undefined);
}

/** One layout shift as the page saw it, with what moved and where, so a failure names the element. */
export interface RecordedShift {
  value: number;
  moved: string[];
}

/** Records the layout shifts of every document the page loads from now on (what CLS counts). */
export async function recordLayoutShifts(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const shifts: RecordedShift[] = [];
    (window as unknown as { __layoutShifts: typeof shifts }).__layoutShifts = shifts;
    const describe = (node: Node | null) => {
      if (!(node instanceof Element)) return node?.nodeName ?? 'gone';
      const classes = [...node.classList].map((name) => `.${name}`).join('');
      return `${node.localName}${node.id ? `#${node.id}` : ''}${classes}`;
    };
    const box = (rect: DOMRectReadOnly) => `${Math.round(rect.x)},${Math.round(rect.y)} ${Math.round(rect.width)}×${Math.round(rect.height)}`;
    type Source = { node: Node | null; previousRect: DOMRectReadOnly; currentRect: DOMRectReadOnly };
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean; sources: Source[] })[]) {
        if (entry.hadRecentInput) continue;
        const moved = entry.sources.map((source) => `${describe(source.node)} ${box(source.previousRect)} → ${box(source.currentRect)} at ${Math.round(entry.startTime)} ms`);
        shifts.push({ value: entry.value, moved });
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
}

/** The shifts recorded so far, read two frames on: whatever scripts changed has been laid out by then. */
export function layoutShiftsAfterTwoFrames(page: Page): Promise<RecordedShift[]> {
  return page.evaluate(
    () =>
      new Promise<RecordedShift[]>((done) =>
        requestAnimationFrame(() => requestAnimationFrame(() => done((window as unknown as { __layoutShifts: RecordedShift[] }).__layoutShifts))),
      ),
  );
}

/** The layout-shift score of a page load: the sum of its shifts. */
export const layoutShiftScore = (shifts: readonly RecordedShift[]) => shifts.reduce((sum, shift) => sum + shift.value, 0);

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/** Runs axe-core with the WCAG 2.x A and AA rules (2.2 included); returns the violations. */
export async function runAxe(page: Page): Promise<AxeViolation[]> {
  // Evaluated through the DevTools protocol, which the page's CSP does not govern.
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<any> } }).axe;
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
    });
    return result.violations.map((v: any) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n: any) => `${n.target.join(' ')} — ${n.failureSummary}`),
    }));
  });
}

/** Every built page as a site path ('/read/partner-state/'), from the index.html files in dist/. */
export function builtPages(dir = DIST): string[] {
  const pages: string[] = [];
  const walk = (folder: string) => {
    for (const name of readdirSync(folder)) {
      const full = path.join(folder, name);
      if (name.startsWith('pagefind') || name.startsWith('_astro')) continue;
      if (statSync(full).isDirectory()) walk(full);
      else if (name === 'index.html') {
        const relative = path.relative(dir, folder).split(path.sep).join('/');
        pages.push(relative ? `/${relative}/` : '/');
      }
    }
  };
  walk(dir);
  return pages.sort();
}

/**
 * innerText of each element as rendered when scrolled to. Chromium's innerText leaves out
 * passages it has not rendered yet (content-visibility: auto skips off-screen passages), so
 * each element's passage is rendered in full for the reading. Runs in the page.
 */
export function renderedTexts(elements: Element[]): string[] {
  return elements.map((element) => {
    const row = (element.closest('.passage') ?? element) as HTMLElement;
    row.style.setProperty('content-visibility', 'visible');
    const text = (element as HTMLElement).innerText;
    row.style.removeProperty('content-visibility');
    return text;
  });
}

/**
 * The text of an element as a reader sees it, minus the editorial apparatus placed inside the
 * verbatim text (note markers) and, optionally, other parts such as the notes themselves.
 * Runs in the page: pass it to `locator.evaluate` or `$$eval`.
 */
export function visibleTextWithout(element: Element, selector: string): string {
  const copy = element.cloneNode(true) as HTMLElement;
  copy.querySelectorAll(selector).forEach((node) => node.remove());
  // Chromium's innerText leaves out passages it has not rendered yet (content-visibility: auto
  // skips off-screen passages); render the copy in full so every passage counts.
  copy.querySelectorAll<HTMLElement>('*').forEach((node) => node.style.setProperty('content-visibility', 'visible'));
  document.body.append(copy);
  const text = copy.innerText;
  copy.remove();
  return text;
}

/**
 * Targets smaller than 24 × 24 px to a pointer (WCAG 2.5.8), described for a failure message: each
 * element must own some 24 px square over it (centred on it, or reaching back or on from it, as a
 * mark beside another does) near its corners, edges and centre, hit by no other link. Sampled 1.5 px
 * in from the edges: where two inline boxes meet, hit testing gives the shared pixel to either.
 * Runs in the page: pass it to `$$eval` or `evaluateAll`.
 */
export function targetsUnder24px(elements: Element[]): string[] {
  return elements.flatMap((element) => {
    element.scrollIntoView({ block: 'center' });
    const box = element.getBoundingClientRect();
    const middle = box.top + box.height / 2;
    const lefts = [box.left + box.width / 2 - 12, box.right - 24, box.left];
    const points = [1.5, 12, 22.5].flatMap((dx) => [-10.5, 0, 10.5].map((dy) => [dx, dy] as const));
    const owns = (left: number) => points.every(([dx, dy]) => document.elementFromPoint(left + dx, middle + dy)?.closest('a') === element);
    return lefts.some(owns) ? [] : [`${element.className} ${element.getAttribute('href')} in “${element.closest('.passage')?.id ?? ''}”`];
  });
}
