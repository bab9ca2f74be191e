/*
 * tally-wasm.js -- loads tally.wasm (make web: the library and the API's
 * handler compiled to WebAssembly, web/wasm.c) and answers the page's API
 * requests in the browser, with no server: TallyWasm.load(url) gives an
 * object whose request(method, path, body) gives a promise of {status,
 * type, text}, the bytes `tally serve` would have sent. The module needs
 * only a few WASI calls, none of them reaching a file or the network;
 * the few large data files it leaves out (web/wasm_data.c) come from
 * data/ beside it, fetched the first time a request needs one.
 */
'use strict';
(function (root) {
  var EBADF = 8, ENOSYS = 52;

  /* The WASI imports: no files, no environment, output discarded. */
  function wasi(getMemory) {
    function view() { return new DataView(getMemory().buffer); }
    return {
      environ_sizes_get: function (pc, ps) {
        var v = view(); v.setUint32(pc, 0, true); v.setUint32(ps, 0, true);
        return 0;
      },
      environ_get: function () { return 0; },
      clock_time_get: function (id, prec, out) {
        view().setBigUint64(out, BigInt(Date.now()) * 1000000n, true);
        return 0;
      },
      fd_write: function (fd, iovs, n, out) {
        var v = view(), total = 0;
        for (var i = 0; i < n; i++) total += v.getUint32(iovs + 8 * i + 4, true);
        v.setUint32(out, total, true);
        return 0;
      },
      fd_close: function () { return EBADF; },
      fd_fdstat_get: function () { return EBADF; },
      fd_fdstat_set_flags: function () { return EBADF; },
      fd_filestat_get: function () { return EBADF; },
      fd_prestat_get: function () { return EBADF; },
      fd_prestat_dir_name: function () { return EBADF; },
      fd_read: function () { return EBADF; },
      fd_seek: function () { return EBADF; },
      path_open: function () { return ENOSYS; },
      proc_exit: function (code) { throw new Error('tally.wasm exited ' + code); }
    };
  }

  /* Fetches the lazy data file `name` (web/wasm_data.c) from data/ beside
   * the module at `url`: a promise of its bytes. */
  function fetcher(url) {
    return function (name) {
      var u = new URL('data/' + name, url);
      return fetch(u).then(function (r) {
        if (!r.ok) throw new Error(u + ': HTTP ' + r.status);
        return r.arrayBuffer();
      }).then(function (b) { return new Uint8Array(b); });
    };
  }

  function wrap(instance, getData) {
    var x = instance.exports;
    var enc = new TextEncoder(), dec = new TextDecoder();
    x._initialize();
    function str(s) {
      var b = enc.encode(s), p = x.tly_web_alloc(b.length + 1);
      var m = new Uint8Array(x.memory.buffer, p, b.length + 1);
      m.set(b); m[b.length] = 0;
      return {p: p, n: b.length};
    }
    function cstr(p) {
      var m = new Uint8Array(x.memory.buffer), e = p;
      while (m[e] !== 0) e++;
      return dec.decode(m.subarray(p, e));
    }
    /* One try: the answer, or the name of a lazy data file it lacked. */
    function once(method, path, body) {
      var a = str(method), b = str(path), c = str(body || '');
      var status;
      try {
        status = x.tly_web_request(a.p, b.p, c.p, c.n);
      } finally {
        x.tly_web_free(a.p); x.tly_web_free(b.p); x.tly_web_free(c.p);
      }
      var miss = x.tly_web_data_missing();
      if (miss !== 0) return {missing: cstr(miss)};
      var len = x.tly_web_len(), p = x.tly_web_body();
      var text = dec.decode(new Uint8Array(x.memory.buffer, p, len));
      return {status: status, type: cstr(x.tly_web_type()), text: text};
    }
    /* Hands the bytes of lazy file `name` to the module. */
    function add(name, bytes) {
      var n = str(name), p = x.tly_web_alloc(bytes.length + 1);
      new Uint8Array(x.memory.buffer, p, bytes.length).set(bytes);
      var r = x.tly_web_data_add(n.p, p, bytes.length);
      x.tly_web_free(n.p);
      if (r !== 0) throw new Error('tally.wasm refused data/' + name);
    }
    /* Requests run one at a time, in order, even while one waits for
     * its data. */
    var queue = Promise.resolve();
    function attempt(method, path, body, tries) {
      var r = once(method, path, body);
      if (!r.missing) return r;
      if (tries > 16) throw new Error('tally.wasm keeps asking for data/' + r.missing);
      return getData(r.missing).then(function (bytes) {
        add(r.missing, bytes);
        return attempt(method, path, body, tries + 1);
      });
    }
    return {
      init: function () { return x.tly_web_init(); },
      /* One API request: method "GET" or "POST", path "/api/...", body a
       * JSON string (or ''). A promise of {status, type, text}: the data
       * the answer needs are fetched first when the module lacks them. */
      request: function (method, path, body) {
        var p = queue.then(function () { return attempt(method, path, body, 0); });
        queue = p.catch(function () {});
        return p;
      }
    };
  }

  /* Loads the module from `source`: a URL (browser; its lazy data are
   * fetched from data/ beside it), bytes (node) or a compiled
   * WebAssembly.Module (tally-boot.js), with getData(name) giving a
   * promise of a lazy data file's bytes (default: fetched). */
  function load(source, getData) {
    var memory = null;
    var imports = {wasi_snapshot_preview1: wasi(function () { return memory; })};
    var p;
    if (typeof source === 'string') {
      var url = new URL(source, typeof location !== 'undefined' ? location.href : undefined);
      getData = getData || fetcher(url);
      p = fetch(url).then(function (r) {
        if (!r.ok) throw new Error(source + ': HTTP ' + r.status);
        return WebAssembly.instantiateStreaming ?
          WebAssembly.instantiateStreaming(r, imports) :
          r.arrayBuffer().then(function (b) { return WebAssembly.instantiate(b, imports); });
      });
    } else if (source instanceof WebAssembly.Module) {
      p = WebAssembly.instantiate(source, imports).then(function (i) {
        return { instance: i };
      });
    } else {
      p = WebAssembly.instantiate(source, imports);
    }
    return p.then(function (r) {
      memory = r.instance.exports.memory;
      return wrap(r.instance, getData || function (name) {
        return Promise.reject(new Error('no data/' + name + ' for tally.wasm'));
      });
    });
  }

  var api = {load: load, fetcher: function (url) { return fetcher(new URL(url)); }};
  if (typeof module !== 'undefined' && module.exports) module.exports = api;
  else root.TallyWasm = api;
})(this);
