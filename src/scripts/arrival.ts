/**
 * A link to words (`#p-x:~:text=…`) must leave them in view. Chromium scrolls to the words when it
 * finds them, which can be some time after load on a busy machine, and what is above them can still
 * change size afterwards (web fonts arriving, the reader tools setting up), pushing the words below
 * the screen. So for a while after arrival, whenever the reading's size changes, the target is
 * brought back into view, unless the reader has started moving about. Watching sizes rather than
 * counting frames keeps this right however slow the machine is. A plain `#p-` link is already in
 * view, so nothing moves.
 */
const SETTLE_WINDOW_MS = 8000;

let readerMoved = false;
for (const type of ['wheel', 'touchstart', 'keydown', 'pointerdown'] as const) {
  addEventListener(type, () => (readerMoved = true), { once: true, passive: true, capture: true });
}

function bringTargetIntoView(): void {
  const target = document.querySelector(':target');
  if (!target || readerMoved) return;
  const box = target.getBoundingClientRect();
  if (box.bottom <= 0 || box.top >= innerHeight) target.scrollIntoView({ block: 'center', behavior: 'instant' });
}

function watchArrival(): void {
  const reading = document.querySelector('.reading-body') ?? document.body;
  const observer = new ResizeObserver(bringTargetIntoView);
  observer.observe(reading);
  setTimeout(() => observer.disconnect(), SETTLE_WINDOW_MS);
}

if (location.hash) {
  if (document.readyState === 'complete') watchArrival();
  else addEventListener('load', watchArrival, { once: true });
}
