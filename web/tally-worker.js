/*
 * tally-worker.js -- runs tally.wasm (through tally-wasm.js) off the
 * page's main thread, so a long computation (a Monte Carlo of a million
 * simulations) never freezes the page. Messages in: {load: URL}, then
 * {id, method, path, body}; out: {ready: true} or {error}, then {id,
 * status, text} for each request, in order (tally-wasm.js queues them).
 */
'use strict';
importScripts('tally-wasm.js');
var tally = null;
self.onmessage = function (ev) {
  var m = ev.data;
  if (m.load) {
    TallyWasm.load(m.load).then(function (w) {
      tally = w;
      self.postMessage({ ready: true });
    }, function (e) { self.postMessage({ error: String(e && e.message || e) }); });
    return;
  }
  tally.request(m.method, m.path, m.body).catch(function (e) {
    return { status: 500, text: JSON.stringify({ error: 'tally.wasm: ' + (e && e.message || e) }) };
  }).then(function (r) {
    self.postMessage({ id: m.id, status: r.status, text: r.text });
  });
};
