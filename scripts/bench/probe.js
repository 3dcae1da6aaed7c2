// Injected with page.evaluateOnNewDocument: runs before any script of the page. Times are
// performance.now() values, i.e. milliseconds since the navigation started.
//
// Cards: the paper-card elements in <paper-feed>'s shadow root whose own shadow root has a
// rendered title, or the <article> children of #list on the baseline pages. On every animation
// frame the probe counts the cards that intersect the viewport; when the count changes it posts a
// message from that rAF callback, and the message (which runs once the frame's style, layout and
// paint are done on the main thread) records the time: "painted".
(() => {
  const B = {
    changes: [], // [time painted, visible cards]
    tasks: [], // long tasks: [start, duration]
    loafs: [], // long animation frames with script attribution
    marks: {},
    visible: 0,
    lastChange: 0,
  };
  Object.defineProperty(window, '__bench', { value: B });

  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) B.tasks.push([e.startTime, e.duration]);
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    B.marks.noLongtask = true;
  }
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        B.loafs.push({
          start: e.startTime,
          duration: e.duration,
          blocking: e.blockingDuration,
          render: e.renderStart ? e.startTime + e.duration - e.renderStart : 0,
          scripts: e.scripts.map((s) => ({ invoker: s.invoker, fn: s.sourceFunctionName, url: s.sourceURL, char: s.sourceCharPosition, duration: s.duration })),
        });
      }
    }).observe({ type: 'long-animation-frame', buffered: true });
  } catch {
    /* older Chromium */
  }

  // When a response's text is available: the feed's parse time starts there. The feed reads the
  // body with Response.text(), or (with a max-size) as a stream through a TextDecoder whose final,
  // non-streaming decode() call marks the end.
  B.decodes = [];
  const decode = TextDecoder.prototype.decode;
  TextDecoder.prototype.decode = function (input, options) {
    const out = decode.call(this, input, options);
    if (!options?.stream && B.decodes.length < 1000) B.decodes.push(performance.now());
    return out;
  };
  const text = Response.prototype.text;
  Response.prototype.text = function () {
    const url = this.url;
    return text.call(this).then((t) => {
      (B.marks.textAt ??= {})[new URL(url).pathname] ??= performance.now();
      return t;
    });
  };

  // When the feed's search index is built: its worker says `ready` (with the index when it hands
  // it to the page, which then restores it).
  const NativeWorker = window.Worker;
  if (NativeWorker) {
    window.Worker = class extends NativeWorker {
      constructor(...args) {
        super(...args);
        this.addEventListener('message', (e) => {
          if (e.data?.type === 'ready') B.marks.indexReady ??= performance.now();
        });
      }
    };
  }

  document.addEventListener(
    'paper-error',
    (e) => {
      B.marks.error = e.detail?.message ?? 'paper-error';
    },
    true,
  );
  document.addEventListener(
    'paper-load',
    (e) => {
      B.marks.loaded ??= performance.now();
      B.marks.count = e.detail?.count;
    },
    true,
  );

  const rendered = (card) => {
    const title = card.shadowRoot?.querySelector('[part~="title"]');
    return !!title && title.textContent.trim().length > 0;
  };
  const onScreen = (el, h) => {
    const r = el.getBoundingClientRect();
    return r.height > 0 && r.bottom > 0 && r.top < h;
  };

  /** Rendered cards intersecting the viewport now. */
  B.countVisible = () => {
    const h = innerHeight;
    let n = 0;
    const feed = document.querySelector('paper-feed');
    if (feed) {
      const cards = feed.shadowRoot?.querySelectorAll('paper-card') ?? [];
      for (const c of cards) if (rendered(c) && onScreen(c, h)) n++;
      return n;
    }
    const list = document.getElementById('list');
    // Baseline pages: articles in document order; stop at the first one below the fold.
    for (let el = list?.firstElementChild; el; el = el.nextElementSibling) {
      const r = el.getBoundingClientRect();
      if (r.top >= h) break;
      if (r.height > 0 && r.bottom > 0) n++;
    }
    return n;
  };

  B.watching = true;
  const tick = () => {
    if (!B.watching) return;
    if (document.readyState !== 'loading' || document.body) {
      const n = B.countVisible();
      if (n !== B.visible) {
        B.visible = n;
        const ch = new MessageChannel();
        ch.port1.onmessage = () => {
          const t = performance.now();
          B.changes.push([t, n]);
          B.lastChange = t;
        };
        ch.port2.postMessage(0);
      }
    }
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);

  /** Resolves after the next frame has been rendered. */
  B.nextFrame = () =>
    new Promise((resolve) => {
      requestAnimationFrame(() => {
        const ch = new MessageChannel();
        ch.port1.onmessage = () => resolve(performance.now());
        ch.port2.postMessage(0);
      });
    });

  /** Milliseconds since anything happened (card change, long task end, load mark). */
  B.quietFor = () => {
    const now = performance.now();
    const lastTask = B.tasks.reduce((m, [s, d]) => Math.max(m, s + d), 0);
    return now - Math.max(B.lastChange, lastTask, B.marks.loaded ?? 0);
  };

  /** Counts every node of the document, descending into shadow roots. */
  B.countNodes = () => {
    let nodes = 0;
    let elements = 0;
    const walk = (root) => {
      const w = document.createTreeWalker(root, NodeFilter.SHOW_ALL);
      for (let n = w.nextNode(); n; n = w.nextNode()) {
        nodes++;
        if (n.nodeType === 1) {
          elements++;
          if (n.shadowRoot) {
            nodes++; // the shadow root itself
            walk(n.shadowRoot);
          }
        }
      }
    };
    walk(document);
    return { nodes, elements };
  };
})();
//# sourceURL=bench-probe.js
