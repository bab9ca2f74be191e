/*
 * tally-boot.js -- starts tally.wasm as early as the page can: the first
 * script in the page's <head> (before the style sheet, so nothing waits),
 * it compiles the module while it downloads (WebAssembly.compileStreaming
 * over the fetch that build/web/index.html's preload link has already
 * started); app.js answers its first requests with that module in the
 * page, then hands it to the worker that runs it from then on
 * (tally-worker.js). Only the copy of
 * the page `make web` writes (<html data-wasm="tally.wasm">) loads a
 * module; `tally serve`'s copy uses its API and this does nothing.
 */
'use strict';
(function () {
  var src = document.documentElement.getAttribute('data-wasm');
  if (!src || typeof WebAssembly === 'undefined')
    return;
  var url = new URL(src, location.href).href;
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
  compiled.catch(function () {}); /* app.js then lets the worker try */
  /* app.js runs the page's first requests on this compiled module in the
   * page itself, then starts the worker (tally-worker.js) with it. */
  window.tallyBoot = { url: url, compiled: compiled };
})();
