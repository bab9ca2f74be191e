/*
 * tally-boot.js -- starts tally.wasm as early as the page can: the first
 * script in the page's <head> (before the style sheet, so nothing waits),
 * it compiles the module while it downloads (WebAssembly.compileStreaming
 * over the fetch that build/web/index.html's preload link has already
 * started) and starts the worker that runs it (tally-worker.js), handing
 * it the compiled module; app.js answers its first requests with the same
 * module in the page until the worker runs it. Only the copy of
 * the page `make web` writes (<html data-wasm="tally.wasm">) loads a
 * module; `tally serve`'s copy uses its API and this does nothing.
 */
'use strict';
(function () {
  var src = document.documentElement.getAttribute('data-wasm');
  if (!src || typeof WebAssembly === 'undefined' || typeof Worker === 'undefined')
    return;
  var url = new URL(src, location.href).href;
  var worker = new Worker('tally-worker.js');
  /* The same request as the preload link (same URL, CORS mode, same-origin
   * credentials), so the browser hands over the preloaded bytes. */
  function get() {
    return fetch(url, { mode: 'cors', credentials: 'same-origin' });
  }
  var compiled = WebAssembly.compileStreaming ?
    WebAssembly.compileStreaming(get()).catch(function () {
      /* A server that does not say application/wasm: compile the bytes. */
      return get().then(function (r) {
        if (!r.ok) throw new Error(src + ': HTTP ' + r.status);
        return r.arrayBuffer();
      }).then(function (b) { return WebAssembly.compile(b); });
    }) :
    Promise.reject(new Error('no WebAssembly.compileStreaming'));
  compiled.then(function (m) {
    worker.postMessage({ load: url, module: m });
  }, function () {
    worker.postMessage({ load: url }); /* the worker tries, and reports */
  });
  /* app.js runs the page's first requests on this compiled module in the
   * page itself while the worker starts (a worker takes a few hundred ms
   * to start on a busy machine), then hands every request to the worker. */
  window.tallyBoot = { worker: worker, url: url, compiled: compiled };
})();
