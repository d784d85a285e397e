/**
 * A link to words (`#p-x:~:text=…`) must leave them in view. Chromium scrolls to the words as soon
 * as it finds them, while the passages above still have their estimated size (content-visibility)
 * and only then grow as they are laid out, pushing the words below the screen. After load, and for
 * about 1.5 s of frames while sizes settle, the target is brought back into view, unless the reader has
 * started scrolling. A plain `#p-` link is already in view, so nothing moves.
 */
let readerMoved = false;
for (const type of ['wheel', 'touchstart', 'keydown', 'pointerdown'] as const) {
  addEventListener(type, () => (readerMoved = true), { once: true, passive: true, capture: true });
}

function keepTargetInView(framesLeft: number): void {
  const target = document.querySelector(':target');
  if (!target || readerMoved || framesLeft === 0) return;
  const box = target.getBoundingClientRect();
  if (box.bottom <= 0 || box.top >= innerHeight) target.scrollIntoView({ block: 'center', behavior: 'instant' });
  requestAnimationFrame(() => keepTargetInView(framesLeft - 1));
}

if (location.hash) {
  const start = () => requestAnimationFrame(() => keepTargetInView(90));
  if (document.readyState === 'complete') start();
  else addEventListener('load', start, { once: true });
}
