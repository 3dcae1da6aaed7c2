/**
 * Starts the corpus worker (`worker.ts`): the one place that names its file, so that bundlers
 * (Vite, webpack 5, Rollup with a plugin) emit it once for the search and the loader alike.
 */

interface ScriptUrlPolicy {
  createScriptURL(url: string): unknown;
}

/**
 * Under Trusted Types enforcement a Worker only takes a TrustedScriptURL: this policy lets
 * through exactly our worker file (same origin as this module), nothing else.
 */
let workerPolicy: ScriptUrlPolicy | null | undefined;
function trustedWorkerUrl(url: URL): string | URL {
  if (workerPolicy === undefined) {
    const tt = (globalThis as { trustedTypes?: { createPolicy(name: string, rules: { createScriptURL(u: string): string }): ScriptUrlPolicy } }).trustedTypes;
    try {
      workerPolicy = tt
        ? tt.createPolicy('paper-feed-worker', {
            createScriptURL: (u) => {
              if (u !== url.href) throw new TypeError('paper-feed-worker only starts the search worker.');
              return u;
            },
          })
        : null;
    } catch {
      workerPolicy = null;
    }
  }
  return workerPolicy ? (workerPolicy.createScriptURL(url.href) as string) : url;
}

/** A Worker whose script URL goes through our Trusted Types policy when the page enforces them. */
function trustedWorkerClass(): typeof Worker {
  return class TrustedWorker extends globalThis.Worker {
    constructor(url: string | URL, options?: WorkerOptions) {
      super(trustedWorkerUrl(new URL(url, import.meta.url)), options);
    }
  };
}

/** A new corpus worker (module worker), through our Trusted Types policy when the page enforces them. */
export function defaultWorker(): Worker {
  // Named `Worker` so that bundlers still recognise `new Worker(new URL(…, import.meta.url))` and
  // emit the worker file; at run time it is the Trusted Types-aware subclass above.
  const Worker = trustedWorkerClass();
  return new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });
}

