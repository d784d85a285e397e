/**
 * When deferred work runs. Both keep enhancement out of the way of the page's first paint and of
 * a reader's first taps.
 */

/** Runs `work` once the browser is idle; where it cannot tell (Safari), after 200 ms. */
export function whenIdle(work: () => void): void {
  if ('requestIdleCallback' in window) requestIdleCallback(() => work());
  else setTimeout(work, 200);
}

/**
 * Runs `work` once the page's first text or image is on screen, so what it fetches and draws does
 * not hold back the first paint of what the page already has. The paint timing entry arrives once
 * the frame is presented; a callback in the frame itself (requestAnimationFrame) can still run
 * before that. Where paint timing is missing, two frames on.
 */
export function afterFirstPaint(work: () => void): void {
  const start = () => setTimeout(work, 0);
  if (!PerformanceObserver.supportedEntryTypes?.includes('paint')) {
    requestAnimationFrame(() => requestAnimationFrame(start));
    return;
  }
  new PerformanceObserver((list, observer) => {
    if (list.getEntriesByName('first-contentful-paint').length === 0) return;
    observer.disconnect();
    start();
  }).observe({ type: 'paint', buffered: true });
}
