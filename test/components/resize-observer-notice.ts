/**
 * Virtualized lists (@lit-labs/virtualizer) make Chromium report the benign "ResizeObserver loop
 * completed with undelivered notifications" notice (w3c/csswg-drafts#5488). It is not an
 * exception, but the test framework counts window errors: call this inside a `describe` to let
 * that one message through for its tests (every other error still fails them).
 */
export function allowResizeObserverNotice(): void {
  let previous: OnErrorEventHandler = null;
  beforeEach(() => {
    previous = window.onerror;
    window.onerror = (message, ...rest): boolean => {
      if (typeof message === 'string' && message.startsWith('ResizeObserver loop')) return true;
      return previous ? Boolean(previous.call(window, message, ...rest)) : false;
    };
  });
  afterEach(() => {
    window.onerror = previous;
  });
}
