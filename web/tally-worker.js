/*
 * tally-worker.js -- runs tally.wasm (through tally-wasm.js) off the
 * page's main thread, so a long computation (a Monte Carlo of a million
 * simulations) never freezes the page. Messages in: {load: URL, module:
 * the compiled module (tally-boot.js), or none: fetched from URL}, and
 * {id, method, path, body}, which may come before the load: they wait for
 * it. Out: {ready: true} or {error}, then {id, status, text} for each
 * request, in order (tally-wasm.js queues them).
 */
'use strict';
importScripts('tally-wasm.js');
var started;
var ready = new Promise(function (ok) { started = ok; });
self.onmessage = function (ev) {
  var m = ev.data;
  if (m.load) {
    var loading = m.module ?
      TallyWasm.load(m.module, TallyWasm.fetcher(m.load)) : TallyWasm.load(m.load);
    started(loading);
    loading.then(function () {
      self.postMessage({ ready: true });
    }, function (e) { self.postMessage({ error: String(e && e.message || e) }); });
    return;
  }
  ready.then(function (tally) {
    return tally.request(m.method, m.path, m.body);
  }).catch(function (e) {
    return { status: 500, text: JSON.stringify({ error: 'tally.wasm: ' + (e && e.message || e) }) };
  }).then(function (r) {
    self.postMessage({ id: m.id, status: r.status, text: r.text });
  });
};
