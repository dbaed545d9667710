/**
 * Registers the service worker that keeps the standalone page working offline (check/sw.js, built by
 * webpack.config.js with the list of files to keep). Only this page registers it, and its scope is the
 * page's own folder: the add-in's pages are never under it, so Office never sees it.
 * Resolves true once the worker is active (the site is cached), false where there is none.
 */
export function registerOffline(
  container: ServiceWorkerContainer | undefined = globalThis.navigator?.serviceWorker,
): Promise<boolean> {
  // file:// pages and old browsers have no service workers; the page still works online.
  if (!container || !globalThis.isSecureContext) return Promise.resolve(false);
  return container
    .register("./sw.js", { scope: "./" })
    .then(() => container.ready)
    .then(
      () => true,
      () => false,
    );
}
