/**
 * Stylesheets of things that only exist once a reader asks for them (dialogs, the Display panel, a
 * reading's annotation layers): loaded with their code instead of inlined in every page's CSS, so
 * they weigh nothing before the first interaction. Under the site's policy a stylesheet from the
 * site itself needs no hash.
 */
const loading = new Map<string, Promise<void>>();

/**
 * Resolves once the stylesheet at `href` has loaded (appended to <head> the first time it is
 * asked for), or failed to: the thing it styles still works, only plainer. Callers wait for it
 * before showing what it styles, so nothing is ever shown unstyled.
 */
export function stylesheet(href: string): Promise<void> {
  let loaded = loading.get(href);
  if (!loaded) {
    loaded = new Promise<void>((resolve) => {
      const link = Object.assign(document.createElement('link'), { rel: 'stylesheet', href });
      link.addEventListener('load', () => resolve(), { once: true });
      link.addEventListener('error', () => resolve(), { once: true });
      document.head.append(link);
    });
    loading.set(href, loaded);
  }
  return loaded;
}
