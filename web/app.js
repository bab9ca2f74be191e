/*
 * app.js -- the tally page: plain JavaScript over tally's JSON API. The
 * whole scenario (election, what-ifs, forecast) lives in `state` and in the
 * URL, so a link reproduces it; every change asks the server again, which
 * computes exactly; nothing here does election arithmetic beyond display.
 */
'use strict';
(function () {
  /* The familiar tile grid (as src/svg.c draws it): code, row, column. */
  var GRID = [
    ['AK', 0, 0], ['ME', 0, 10], ['VT', 1, 9], ['NH', 1, 10], ['WA', 2, 0],
    ['ID', 2, 1], ['MT', 2, 2], ['ND', 2, 3], ['MN', 2, 4], ['IL', 2, 5],
    ['WI', 2, 6], ['MI', 2, 7], ['NY', 2, 8], ['RI', 2, 9], ['MA', 2, 10],
    ['OR', 3, 0], ['NV', 3, 1], ['WY', 3, 2], ['SD', 3, 3], ['IA', 3, 4],
    ['IN', 3, 5], ['OH', 3, 6], ['PA', 3, 7], ['NJ', 3, 8], ['CT', 3, 9],
    ['CA', 4, 0], ['UT', 4, 1], ['CO', 4, 2], ['NE', 4, 3], ['MO', 4, 4],
    ['KY', 4, 5], ['WV', 4, 6], ['VA', 4, 7], ['MD', 4, 8], ['DE', 4, 9],
    ['AZ', 5, 1], ['NM', 5, 2], ['KS', 5, 3], ['AR', 5, 4], ['TN', 5, 5],
    ['NC', 5, 6], ['SC', 5, 7], ['DC', 5, 8], ['OK', 6, 3], ['LA', 6, 4],
    ['MS', 6, 5], ['AL', 6, 6], ['GA', 6, 7], ['HI', 7, 0], ['TX', 7, 3],
    ['FL', 7, 8]
  ];
  var NAMES = {
    AL: 'Alabama', AK: 'Alaska', AZ: 'Arizona', AR: 'Arkansas',
    CA: 'California', CO: 'Colorado', CT: 'Connecticut', DE: 'Delaware',
    DC: 'District of Columbia', FL: 'Florida', GA: 'Georgia', HI: 'Hawaii',
    ID: 'Idaho', IL: 'Illinois', IN: 'Indiana', IA: 'Iowa', KS: 'Kansas',
    KY: 'Kentucky', LA: 'Louisiana', ME: 'Maine', MD: 'Maryland',
    MA: 'Massachusetts', MI: 'Michigan', MN: 'Minnesota', MS: 'Mississippi',
    MO: 'Missouri', MT: 'Montana', NE: 'Nebraska', NV: 'Nevada',
    NH: 'New Hampshire', NJ: 'New Jersey', NM: 'New Mexico', NY: 'New York',
    NC: 'North Carolina', ND: 'North Dakota', OH: 'Ohio', OK: 'Oklahoma',
    OR: 'Oregon', PA: 'Pennsylvania', RI: 'Rhode Island',
    SC: 'South Carolina', SD: 'South Dakota', TN: 'Tennessee', TX: 'Texas',
    UT: 'Utah', VT: 'Vermont', VA: 'Virginia', WA: 'Washington',
    WV: 'West Virginia', WI: 'Wisconsin', WY: 'Wyoming'
  };
  var RULES = ['law', 'wta', 'district', 'proportional-hamilton',
    'proportional-dhondt', 'proportional-webster', 'npv'];

  function $(id) { return document.getElementById(id); }
  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    if (attrs) {
      Object.keys(attrs).forEach(function (k) {
        if (k === 'class') e.className = attrs[k];
        else e.setAttribute(k, attrs[k]);
      });
    }
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }
  function fmt(n) { return Number(n).toLocaleString('en-US'); }
  function pct(p, d) { return (100 * p).toFixed(d === undefined ? 1 : d) + ' %'; }
  function unitName(code) {
    var m = /^([A-Z]{2})-(\d+)$/.exec(code);
    if (m) return (NAMES[m[1]] || m[1]) + ' district ' + m[2];
    return NAMES[code] || code;
  }
  function sideOf(party) {
    var p = (party || '').toLowerCase();
    if (p.indexOf('democrat') === 0) return 'd';
    if (p.indexOf('republican') === 0) return 'r';
    return 'o';
  }

  /*---- the scenario, and the URL that holds it ----*/
  var state = {
    year: null, source: 'medsl', without: [], reapportion: false,
    census: '', rule: 'law', swing: 0, set: {}, fc: '', nsd: 0.03,
    pindex: 'banzhaf', mode: 'results', ratings: null, view: 'geo'
  };
  var years = [];
  var latest = null;   /* the last /api/whatif answer */
  var seq = 0;         /* ignores answers to superseded requests */
  var fcSeq = 0;

  function fromURL() {
    var q = new URLSearchParams(location.search);
    if (q.has('year')) state.year = parseInt(q.get('year'), 10) || null;
    if (q.get('source') === 'fec' || q.get('source') === 'history') state.source = q.get('source');
    if (q.get('without')) {
      state.without = q.get('without').split(',').filter(function (c) {
        return /^[A-Z]{2}$/.test(c);
      });
    }
    state.reapportion = q.get('reapportion') === '1';
    if (/^\d{4}$/.test(q.get('census') || '')) state.census = q.get('census');
    if (RULES.indexOf(q.get('rule')) >= 0) state.rule = q.get('rule');
    var sw = parseFloat(q.get('swing') || '0');
    if (isFinite(sw) && Math.abs(sw) <= 100) state.swing = sw;
    state.set = {};
    (q.get('set') || '').split(',').forEach(function (kv) {
      var m = /^([A-Z]{2}(?:-\d)?):([DR])$/.exec(kv);
      if (m) state.set[m[1]] = m[2];
    });
    if (q.get('pindex') === 'shapley') state.pindex = 'shapley';
    state.fc = q.get('fc') || '';
    if (q.get('mode') === 'ratings') state.mode = 'ratings';
    if (q.get('view') === 'tiles' || q.get('view') === 'counties') state.view = q.get('view');
    if (/^[0-6]+$/.test(q.get('r') || '')) state.ratings = q.get('r');
    var nsd = parseFloat(q.get('nsd') || '');
    if (isFinite(nsd) && nsd >= 0 && nsd <= 0.1) state.nsd = nsd;
  }

  function queryString() {
    var q = new URLSearchParams();
    if (state.year !== null) q.set('year', state.year);
    if (state.source !== 'medsl') q.set('source', state.source);
    if (state.without.length) q.set('without', state.without.join(','));
    if (state.reapportion) q.set('reapportion', '1');
    if (state.census) q.set('census', state.census);
    if (state.rule !== 'law') q.set('rule', state.rule);
    if (state.swing) q.set('swing', String(state.swing));
    var set = Object.keys(state.set).sort().map(function (k) {
      return k + ':' + state.set[k];
    });
    if (set.length) q.set('set', set.join(','));
    if (state.pindex !== 'banzhaf') q.set('pindex', state.pindex);
    if (state.view !== 'geo') q.set('view', state.view);
    if (state.mode === 'ratings') {
      q.set('mode', 'ratings');
      if (state.ratings) q.set('r', state.ratings);
      q.set('nsd', String(state.nsd));
    }
    return q;
  }

  function toURL() {
    var q = queryString();
    if (state.fc && state.mode !== 'ratings') {
      q.set('fc', state.fc);
      q.set('nsd', String(state.nsd));
    }
    history.replaceState(null, '', '?' + q.toString());
  }

  /* The what-if as the API takes it (the CLI's options, as JSON). */
  function scenario() {
    /* A year without the source picked (the years before 1976 have only
     * the historical record) gets its own: no source field. */
    var y = years.filter(function (x) { return x.year === state.year; })[0];
    var b = {};
    /* Before /api/years answers: no year is the latest, and the default
     * source is the year's own. */
    if (state.year !== null) b.year = state.year;
    if (y ? y.sources.indexOf(state.source) >= 0 : state.source !== 'medsl') b.source = state.source;
    if (state.without.length) b.without = state.without.slice();
    if (state.reapportion && state.without.length) {
      b.reapportion = true;
      if (state.census) b.census = parseInt(state.census, 10);
    }
    if (state.rule !== 'law') b.rule = state.rule;
    if (state.swing) b.swing = state.swing;
    if (Object.keys(state.set).length) b.set = Object.assign({}, state.set);
    return b;
  }

  /* The API: tally.wasm in the page when it loads (make web: no server),
   * else `tally serve`'s /api over HTTP. Both answer with the same bytes. */
  var engine = null;   /* {send(method, path, body) -> Promise}, or null */
  function answer(status, text, asText) {
    if (status === 200) return asText ? text : JSON.parse(text);
    var e;
    try { e = JSON.parse(text); } catch (x) { e = {}; }
    throw new Error(e.error || ('error ' + status));
  }
  function call(method, path, body, asText) {
    var text = body === undefined ? '' : JSON.stringify(body);
    if (engine) {
      return engine.send(method, path, text).then(function (r) {
        return answer(r.status, r.text, asText);
      });
    }
    var opt = { method: method };
    if (body !== undefined) {
      opt.headers = { 'Content-Type': 'application/json' };
      opt.body = text;
    }
    return fetch('.' + path, opt).then(function (r) {
      return r.text().then(function (t) { return answer(r.status, t, asText); });
    });
  }
  function post(path, body, asText) { return call('POST', path, body, asText); }
  /* Talks to tally.wasm in a worker (tally-worker.js; in the page itself
   * where workers are missing). The engine is set at once, so the first
   * requests go out before the module runs: they run on the module
   * tally-boot.js compiled, in the page (the same bytes out: every request
   * stands alone), and the worker starts once the first map is drawn
   * (engine.warm): on a busy machine a worker takes a few hundred ms of
   * CPU to start, which the first draw does not wait for. Then every
   * request goes to the worker; a forecast but an exact one, which may be
   * long, always does. The promise settles when the worker runs, or fails (no module:
   * the server's API). */
  function loadEngine() {
    /* `make web` marks its copy of the page <html data-wasm="tally.wasm">;
     * the copy `tally serve` embeds has no module and uses its API. */
    var src = document.documentElement.getAttribute('data-wasm');
    if (!src || typeof WebAssembly === 'undefined') return Promise.resolve(null);
    var ready;
    var boot = window.tallyBoot;
    if (typeof Worker !== 'undefined') {
      var url = boot ? boot.url : new URL(src, location.href).href;
      var w = null, waiting = {}, next = 1, ok, no;
      ready = new Promise(function (y, n) { ok = y; no = n; });
      var startWorker = function () {
        if (w) return;
        w = new Worker('tally-worker.js');
        w.onmessage = function (ev) {
          var m = ev.data;
          if (m.ready) {
            ok(engine);
          } else if (m.error) {
            no(new Error(m.error));
          } else if (waiting[m.id]) {
            waiting[m.id](m);
            delete waiting[m.id];
          }
        };
        w.onerror = function (e) { no(new Error(e.message || 'worker failed')); };
        /* The module compiled at boot, else the worker fetches it. */
        (boot ? boot.compiled : Promise.reject()).then(function (m) {
          w.postMessage({ load: url, module: m });
        }, function () { w.postMessage({ load: url }); });
      };
      var toWorker = function (method, path, body) {
        startWorker();
        return new Promise(function (res) {
          var id = next++;
          waiting[id] = res;
          w.postMessage({ id: id, method: method, path: path, body: body });
        });
      };
      /* A forecast but the exact method's (a few ms) may be long. */
      var long = function (path, body) {
        if (path.indexOf('/api/forecast') !== 0) return false;
        try { return JSON.parse(body).method !== 'exact'; } catch (e) { return true; }
      };
      var inPage = null, workerUp = false;
      if (boot && typeof TallyWasm !== 'undefined') {
        inPage = boot.compiled.then(function (m) {
          return TallyWasm.load(m, TallyWasm.fetcher(url));
        });
        inPage.catch(function () {});
        ready.then(function () { workerUp = true; inPage = null; }, function () {});
      } else {
        startWorker();
      }
      engine = {
        send: function (method, path, body) {
          if (inPage && !workerUp && !long(path, body)) {
            return inPage.then(function (t) { return t.request(method, path, body); },
              function () { return toWorker(method, path, body); });
          }
          return toWorker(method, path, body);
        },
        warm: startWorker
      };
    } else if (typeof TallyWasm !== 'undefined') {
      ready = TallyWasm.load(src).then(function (t) {
        return { send: function (method, path, body) {
          return t.request(method, path, body);
        } };
      });
    } else {
      return Promise.resolve(null);
    }
    return ready.then(function (e) {
      engine = e;
      document.documentElement.setAttribute('data-engine', 'wasm');
      /* Load timings, for the tests' report (tests/web/static.test.js). */
      document.documentElement.setAttribute('data-t-engine', performance.now().toFixed(0));
      return e;
    }, function (e) {
      engine = null;
      status('cannot load tally.wasm (' + e.message + '): ' +
        'this page needs WebAssembly');
      document.documentElement.setAttribute('data-engine', 'none');
      return null;
    });
  }

  /* Saves `data` (text or a Blob) as a file named `name`. */
  function download(name, data, type) {
    var blob = data instanceof Blob ? data : new Blob([data], { type: type });
    var a = el('a', { href: URL.createObjectURL(blob), download: name });
    document.body.appendChild(a);
    a.click();
    setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 0);
  }

  function status(msg) { $('status').textContent = msg || ''; }

  /*---- the election and its what-ifs ----*/
  function nominees(res) {
    var d = null, r = null;
    res.candidates.forEach(function (c) {
      var s = sideOf(c.party);
      if (s === 'd' && (!d || c.votes > d.votes)) d = c;
      if (s === 'r' && (!r || c.votes > r.votes)) r = c;
    });
    return { d: d, r: r };
  }

  function partyOf(res, name) {
    for (var i = 0; i < res.candidates.length; i++)
      if (res.candidates[i].name === name) return res.candidates[i].party;
    return '';
  }

  /* Winner side, shade (0..2) and margin in points of a jurisdiction. */
  function look(res, j) {
    var v = Object.keys(j.votes).map(function (k) { return j.votes[k]; });
    v.sort(function (a, b) { return b - a; });
    var pts = j.total_votes > 0 && v.length > 1 ?
      100 * (v[0] - v[1]) / j.total_votes : null;
    var out = { side: 'o', shade: 1, pts: pts, forced: !!state.set[j.code] };
    if (j.tie) { out.side = 'tie'; return out; }
    if (!j.winner) { out.side = 'split'; return out; }
    out.side = sideOf(partyOf(res, j.winner));
    var lead = j.votes[j.winner] || 0;
    if (out.forced || j.by_record || lead !== v[0] || pts === null) out.shade = 1;
    else out.shade = pts >= 15 ? 2 : pts >= 5 ? 1 : 0;
    return out;
  }

  function letter(res, name) {
    var s = sideOf(partyOf(res, name));
    if (s === 'd') return 'D';
    if (s === 'r') return 'R';
    return (partyOf(res, name) || name || '?').charAt(0).toUpperCase();
  }

  /* A margin as people write it: the leader's party letter and points,
   * R+3.83. */
  function margin(res, j, lk) {
    return letter(res, j.winner) + '+' + lk.pts.toFixed(2);
  }

  function describe(res, j, lk) {
    var s = unitName(j.code) + ', ' + j.electors + ' elector' +
      (j.electors === 1 ? '' : 's') + ': ';
    if (lk.side === 'tie') s += 'tied';
    else if (lk.side === 'split') {
      s += 'split, ' + Object.keys(j.electors_by_candidate || {}).map(function (k) {
        return k + ' ' + j.electors_by_candidate[k];
      }).join(', ');
    } else {
      s += j.winner + ' (' + letter(res, j.winner) + ')';
      if (lk.forced) s += ', set by you';
      else if (j.by_record) s += ', by the electors as cast';
      else if (lk.pts !== null) s += ', ' + margin(res, j, lk);
    }
    return s;
  }

  function stripes(res, j) {
    var parts = [];
    var e = j.electors_by_candidate || {};
    var order = ['d', 'o', 'r'];
    var x = 0;
    order.forEach(function (side) {
      Object.keys(e).forEach(function (name) {
        if (sideOf(partyOf(res, name)) !== side) return;
        var w = 100 * e[name] / j.electors;
        var col = side === 'd' ? '#6baed6' : side === 'r' ? '#ef6548' : '#9e9ac8';
        parts.push(col + ' ' + x.toFixed(2) + '%', col + ' ' + (x + w).toFixed(2) + '%');
        x += w;
      });
    });
    return 'linear-gradient(to right, ' + parts.join(', ') + ')';
  }

  function paint(btn, res, j) {
    var lk = look(res, j);
    btn.className += ' ' + (lk.side === 'd' || lk.side === 'r' || lk.side === 'o' ?
      'sh-' + lk.side + lk.shade : lk.side);
    if (lk.forced) btn.className += ' set';
    if (lk.side === 'split') btn.style.background = stripes(res, j);
    return lk;
  }

  function baseSide(code) {
    if (!latest) return 'o';
    var b = latest.baseline.jurisdictions.filter(function (j) {
      return j.code === code;
    })[0];
    if (!b || !b.winner) return 'o';
    return sideOf(partyOf(latest.baseline, b.winner));
  }

  /* In "pick states on the map" mode a press on a state makes it leave
   * the Union (a district: its whole state) instead of cycling it. */
  var leaveClick = false;
  function setLeaveClick(on) {
    leaveClick = on;
    $('leave-click').setAttribute('aria-pressed', String(on));
    $('leave-msg').textContent = on ? 'Press states on the map to make them leave; ' +
      'press this button again to go back to flipping them.' : '';
  }

  /* As voted -> the other party -> its own party (set) -> as voted. */
  function cycle(code) {
    if (leaveClick) {
      leaveSet(code.split('-')[0], true);
      return;
    }
    var own = baseSide(code) === 'd' ? 'D' : baseSide(code) === 'r' ? 'R' : null;
    var other = own === 'D' ? 'R' : 'D';
    var cur = state.set[code];
    if (!cur) state.set[code] = other;
    else if (cur === other && own) state.set[code] = own;
    else delete state.set[code];
    update();
  }

  function unitButton(res, j, cls, content) {
    var b = el('button', { type: 'button', class: cls, 'data-code': j.code });
    content.forEach(function (c) {
      c.setAttribute('aria-hidden', 'true');
      b.appendChild(c);
    });
    var lk = paint(b, res, j);
    var next = state.set[j.code] ? (state.set[j.code] === (baseSide(j.code) === 'd' ? 'R' : 'D') &&
      baseSide(j.code) !== 'o' ? 'set to its own party' : 'back to as voted') :
      'set to the other party';
    /* The name read out: the whole description (the letters shown are
     * its abbreviation, so they are hidden from assistive technology). */
    b.appendChild(el('span', { class: 'vh' }, describe(res, j, lk) + '. Press: ' + next + '.'));
    b.title = describe(res, j, lk);
    if (lk.forced) b.setAttribute('aria-pressed', 'true');
    b.addEventListener('click', function () { cycle(j.code); });
    return b;
  }

  /* The states the library's notes say cast no electoral votes (in the
   * historical record: secession, disputes), by their codes. */
  function noVote(res) {
    var out = [];
    (res.notes || []).forEach(function (n) {
      if (!/^no electoral votes/.test(n || '')) return;
      (n.match(/\b[A-Z]{2}\b/g) || []).forEach(function (c) { if (NAMES[c]) out.push(c); });
    });
    return out;
  }

  function renderMap(res) {
    var map = $('map');
    var focused = document.activeElement && document.activeElement.getAttribute &&
      document.activeElement.getAttribute('data-code');
    map.textContent = '';
    var byCode = {};
    res.jurisdictions.forEach(function (j) { byCode[j.code] = j; });
    var tbody = $('map-table').querySelector('tbody');
    tbody.textContent = '';
    GRID.forEach(function (g) {
      var code = g[0];
      var cell = el('div', { class: 'tile', 'data-tile': code });
      cell.style.gridRow = String(g[1] + 1);
      cell.style.gridColumn = String(g[2] + 1);
      var j = byCode[code];
      var districts = res.jurisdictions.filter(function (d) {
        return d.code.indexOf(code + '-') === 0;
      });
      if (!j) {
        /* Not in this College: left it (a what-if), or, in the historical
         * record, did not vote (the library's notes name such states) or
         * was not yet a state (DC: no electors before 1964). */
        var why = state.without.indexOf(code) >= 0 ? ['left', 'left the Union'] :
          noVote(res).indexOf(code) >= 0 ? ['no vote', 'cast no electoral votes in ' + res.year] :
          code === 'DC' ? ['none', 'no electors in ' + res.year + ' (none before 1964)'] :
          ['not yet', 'not yet a state in ' + res.year];
        cell.className += ' out' + (why[0] === 'left' ? '' : ' none');
        cell.appendChild(el('span', { class: 'code' }, code));
        cell.appendChild(el('span', { class: 'ev' }, why[0]));
        cell.setAttribute('role', 'img');
        cell.setAttribute('aria-label', unitName(code) + ': ' + why[1]);
        cell.title = unitName(code) + ': ' + why[1];
        map.appendChild(cell);
        return;
      }
      var all = j.electors;
      districts.forEach(function (d) { all += d.electors; });
      if (districts.length) {
        cell.className += ' split-tile';
        var top = unitButton(res, j, 'st top', [
          el('span', { class: 'code' }, code),
          el('span', { class: 'ev' }, all),
          el('span', { class: 'mk' }, j.winner ? letter(res, j.winner) : '')]);
        cell.appendChild(top);
        var row = el('div', { class: 'districts' });
        districts.forEach(function (d) {
          row.appendChild(unitButton(res, d, 'st dist', [
            el('span', { class: 'dn' }, d.code.split('-')[1] +
              (d.winner ? letter(res, d.winner) : ''))]));
        });
        cell.appendChild(row);
      } else {
        var parts = [el('span', { class: 'code' }, code), el('span', { class: 'ev' }, all),
          el('span', { class: 'mk' }, j.winner ? letter(res, j.winner) : '')];
        if (!j.winner && j.electors_by_candidate) { /* split: electors by letter */
          var rank = { d: 0, o: 1, r: 2 };
          parts.push(el('span', { class: 'by' }, Object.keys(j.electors_by_candidate)
            .sort(function (x, y) {
              return rank[sideOf(partyOf(res, x))] - rank[sideOf(partyOf(res, y))];
            }).map(function (k) { return letter(res, k) + j.electors_by_candidate[k]; })
            .join(' ')));
        }
        cell.appendChild(unitButton(res, j, 'st', parts));
      }
      map.appendChild(cell);
    });
    res.jurisdictions.forEach(function (j) {
      var lk = look(res, j);
      var tr = el('tr');
      tr.appendChild(el('th', { scope: 'row' }, unitName(j.code) + ' (' + j.code + ')'));
      tr.appendChild(el('td', null, j.electors));
      tr.appendChild(el('td', null, lk.side === 'tie' ? 'tie' : j.winner ||
        'split' + (lk.forced ? '' : '')));
      tr.appendChild(el('td', null, lk.forced ? 'set by you' :
        lk.pts === null || !j.winner ? '-' : margin(res, j, lk)));
      tbody.appendChild(tr);
    });
    if (focused) {
      var again = map.querySelector('[data-code="' + focused + '"]');
      if (again) again.focus();
    }
    geoMirror(map);
  }

  /*---- the geographic map ----*/
  /* The states' shapes come from the library (/api/geo: us-atlas 3.0.1,
   * the Census Bureau's cartographic boundaries, Albers USA, in tenths of
   * a pixel). The geographic map mirrors the tile map drawn just before
   * it: each shape takes its tile's colour classes and description, and
   * pressing it presses the tile, so both maps run the same code. The
   * small states of the Northeast and the districts of Maine and
   * Nebraska are also buttons (copies of their tiles) under the map. */
  var SVGNS = 'http://www.w3.org/2000/svg';
  var geoShapes = null;   /* the /api/geo answer, once loaded */
  var geoLoading = null;
  var SIDE = ['VT', 'NH', 'MA', 'RI', 'CT', 'NJ', 'DE', 'MD', 'DC'];
  var GEO_W = 9750, GEO_H = 6100;

  function svgEl(tag, attrs) {
    var e = document.createElementNS(SVGNS, tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    return e;
  }

  function loadGeo() {
    if (!geoLoading) {
      geoLoading = post('/api/geo', { layer: 'states' }).then(function (g) {
        geoShapes = g;
        if ($('map').children.length) geoMirror($('map'));
        if ($('rt-map').children.length) geoMirror($('rt-map'));
      }, function (e) {
        geoLoading = null;
        status('cannot load the state shapes: ' + e.message);
      });
    }
    return geoLoading;
  }

  /* The units of the row under the map: the small states, then the
   * districts of Maine and Nebraska present in `grid`. */
  function sideUnits(grid) {
    var out = SIDE.slice();
    Array.prototype.forEach.call(grid.querySelectorAll('[data-code*="-"]'), function (b) {
      out.push(b.getAttribute('data-code'));
    });
    return out;
  }

  /* The map's SVG for `grid` (made once). */
  function geoSvg(grid, box) {
    var svg = box.querySelector('svg');
    if (svg) return svg;
    svg = svgEl('svg', { viewBox: '0 0 ' + GEO_W + ' ' + GEO_H, role: 'group',
      'aria-label': 'Geographic map of the states' });
    var pre = grid.id + '-g-';
    var defs = svgEl('defs');
    var pat = svgEl('pattern', { id: pre + 'hatch', patternUnits: 'userSpaceOnUse',
      width: 60, height: 60, patternTransform: 'rotate(45)' });
    pat.appendChild(svgEl('rect', { x: 0, y: 0, width: 16, height: 60, fill: '#000', 'fill-opacity': '0.17' }));
    defs.appendChild(pat);
    svg.appendChild(defs);
    /* The codes on the shapes: a layer of their own over them, so that a
     * shape's accessible name is its description alone. */
    var labels = svgEl('g', { class: 'gls', 'aria-hidden': 'true' });
    geoShapes.shapes.forEach(function (sh) {
      var g = svgEl('g', { 'data-geo': sh.code, class: 'gu' });
      g.appendChild(svgEl('path', { d: sh.path, class: 'gs', id: pre + sh.code }));
      g.appendChild(svgEl('use', { href: '#' + pre + sh.code, class: 'gh', fill: 'url(#' + pre + 'hatch)' }));
      if (SIDE.indexOf(sh.code) < 0 && sh.box[2] - sh.box[0] > 250) {
        var t = svgEl('text', { x: sh.label[0], y: sh.label[1] + 40, class: 'gl', 'data-for': sh.code });
        t.textContent = sh.code;
        labels.appendChild(t);
      }
      svg.appendChild(g);
    });
    svg.appendChild(labels);
    box.insertBefore(svg, box.firstChild);
    if (!box.querySelector('.geo-side'))
      box.appendChild(el('div', { class: 'geo-side', role: 'group' }));
    return svg;
  }

  /* The row under the map: a copy of each small state's and district's
   * tile that presses the tile. */
  function geoSide(grid, box, districtsOnly) {
    var row = box.querySelector('.geo-side');
    row.textContent = '';
    row.setAttribute('aria-label', districtsOnly ? 'Districts' : 'Small states and districts');
    sideUnits(grid).forEach(function (code) {
      if (districtsOnly && code.indexOf('-') < 0) return;
      var b = grid.querySelector('button[data-code="' + code + '"]');
      if (!b) return;
      var c = b.cloneNode(true);
      c.className = c.className.replace(/\b(top|dist)\b/g, '') + ' side';
      c.removeAttribute('style');
      if (b.style.background) c.style.background = b.style.background;
      c.setAttribute('data-side', code);
      c.removeAttribute('data-code');
      if (!c.querySelector('.code')) {
        var k = el('span', { class: 'code', 'aria-hidden': 'true' }, code);
        c.insertBefore(k, c.firstChild);
      }
      c.addEventListener('click', function () {
        var cur = grid.querySelector('button[data-code="' + code + '"]');
        if (cur) cur.click();
      });
      row.appendChild(c);
    });
  }

  /* Shows `grid` (a tile map just drawn) as the view asks: the tiles, or
   * the geographic map mirroring them. */
  function geoMirror(grid) {
    var box = document.getElementById(grid.id + '-geo');
    if (!box) {
      box = el('div', { id: grid.id + '-geo', class: 'geo' });
      grid.parentNode.insertBefore(box, grid.nextSibling);
    }
    var geo = state.view !== 'tiles';
    if (geo && !geoShapes) loadGeo();
    var counties = state.view === 'counties' && grid.id === 'map';
    countyLayer(box, counties);
    if (counties) {
      grid.hidden = true;
      box.hidden = false;
      var s0 = box.querySelector('svg');
      if (s0) s0.style.display = 'none';
      var r0 = box.querySelector('.geo-side');
      if (r0) r0.textContent = '';
      return;
    }
    if (!geo || !geoShapes) {
      /* The tiles; on a phone their district cells are too narrow to
       * press, so the districts are also buttons under the map there
       * (style.css shows the row only on narrow screens). */
      var row = box.querySelector('.geo-side');
      if (!row) {
        row = el('div', { class: 'geo-side', role: 'group' });
        box.appendChild(row);
      }
      var sv = box.querySelector('svg');
      if (sv) sv.style.display = 'none';
      box.classList.add('tiles-side');
      grid.hidden = false;
      box.hidden = false;
      geoSide(grid, box, true);
      return;
    }
    box.classList.remove('tiles-side');
    var had = document.activeElement && document.activeElement.getAttribute &&
      document.activeElement.getAttribute('data-geo');
    var svg = geoSvg(grid, box);
    svg.style.display = '';
    var hadSide = document.activeElement && document.activeElement.getAttribute &&
      document.activeElement.getAttribute('data-side');
    geoSide(grid, box);
    if (hadSide) {
      var back = box.querySelector('[data-side="' + hadSide + '"]');
      if (back) back.focus();
    }
    Array.prototype.forEach.call(svg.querySelectorAll('g.gu'), function (g) {
      var code = g.getAttribute('data-geo');
      var b = grid.querySelector('button[data-code="' + code + '"]');
      var tile = grid.querySelector('[data-tile="' + code + '"]');
      var cls = 'gu';
      if (b) {
        b.className.split(/\s+/).forEach(function (c) {
          if (/^(sh-|rt-)|^(tie|split|set)$/.test(c)) cls += ' ' + c;
        });
        if (/\bsh-r|\brt-[456]\b/.test(cls)) cls += ' hatched';
        g.setAttribute('role', 'button');
        g.setAttribute('tabindex', '0');
        var vh = b.querySelector('.vh');
        g.setAttribute('aria-label', vh ? vh.textContent : b.title);
        if (b.hasAttribute('aria-pressed')) g.setAttribute('aria-pressed', b.getAttribute('aria-pressed'));
        else g.removeAttribute('aria-pressed');
      } else {
        cls += ' out';
        g.removeAttribute('tabindex');
        g.setAttribute('role', 'img');
        g.setAttribute('aria-label', tile && tile.getAttribute('aria-label') || unitName(code));
        g.removeAttribute('aria-pressed');
      }
      var tt = g.querySelector('title') || g.insertBefore(svgEl('title'), g.firstChild);
      tt.textContent = b ? b.title : g.getAttribute('aria-label');
      g.setAttribute('class', cls);
      var lab = svg.querySelector('text[data-for="' + code + '"]');
      if (lab) lab.setAttribute('class', 'gl' + (/\b(sh-[dro]2|rt-[06])\b/.test(cls) ? ' on-dark' : ''));
      if (!g.hasAttribute('data-wired')) {
        g.setAttribute('data-wired', '1');
        var press = function () {
          var cur = grid.querySelector('button[data-code="' + code + '"]');
          if (cur) cur.click();
        };
        g.addEventListener('click', press);
        g.addEventListener('keydown', function (ev) {
          if (ev.key === 'Enter' || ev.key === ' ') { ev.preventDefault(); press(); }
        });
      }
    });
    grid.hidden = true;
    box.hidden = false;
    if (had) {
      var again = svg.querySelector('[data-geo="' + had + '"]');
      if (again && again !== document.activeElement) again.focus();
    }
    document.body.setAttribute('data-geo', 'drawn');
  }

  /* The county layer (results mode): every county shaded by its margin,
   * as the library draws it from the built-in county returns
   * (/api/counties.svg: the bytes of `tally map YEAR --counties`), for
   * the year as counted: the what-ifs apply to the states' maps. The
   * drawing goes into the page itself, so each county's own title from
   * the library (name, margin, the two candidates' votes and the total)
   * shows on hover, and a click or tap writes it under the map. Its
   * style rules are scoped to the figure and its ids prefixed, so nothing
   * of it reaches the rest of the page. */
  var countySeq = 0;
  function countySvg(text) {
    var doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    var svg = doc.documentElement;
    if (!svg || svg.nodeName !== 'svg') throw new Error('not an SVG drawing');
    Array.prototype.forEach.call(svg.querySelectorAll('style'), function (st) {
      st.textContent = st.textContent.replace(/(^|\})([^{}]+)\{/g, function (m, end, sel) {
        return end + sel.split(',').map(function (x) {
          return 'figure.counties ' + x.trim();
        }).join(', ') + '{';
      });
    });
    Array.prototype.forEach.call(svg.querySelectorAll('[id]'), function (e) {
      e.id = 'cty-' + e.id;
    });
    svg.removeAttribute('width');
    svg.removeAttribute('height');
    return document.importNode(svg, true);
  }
  function countyLayer(box, on) {
    var fig = box.querySelector('figure.counties');
    if (!on) {
      if (fig) fig.hidden = true;
      return;
    }
    if (!fig) {
      fig = el('figure', { class: 'counties' });
      fig.appendChild(el('div', { class: 'cty-draw' }));
      fig.appendChild(el('p', { class: 'cty-info', 'aria-live': 'polite' }));
      fig.appendChild(el('figcaption', { class: 'hint' }));
      box.insertBefore(fig, box.firstChild);
      fig.addEventListener('click', function (ev) {
        var path = ev.target.closest && ev.target.closest('path');
        var t = path && path.querySelector('title');
        var was = fig.querySelector('path.picked');
        if (was) was.classList.remove('picked');
        if (!t) return;
        path.classList.add('picked');
        fig.querySelector('.cty-info').textContent = t.textContent;
      });
    }
    fig.hidden = false;
    if (fig.getAttribute('data-year') === String(state.year)) return;
    fig.setAttribute('data-year', String(state.year));
    var my = ++countySeq;
    var draw = fig.querySelector('.cty-draw'), cap = fig.querySelector('figcaption');
    cap.textContent = 'Loading the county returns of ' + state.year + '...';
    draw.textContent = '';
    fig.querySelector('.cty-info').textContent = '';
    post('/api/counties.svg', { year: state.year }, true).then(function (text) {
      if (my !== countySeq) return;
      var svg = countySvg(text);
      var d = svg.querySelector('desc');
      svg.setAttribute('role', 'img');
      svg.setAttribute('aria-label', d ? d.textContent : 'Counties of ' + state.year + ' by margin');
      draw.appendChild(svg);
      cap.textContent = 'The returns as counted, county by county: point at a county, or ' +
        'press it, for its result. The what-ifs apply to the map of the states ' +
        '(Geographic, Tiles).';
      document.body.setAttribute('data-counties', String(state.year));
    }).catch(function (e) {
      if (my !== countySeq) return;
      fig.removeAttribute('data-year');
      cap.textContent = 'No county map for ' + state.year + ': ' + e.message;
    });
  }

  function setView(v) {
    state.view = v;
    ['geo', 'tiles', 'counties'].forEach(function (x) {
      var b = $('view-' + x);
      if (b) b.setAttribute('aria-pressed', String(v === x));
    });
    toURL();
    if ($('map').children.length) geoMirror($('map'));
    if ($('rt-map').children.length) geoMirror($('rt-map'));
  }

  function renderBar(res) {
    var n = nominees(res);
    var d = n.d ? n.d.ev_pledged : 0;
    var r = n.r ? n.r.ev_pledged : 0;
    var total = res.electors;
    $('name-d').textContent = n.d ? n.d.name + ' (D)' : 'Democrat';
    $('name-r').textContent = n.r ? n.r.name + ' (R)' : 'Republican';
    $('ev-d').textContent = d;
    $('ev-r').textContent = r;
    $('ev-total').textContent = total;
    $('ev-majority').textContent = res.majority;
    $('seg-d').style.width = (100 * d / total) + '%';
    $('seg-r').style.width = (100 * r / total) + '%';
    $('seg-o').style.width = (100 * (total - d - r) / total) + '%';
    $('bar').setAttribute('aria-label', (n.d ? n.d.name : 'Democrat') + ' ' + d +
      ' electors, ' + (n.r ? n.r.name : 'Republican') + ' ' + r + ' electors; ' +
      res.majority + ' of ' + total + ' needed to win');
    var w = res.winner ? res.winner + ' wins with ' + (res.candidates.filter(function (c) {
      return c.name === res.winner;
    })[0] || { ev_pledged: '?' }).ev_pledged + ' of ' + total + ' electors pledged.' :
      'No one has a majority of ' + total + ' electors: the House chooses among ' +
      (res.contingent || []).join(', ') + '.';
    $('winner').textContent = w;
  }

  /* 100 * votes / total with two decimals, rounded half to even from the
   * exact integers, as the CLI prints shares (votes * 10000 < 2^53). */
  function share(votes, total) {
    if (!(total > 0)) return '-';
    var n = votes * 10000;
    var q = Math.floor(n / total);
    var r = n - q * total;
    if (2 * r > total || (2 * r === total && q % 2 === 1)) q++;
    return (q / 100).toFixed(2) + ' %';
  }

  function renderPopular(res) {
    var tb = $('popular').querySelector('tbody');
    tb.textContent = '';
    var more = 0, moreVotes = 0;
    res.candidates.forEach(function (c) {
      if (c.votes * 200 < res.total_votes && !c.ev_pledged) {
        if (c.votes > 0) {
          more++;
          moreVotes += c.votes;
        }
        return;
      }
      var tr = el('tr');
      tr.appendChild(el('th', { scope: 'row' }, c.name));
      tr.appendChild(el('td', null, c.party));
      tr.appendChild(el('td', null, fmt(c.votes)));
      tr.appendChild(el('td', null, c.share === null ? '-' : c.share.toFixed(2) + ' %'));
      tr.appendChild(el('td', null, c.ev_pledged));
      tb.appendChild(tr);
    });
    if (more > 0) { /* the rows then add up to the total, as in the CLI */
      var mr = el('tr', { class: 'more' });
      mr.appendChild(el('th', { scope: 'row' }, more + ' more candidate' +
        (more === 1 ? '' : 's')));
      mr.appendChild(el('td'));
      mr.appendChild(el('td', null, fmt(moreVotes)));
      mr.appendChild(el('td', null, share(moreVotes, res.total_votes)));
      mr.appendChild(el('td', null, 0));
      tb.appendChild(mr);
    }
    var tr = el('tr', { class: 'total' });
    tr.appendChild(el('th', { scope: 'row' }, 'All candidates'));
    tr.appendChild(el('td'));
    tr.appendChild(el('td', null, fmt(res.total_votes)));
    tr.appendChild(el('td', null, '100.00 %'));
    tr.appendChild(el('td', null, res.electors - res.undecided));
    tb.appendChild(tr);
  }

  function renderChanges(data) {
    var ul = $('changes');
    ul.textContent = '';
    if (!data.changes.length) {
      ul.appendChild(el('li', null, 'Nothing: this is the election as counted.'));
      return;
    }
    /* By the name shown, as the list reads (not by postal code). */
    data.changes.slice().sort(function (a, b) {
      var x = unitName(a.code), y = unitName(b.code);
      return x < y ? -1 : x > y ? 1 : 0;
    }).forEach(function (c) {
      var s = unitName(c.code) + ': ';
      if (c.left) s += 'left the Union (' + c.before.electors + ' electors)';
      else if (c.before && c.after) {
        var parts = [];
        if (c.before.electors !== c.after.electors)
          parts.push(c.before.electors + ' → ' + c.after.electors + ' electors');
        if (c.before.winner !== c.after.winner)
          parts.push((c.before.winner || 'split') + ' → ' + (c.after.winner || 'split'));
        s += parts.join('; ') || 'electors divided differently';
      } else s += 'joined';
      ul.appendChild(el('li', null, s));
    });
  }

  /* "Leave the Union": a search box over the states (name or code) and
   * one removable chip per state that left. */
  var leaveCodes = [];
  function leaveSet(c, out) {
    if (out) {
      if (state.without.indexOf(c) < 0) state.without.push(c);
    } else {
      state.without = state.without.filter(function (x) { return x !== c; });
    }
    state.without.sort();
    delete state.set[c];
    update();
  }
  function leaveFind(text) {
    var t = text.trim().toLowerCase();
    if (!t) return null;
    var hit = leaveCodes.filter(function (c) {
      return c.toLowerCase() === t || unitName(c).toLowerCase() === t;
    })[0];
    if (hit) return hit;
    var some = leaveCodes.filter(function (c) {
      return unitName(c).toLowerCase().indexOf(t) === 0;
    });
    return some.length === 1 ? some[0] : null;
  }
  function renderLeave(res) {
    var codes = res.jurisdictions.filter(function (j) {
      return j.code.indexOf('-') < 0;
    }).map(function (j) { return j.code; });
    state.without.forEach(function (c) { if (codes.indexOf(c) < 0) codes.push(c); });
    codes.sort(function (x, y) { return unitName(x) < unitName(y) ? -1 : 1; });
    leaveCodes = codes;
    var list = $('leave-options');
    if (list.getAttribute('data-codes') !== codes.join(',')) {
      list.textContent = '';
      codes.forEach(function (c) { list.appendChild(el('option', { value: unitName(c) })); });
      list.setAttribute('data-codes', codes.join(','));
    }
    var chips = $('leave-chips');
    chips.textContent = '';
    state.without.forEach(function (c) {
      var b = el('button', { type: 'button', class: 'chip', 'data-code': c },
        unitName(c) + ' \u00d7');
      b.setAttribute('aria-label', unitName(c) + ' \u00d7: back in the Union');
      b.addEventListener('click', function () { leaveSet(c, false); });
      chips.appendChild(b);
    });
  }

  function renderControls() {
    /* The year shows at once, before any list of years (tally serve's
     * copy of the page asks the API for it). */
    if (state.year !== null && !$('year').querySelector('option[value="' + state.year + '"]'))
      $('year').appendChild(el('option', { value: state.year }, state.year));
    $('year').value = String(state.year);
    $('source').value = state.source;
    $('rule').value = state.rule;
    $('swing').value = String(state.swing);
    $('swing-out').textContent = (state.swing > 0 ? '+' : '') + state.swing.toFixed(1);
    $('reapportion').checked = state.reapportion;
    $('census').value = state.census;
    var can = state.without.length > 0;
    $('reap-hint').hidden = can;
    $('census').disabled = !state.reapportion || !can;
    var y = years.filter(function (x) { return x.year === state.year; })[0];
    ['medsl', 'fec', 'history'].forEach(function (src) {
      $('source').querySelector('option[value=' + src + ']').disabled =
        !(y && y.sources.indexOf(src) >= 0);
    });
    if (y && y.sources.indexOf(state.source) < 0) $('source').value = y.sources[0];
    $('pindex').value = state.pindex;
    $('fc-nsd').value = String(state.nsd);
    $('fc-nsd-out').textContent = state.nsd.toFixed(3);
  }

  /*---- analysis panels ----*/
  function note(box, msg) {
    box.textContent = '';
    box.appendChild(el('p', { class: 'muted' }, msg));
  }

  function renderFlip(f) {
    var box = $('flip');
    box.textContent = '';
    var p = el('p');
    p.appendChild(el('strong', null, fmt(f.voters)));
    p.appendChild(document.createTextNode(' voters switching from ' + f.from +
      ' to ' + f.to + ' in ' + f.units.length + ' unit' + (f.units.length === 1 ? '' : 's') +
      ' would have given ' + f.to + (f.target === 'tie' ? ' a tie' : ' a majority') +
      ' (margins summed: ' + fmt(f.margin_sum) + ').'));
    box.appendChild(p);
    var t = el('table', { class: 'num' });
    var h = el('tr');
    ['Unit', 'Electors', 'Margin', 'Voters to switch'].forEach(function (x) {
      h.appendChild(el('th', { scope: 'col' }, x));
    });
    t.appendChild(el('thead')).appendChild(h);
    var tb = el('tbody');
    f.units.forEach(function (u) {
      var tr = el('tr');
      tr.appendChild(el('th', { scope: 'row' }, u.code));
      tr.appendChild(el('td', null, u.electors));
      tr.appendChild(el('td', null, fmt(u.margin)));
      tr.appendChild(el('td', null, fmt(u.votes_to_move)));
      tb.appendChild(tr);
    });
    t.appendChild(tb);
    box.appendChild(t);
  }

  /* The CLI's margin label: the letter of the party ahead (else of the
   * name's last word) and the points, "D+0.63", "R+3.83"; pct is signed
   * toward the winner. */
  function partyLetter(party, name) {
    var s = party || (name || '?').split(' ').pop();
    return s.charAt(0).toUpperCase();
  }
  function marginLabel(t, pct) {
    if (pct === null || pct === undefined) return '-';
    if (pct === 0) return '0.00';
    return (pct > 0 ? partyLetter(t.winner_party, t.winner)
                    : partyLetter(t.runner_up_party, t.runner_up)) +
      '+' + Math.abs(pct).toFixed(2);
  }

  function renderTipping(t) {
    var box = $('tipping');
    box.textContent = '';
    var p = el('p');
    p.appendChild(el('strong', null, unitName(t.unit) + ' (' + t.unit + ')'));
    p.appendChild(document.createTextNode(' gave ' + t.winner +
      ' the majority: ' + marginLabel(t, t.margin_pct) + ', against ' +
      marginLabel(t, t.national_margin_pct) + ' nationally (tilt ' +
      marginLabel(t, t.tilt_pct) + ').'));
    box.appendChild(p);
    var ol = el('ol', { class: 'tip-order', 'aria-label': 'The winner\'s units by margin, closest last' });
    var k = 0;
    for (var i = 0; i < t.order.length; i++) if (t.order[i].code === t.unit) k = i;
    t.order.slice(Math.max(0, k - 3), k + 4).forEach(function (o) {
      var li = el('li', o.code === t.unit ? { class: 'tip' } : null,
        o.code + ': ' + marginLabel(t, o.margin_pct) + ', ' + o.cumulative +
          ' electors so far');
      ol.appendChild(li);
    });
    box.appendChild(ol);
    if (t.no_margin && t.no_margin.length)
      box.appendChild(el('p', null, 'Not in the order, without a margin: ' +
        t.no_margin.map(function (u) {
          return u.code + ' (' + u.reason + ')';
        }).join(', ') + '; their electors count for ' + t.winner + '.'));
  }

  function renderPower(pw) {
    var box = $('power');
    box.textContent = '';
    var units = pw.units.slice().sort(function (a, b) { return b.value - a.value; });
    box.appendChild(el('p', null, 'Each unit\'s share of the power to decide a majority of ' +
      pw.electors + ' electors (' + (pw.index === 'shapley' ? 'Shapley-Shubik' : 'Banzhaf') +
      ', exact). Per elector: 1.00 is the average.'));
    var wrap = el('div', { class: 'scroll', tabindex: '0', role: 'region',
      'aria-label': 'Voting power of every unit' });
    var t = el('table', { class: 'num' });
    var h = el('tr');
    var cols = ['Unit', 'Electors', 'Power', 'Per elector'];
    if (pw.index === 'banzhaf') cols.push('One voter (mean 1)');
    cols.forEach(function (x) { h.appendChild(el('th', { scope: 'col' }, x)); });
    t.appendChild(el('thead')).appendChild(h);
    var tb = el('tbody');
    units.forEach(function (u) {
      var tr = el('tr');
      tr.appendChild(el('th', { scope: 'row' }, u.code));
      tr.appendChild(el('td', null, u.electors));
      tr.appendChild(el('td', null, pct(u.value, 2)));
      tr.appendChild(el('td', null, u.per_elector.toFixed(2)));
      if (pw.index === 'banzhaf')
        tr.appendChild(el('td', null, u.voter === null ? '-' : u.voter.toFixed(2)));
      tb.appendChild(tr);
    });
    t.appendChild(tb);
    wrap.appendChild(t);
    box.appendChild(wrap);
  }

  function analyses(my) {
    var body = scenario();
    post('/api/flip', body).then(function (f) {
      if (my === seq) renderFlip(f);
    }, function (e) { if (my === seq) note($('flip'), e.message); });
    post('/api/tipping', body).then(function (t) {
      if (my === seq) renderTipping(t);
    }, function (e) { if (my === seq) note($('tipping'), e.message); });
    var pb = Object.assign({ index: state.pindex }, body);
    post('/api/power', pb).then(function (pw) {
      if (my === seq) renderPower(pw);
    }, function (e) { if (my === seq) note($('power'), e.message); });
  }

  /*---- one round trip for the whole scenario ----*/
  function update() {
    toURL();
    renderControls();
    var my = ++seq;
    document.body.setAttribute('aria-busy', 'true');
    return post('/api/whatif', scenario()).then(function (data) {
      if (my !== seq) return;
      latest = data;
      var res = data.whatif;
      if (state.year === null) {
        state.year = res.year;
        toURL();
        renderControls();
      }
      status('');
      $('title').textContent = res.year + ' presidential election · source: ' + res.source;
      var notes = (res.notes || []).filter(function (n) { return n; });
      $('whatif-note').textContent = notes.join('\n');
      renderBar(res);
      renderMap(res);
      renderPopular(res);
      renderChanges(data);
      renderLeave(res);
      if (state.mode === 'ratings') enterRatings();
      else analyses(my);
      document.body.setAttribute('data-ready', String(my));
      if (!document.documentElement.hasAttribute('data-t-ready'))
        document.documentElement.setAttribute('data-t-ready', performance.now().toFixed(0));
      document.body.removeAttribute('aria-busy');
    }, function (e) {
      if (my !== seq) return;
      status(e.message);
      document.body.removeAttribute('aria-busy');
    });
  }


  /*---- ratings mode ----*/
  /* 270toWin's habit: each unit rated from safe D to safe R; a click
   * moves it one step. The page turns a rating into the Democrat's
   * expected share of the two-party vote and its sd by this stated table
   * (the page's own convention, not an official figure), and the
   * library's exact method gives P(win), P(tie) and the histogram. */
  var RATINGS = [
    { key: 'safe-d', label: 'Safe D', mean: 0.60, sd: 0.03 },
    { key: 'likely-d', label: 'Likely D', mean: 0.55, sd: 0.03 },
    { key: 'lean-d', label: 'Lean D', mean: 0.52, sd: 0.03 },
    { key: 'tossup', label: 'Toss-up', mean: 0.50, sd: 0.03 },
    { key: 'lean-r', label: 'Lean R', mean: 0.48, sd: 0.03 },
    { key: 'likely-r', label: 'Likely R', mean: 0.45, sd: 0.03 },
    { key: 'safe-r', label: 'Safe R', mean: 0.40, sd: 0.03 }
  ];
  var rtUnits = [];   /* the units of the election's College, in order */
  var rtSeq = 0;

  /* A unit's rating from the election as counted: its margin, as on the
   * results map (under 5 points lean, 5 to 15 likely, 15+ safe). */
  function ratingFromResult(res, j) {
    var lk = look(res, j);
    if (lk.side !== 'd' && lk.side !== 'r') return 3;
    var k = lk.pts === null ? 0 : lk.pts >= 15 ? 0 : lk.pts >= 5 ? 1 : 2;
    return lk.side === 'd' ? k : 6 - k;
  }

  function ratingsFromResult(res) {
    return res.jurisdictions.map(function (j) { return ratingFromResult(res, j); }).join('');
  }

  /* The model the page sends, as the CSV `tally forecast` reads. */
  function ratingsModel() {
    var rows = ['code,mean,sd,electors'];
    rtUnits.forEach(function (u, i) {
      var r = RATINGS[+state.ratings.charAt(i)];
      rows.push(u.code + ',' + r.mean.toFixed(2) + ',' + r.sd.toFixed(2) + ',' + u.electors);
    });
    return rows.join('\n') + '\n';
  }

  function rtSet(i, k) {
    state.ratings = state.ratings.slice(0, i) + k + state.ratings.slice(i + 1);
    renderRatings();
  }

  function rtTile(i, cls, content) {
    var u = rtUnits[i];
    var k = +state.ratings.charAt(i);
    var b = el('button', { type: 'button', class: cls + ' rt-' + k, 'data-code': u.code });
    content.forEach(function (c) { c.setAttribute('aria-hidden', 'true'); b.appendChild(c); });
    b.appendChild(el('span', { class: 'vh' }, unitName(u.code) + ', ' + u.electors +
      ' elector' + (u.electors === 1 ? '' : 's') + ': ' + RATINGS[k].label +
      '. Press: ' + RATINGS[(k + 1) % 7].label + '.'));
    b.title = unitName(u.code) + ': ' + RATINGS[k].label;
    b.addEventListener('click', function () { rtSet(i, String((k + 1) % 7)); });
    return b;
  }

  function renderRatingsMap() {
    var map = $('rt-map');
    var focused = document.activeElement && document.activeElement.getAttribute &&
      document.activeElement.getAttribute('data-code');
    map.textContent = '';
    var idx = {};
    rtUnits.forEach(function (u, i) { idx[u.code] = i; });
    GRID.forEach(function (g) {
      var code = g[0];
      var cell = el('div', { class: 'tile', 'data-tile': code });
      cell.style.gridRow = String(g[1] + 1);
      cell.style.gridColumn = String(g[2] + 1);
      if (idx[code] === undefined) {
        cell.className += ' out';
        cell.appendChild(el('span', { class: 'code' }, code));
        cell.setAttribute('role', 'img');
        cell.setAttribute('aria-label', unitName(code) + ': no electors this year');
        map.appendChild(cell);
        return;
      }
      var ds = rtUnits.filter(function (u) { return u.code.indexOf(code + '-') === 0; });
      var short = function (i) { return RATINGS[+state.ratings.charAt(i)].label.replace(/^(\w)\w*[ -]?(\w*)$/, '$1$2'); };
      if (ds.length) {
        cell.className += ' split-tile';
        cell.appendChild(rtTile(idx[code], 'st top', [el('span', { class: 'code' }, code),
          el('span', { class: 'ev' }, rtUnits[idx[code]].electors)]));
        var row = el('div', { class: 'districts' });
        ds.forEach(function (d) {
          row.appendChild(rtTile(idx[d.code], 'st dist', [el('span', { class: 'dn' },
            d.code.split('-')[1])]));
        });
        cell.appendChild(row);
      } else {
        cell.appendChild(rtTile(idx[code], 'st', [el('span', { class: 'code' }, code),
          el('span', { class: 'ev' }, rtUnits[idx[code]].electors),
          el('span', { class: 'mk' }, short(idx[code]))]));
      }
      map.appendChild(cell);
    });
    if (focused) {
      var again = map.querySelector('[data-code="' + focused + '"]');
      if (again) again.focus();
    }
    geoMirror(map);
  }

  function renderRatingsTable() {
    var tb = $('rt-table').querySelector('tbody');
    if (tb.getAttribute('data-units') !== rtUnits.map(function (u) { return u.code; }).join(',')) {
      tb.textContent = '';
      rtUnits.forEach(function (u, i) {
        var tr = el('tr');
        tr.appendChild(el('th', { scope: 'row' }, unitName(u.code)));
        tr.appendChild(el('td', null, u.electors));
        var td = el('td');
        var sel = el('select', { 'data-i': i, 'aria-label': unitName(u.code) + ' rating' });
        RATINGS.forEach(function (r, k) { sel.appendChild(el('option', { value: k }, r.label)); });
        sel.addEventListener('change', function () { rtSet(i, sel.value); });
        td.appendChild(sel);
        tr.appendChild(td);
        tr.appendChild(el('td', { class: 'rt-ms' }));
        tb.appendChild(tr);
      });
      tb.setAttribute('data-units', rtUnits.map(function (u) { return u.code; }).join(','));
    }
    Array.prototype.forEach.call(tb.querySelectorAll('tr'), function (tr, i) {
      var k = +state.ratings.charAt(i);
      tr.querySelector('select').value = String(k);
      tr.querySelector('.rt-ms').textContent = RATINGS[k].mean.toFixed(2) + ' \u00b1 ' +
        RATINGS[k].sd.toFixed(2);
    });
  }

  /* The exact forecast of the ratings, on every change. */
  function renderRatings() {
    toURL();
    if (!rtUnits.length || !state.ratings || state.ratings.length !== rtUnits.length) return;
    renderRatingsMap();
    renderRatingsTable();
    var model = ratingsModel();
    $('rt-model').value = model;
    /* The electors are in the model (the College picked), so the library
     * need not load the election again. */
    var body = { model: model, national_sd: state.nsd, method: 'exact', sims: 0 };
    var my = ++rtSeq;
    var out = $('rt-out');
    out.setAttribute('aria-busy', 'true');
    var t0 = performance.now();
    post('/api/forecast', body).then(function (f) {
      var ms = performance.now() - t0;
      return post('/api/forecast/histogram.svg', body, true).then(function (svg) {
        if (my !== rtSeq) return;
        var tie = f.electors % 2 === 0 ? f.ev_histogram[f.electors / 2] : 0;
        $('rt-pd').textContent = pct(f.p_win.D);
        $('rt-pr').textContent = pct(f.p_win.R);
        $('rt-pt').textContent = pct(tie, 2);
        $('rt-ev').textContent = f.ev_mean.toFixed(1) + ' of ' + f.electors;
        out.setAttribute('data-p-win-d', String(f.p_win.D));
        out.setAttribute('data-ms', ms.toFixed(1));
        var img = $('rt-hist');
        img.alt = 'Histogram of the Democrat\'s electoral votes: P(Democrat wins) ' +
          pct(f.p_win.D) + ', P(Republican wins) ' + pct(f.p_win.R) + '.';
        img.src = 'data:image/svg+xml;charset=utf-8,' + encodeURIComponent(svg);
        $('rt-note').textContent = 'Exact method (convolution, ' + f.quadrature_nodes +
          ' quadrature nodes), national error sd ' + state.nsd.toFixed(3) + '; ' +
          ms.toFixed(0) + ' ms.';
        out.removeAttribute('aria-busy');
      });
    }, function (e) {
      if (my !== rtSeq) return;
      status(e.message);
      out.removeAttribute('aria-busy');
    });
  }

  /* Ratings mode needs the election's units (from the last what-if). */
  function enterRatings() {
    if (!latest) return;
    var res = latest.baseline;
    rtUnits = res.jurisdictions.map(function (j) { return { code: j.code, electors: j.electors }; });
    if (!state.ratings || state.ratings.length !== rtUnits.length)
      state.ratings = ratingsFromResult(res);
    renderRatings();
  }

  function setMode(m) {
    state.mode = m;
    document.body.setAttribute('data-mode', m);
    $('mode-results').setAttribute('aria-pressed', String(m === 'results'));
    $('mode-ratings').setAttribute('aria-pressed', String(m === 'ratings'));
    $('ratings').hidden = m !== 'ratings';
    Array.prototype.forEach.call(document.querySelectorAll('.results-only'), function (x) {
      x.hidden = m === 'ratings';
    });
    if (m === 'ratings') enterRatings();
    else if (latest) update();
  }

  function initRatings() {
    var tb = $('rt-key').querySelector('tbody');
    RATINGS.forEach(function (r, k) {
      var tr = el('tr');
      var sw = el('span', { class: 'sw rt-' + k, 'aria-hidden': 'true' });
      var th = el('th', { scope: 'row' });
      th.appendChild(sw);
      th.appendChild(document.createTextNode(' ' + r.label));
      tr.appendChild(th);
      tr.appendChild(el('td', null, (100 * r.mean).toFixed(0) + ' %'));
      tr.appendChild(el('td', null, (100 * r.sd).toFixed(0) + ' points'));
      tb.appendChild(tr);
    });
    $('mode-results').addEventListener('click', function () { setMode('results'); });
    $('mode-ratings').addEventListener('click', function () { setMode('ratings'); });
    $('rt-reset').addEventListener('click', function () {
      if (latest) state.ratings = ratingsFromResult(latest.baseline);
      renderRatings();
    });
    $('rt-tossup').addEventListener('click', function () {
      state.ratings = rtUnits.map(function () { return '3'; }).join('');
      renderRatings();
    });
    $('rt-nsd').addEventListener('input', function () {
      state.nsd = parseFloat($('rt-nsd').value);
      $('rt-nsd-out').textContent = state.nsd.toFixed(3);
      renderRatings();
    });
    $('rt-csv').addEventListener('click', function () {
      download('tally-ratings-' + state.year + '.csv', ratingsModel(), 'text/csv');
    });
    $('rt-embed').addEventListener('click', function () {
      var code = '<iframe src="' + location.href.replace(/"/g, '&quot;') +
        '" title="tally: electoral college ratings" width="720" height="900"' +
        ' style="border:0;max-width:100%"></iframe>';
      var done = function () { $('rt-copied').textContent = 'Embed code copied.'; };
      var show = function () { $('rt-copied').textContent = code; };
      if (navigator.clipboard) navigator.clipboard.writeText(code).then(done, show);
      else show();
    });
    $('rt-copy').addEventListener('click', function () {
      var done = function () { $('rt-copied').textContent = 'Link copied.'; };
      if (navigator.clipboard) navigator.clipboard.writeText(location.href).then(done, function () {
        $('rt-copied').textContent = location.href;
      });
      else $('rt-copied').textContent = location.href;
    });
  }

  /*---- the forecast ----*/
  var fcTimer = null;
  /*---- the forecast model as a table ----*/
  /* The model is CSV text (state.fc, the bytes sent); the table shows it
   * cell by cell and writes it back on every edit. Only plain CSV (no
   * quoted fields) is shown as a table; the library reads the text. */
  function fcRows(text) {
    var lines = text.replace(/\r/g, '').split('\n').filter(function (l) { return l.trim() !== ''; });
    if (lines.some(function (l) { return l.indexOf('"') >= 0; })) return null;
    return lines.map(function (l) { return l.split(','); });
  }

  function fcFromTable() {
    var rows = [];
    var head = $('fc-table').querySelector('thead tr');
    if (!head) return '';
    rows.push(Array.prototype.map.call(head.querySelectorAll('th[data-col]'), function (th) {
      return th.getAttribute('data-col');
    }).join(','));
    Array.prototype.forEach.call($('fc-table').querySelectorAll('tbody tr'), function (tr) {
      rows.push(Array.prototype.map.call(tr.querySelectorAll('input'), function (i) {
        return i.value.trim();
      }).join(','));
    });
    return rows.join('\n') + '\n';
  }

  function fcEdited() {
    state.fc = fcFromTable();
    $('fc-model').value = state.fc;
    forecastSoon();
  }

  function fcRowEl(cols, cells) {
    var tr = el('tr');
    var name = function () { return (tr.querySelector('input') || {}).value || 'new row'; };
    cols.forEach(function (c, k) {
      var td = el('td');
      var inp = el('input', { type: 'text', value: cells[k] || '', spellcheck: 'false',
        inputmode: k === 0 ? 'text' : 'decimal', size: k === 0 ? 6 : 7 });
      inp.addEventListener('input', fcEdited);
      inp.addEventListener('focus', function () { inp.setAttribute('aria-label', c + ' of ' + name()); });
      inp.setAttribute('aria-label', c + ' of ' + (cells[0] || 'new row'));
      td.appendChild(inp);
      tr.appendChild(td);
    });
    var td = el('td');
    var rm = el('button', { type: 'button', class: 'fc-rm' }, 'Remove');
    rm.setAttribute('aria-label', 'Remove the row of ' + (cells[0] || 'a new unit'));
    rm.addEventListener('click', function () { tr.remove(); fcEdited(); });
    td.appendChild(rm);
    tr.appendChild(td);
    return tr;
  }

  /* Draws state.fc as the table (or says why it cannot). */
  function fcRender() {
    $('fc-model').value = state.fc;
    var t = $('fc-table'), msg = $('fc-table-msg');
    var thead = t.querySelector('thead'), tbody = t.querySelector('tbody');
    thead.textContent = '';
    tbody.textContent = '';
    msg.textContent = '';
    var rows = fcRows(state.fc);
    $('fc-add').disabled = !rows || !rows.length;
    /* Nothing empty on show: no table without rows, no CSV without a
     * model. */
    $('fc-scroll').hidden = !rows || !rows.length;
    $('fc-model-box').hidden = !state.fc.trim();
    $('fc-csv').disabled = !state.fc.trim();
    $('fc-clear').disabled = !state.fc.trim();
    if (!rows) {
      msg.textContent = 'This model has quoted fields: it is sent as it is (see the CSV below), ' +
        'not shown as a table.';
      return;
    }
    if (!rows.length) {
      msg.textContent = 'No model yet: start from the election, or upload a CSV.';
      return;
    }
    var cols = rows[0];
    var hr = el('tr');
    cols.forEach(function (c) { hr.appendChild(el('th', { scope: 'col', 'data-col': c }, c)); });
    var rmh = el('th', { scope: 'col' });
    rmh.appendChild(el('span', { class: 'vh' }, 'Remove'));
    hr.appendChild(rmh);
    thead.appendChild(hr);
    rows.slice(1).forEach(function (r) { tbody.appendChild(fcRowEl(cols, r)); });
  }

  function forecastSoon() {
    clearTimeout(fcTimer);
    fcTimer = setTimeout(forecast, 350);
  }

  function forecast() {
    toURL();
    var out = $('fc-out');
    if (!state.fc.trim()) {
      out.textContent = '';
      return;
    }
    var body = { model: state.fc, national_sd: state.nsd, sims: 20000 };
    var header = state.fc.split(/\r?\n/)[0].toLowerCase();
    if (header.split(',').indexOf('electors') < 0) body.electors = state.year;
    var my = ++fcSeq;
    /* One request at a time: the server runs only so many forecasts at
     * once and answers the rest 503 (busy), so three at once can fail. */
    var r = [];
    post('/api/forecast', body).then(function (x) {
      r.push(x);
      return post('/api/forecast/histogram.svg', body, true);
    }).then(function (x) {
      r.push(x);
      return post('/api/forecast/map.svg', body, true);
    }).then(function (x) {
      r.push(x);
      if (my !== fcSeq) return;
      var f = r[0];
      out.textContent = '';
      var dl = el('dl', { class: 'fc-p' });
      [['P(Democrat wins)', pct(f.p_win.D)], ['P(Republican wins)', pct(f.p_win.R)],
        ['P(no majority)', pct(f.p_no_majority)],
        ['Democrat\'s electors', 'mean ' + f.ev_mean.toFixed(1) + ' of ' + f.electors]
      ].forEach(function (x) {
        dl.appendChild(el('dt', null, x[0]));
        dl.appendChild(el('dd', null, x[1]));
      });
      out.appendChild(dl);
      var img = el('img', { class: 'hist', alt: 'Histogram of the Democrat\'s electoral votes: ' +
        'P(Democrat wins) ' + pct(f.p_win.D) + ', P(Republican wins) ' + pct(f.p_win.R) +
        ', mean ' + f.ev_mean.toFixed(1) + ' electors.' });
      img.src = 'data:image/svg+xml;charset=utf-8,' + encodeURIComponent(r[1]);
      var pics = el('div', { class: 'fc-pics' });
      pics.appendChild(img);
      out.appendChild(pics);
      var fav = f.units.filter(function (u) { return u.p_win >= 0.5; }).length;
      var map = el('img', { class: 'fcmap', alt: 'Map of each unit\'s probability: ' +
        'the Democrat is favoured in ' + fav + ' of ' + f.units.length +
        ' units; the table below gives every probability.' });
      map.src = 'data:image/svg+xml;charset=utf-8,' + encodeURIComponent(r[2]);
      pics.appendChild(map);
      var t = el('table', { class: 'num fc-units' });
      t.appendChild(el('caption', null, 'Each unit: probability the Democrat wins it'));
      var h = el('tr');
      ['Unit', 'P(Democrat)', 'P(tipping point)'].forEach(function (x) {
        h.appendChild(el('th', { scope: 'col' }, x));
      });
      t.appendChild(el('thead')).appendChild(h);
      var tb = el('tbody');
      f.units.forEach(function (u) {
        var tr = el('tr');
        tr.appendChild(el('th', { scope: 'row' }, u.code));
        tr.appendChild(el('td', null, pct(u.p_win)));
        tr.appendChild(el('td', null, u.p_tipping === null || u.p_tipping === undefined ?
          '-' : pct(u.p_tipping)));
        tb.appendChild(tr);
      });
      t.appendChild(tb);
      var wrap = el('div', { class: 'scroll', tabindex: '0', role: 'region',
        'aria-label': 'Each unit\'s probabilities' });
      wrap.appendChild(t);
      out.appendChild(wrap);
    }, function (e) {
      if (my !== fcSeq) return;
      out.textContent = '';
      out.appendChild(el('p', { class: 'error' }, e.message));
    });
  }

  /* A model from the current what-if's two-party shares: a starting point
   * to edit. */
  function modelFromElection() {
    if (!latest) return '';
    var res = latest.whatif;
    var n = nominees(res);
    if (!n.d || !n.r) return '';
    var rows = ['code,mean,sd,electors'];
    var share = {};
    res.jurisdictions.forEach(function (j) {
      var d = j.votes[n.d.name] || 0;
      var r = j.votes[n.r.name] || 0;
      if (d + r > 0) share[j.code] = d / (d + r);
    });
    res.jurisdictions.forEach(function (j) {
      var s = share[j.code];
      if (s === undefined) s = share[j.code.split('-')[0]];
      if (s === undefined) s = 0.5;
      rows.push(j.code + ',' + s.toFixed(4) + ',0.030,' + j.electors);
    });
    return rows.join('\n') + '\n';
  }

  /*---- wiring ----*/
  function init() {
    fromURL();
    initRatings();
    setMode(state.mode);
    $('year').addEventListener('change', function () {
      state.year = parseInt($('year').value, 10);
      var y = years.filter(function (x) { return x.year === state.year; })[0];
      if (state.source !== 'medsl' && !(y && y.sources.indexOf(state.source) >= 0)) state.source = 'medsl';
      state.set = {};
      state.without = [];
      state.ratings = null;
      update();
      forecastSoon();
    });
    $('source').addEventListener('change', function () {
      state.source = $('source').value;
      update();
    });
    $('rule').addEventListener('change', function () {
      state.rule = $('rule').value;
      update();
    });
    var swingTimer = null;
    $('swing').addEventListener('input', function () {
      state.swing = Math.round(parseFloat($('swing').value) * 10) / 10;
      $('swing-out').textContent = (state.swing > 0 ? '+' : '') + state.swing.toFixed(1);
      clearTimeout(swingTimer);
      swingTimer = setTimeout(update, 120);
    });
    $('reapportion').addEventListener('change', function () {
      state.reapportion = $('reapportion').checked;
      update();
    });
    $('pindex').addEventListener('change', function () {
      state.pindex = $('pindex').value;
      update();
    });
    $('census').addEventListener('change', function () {
      state.census = $('census').value;
      update();
    });
    $('reset').addEventListener('click', function () {
      state.without = [];
      state.reapportion = false;
      state.census = '';
      state.rule = 'law';
      state.swing = 0;
      state.set = {};
      update();
    });
    fcRender();
    $('fc-add').addEventListener('click', function () {
      var head = $('fc-table').querySelector('thead tr');
      if (!head) return;
      var cols = Array.prototype.map.call(head.querySelectorAll('th[data-col]'), function (th) {
        return th.getAttribute('data-col');
      });
      var tr = fcRowEl(cols, []);
      $('fc-table').querySelector('tbody').appendChild(tr);
      tr.querySelector('input').focus();
    });
    $('fc-csv').addEventListener('click', function () {
      if (state.fc.trim()) download('tally-model-' + state.year + '.csv', state.fc, 'text/csv');
      else status('no model to download yet');
    });
    $('fc-nsd').addEventListener('input', function () {
      state.nsd = parseFloat($('fc-nsd').value);
      $('fc-nsd-out').textContent = state.nsd.toFixed(3);
      forecastSoon();
    });
    $('fc-file').addEventListener('change', function () {
      var f = $('fc-file').files[0];
      if (!f) return;
      if (f.size > 60000) {
        status('that file is larger than the server takes (64 KiB)');
        return;
      }
      f.text().then(function (t) {
        state.fc = t;
        fcRender();
        forecast();
      });
    });
    $('fc-from').addEventListener('click', function () {
      state.fc = modelFromElection();
      fcRender();
      forecast();
    });
    $('leave-form').addEventListener('submit', function (ev) {
      ev.preventDefault();
      var inp = $('leave-search');
      var c = leaveFind(inp.value);
      if (!c) {
        $('leave-msg').textContent = inp.value.trim() ?
          'No single state matches "' + inp.value.trim() + '".' : '';
        return;
      }
      $('leave-msg').textContent = '';
      inp.value = '';
      leaveSet(c, true);
    });
    $('leave-click').addEventListener('click', function () { setLeaveClick(!leaveClick); });
    $('leave-search').addEventListener('input', function () {
      /* A pick from the list (an exact name) applies at once. */
      var inp = $('leave-search');
      var c = leaveCodes.filter(function (x) { return unitName(x) === inp.value; })[0];
      if (c) { inp.value = ''; $('leave-msg').textContent = ''; leaveSet(c, true); }
    });
    /* The map as the library draws it: the results map, or in ratings
     * mode the map of each unit's probability. */
    function mapSvg() {
      if (state.mode === 'ratings')
        return post('/api/forecast/map.svg', { model: ratingsModel(),
          national_sd: state.nsd, method: 'exact', sims: 0 }, true);
      if (state.view === 'counties')
        return post('/api/counties.svg', { year: state.year }, true);
      var sc = scenario();
      if (state.view !== 'tiles') sc.geo = true;
      return post('/api/map.svg', sc, true);
    }
    function mapName(ext) {
      return 'tally-' + state.year + (state.mode === 'ratings' ? '-ratings' : '') + '.' + ext;
    }
    $('svg-link').addEventListener('click', function (ev) {
      ev.preventDefault();
      mapSvg().then(function (svg) {
        download(mapName('svg'), svg, 'image/svg+xml');
      }, function (e) { status(e.message); });
    });
    /* PNG: the SVG drawn on a canvas in the browser, at twice its size. */
    $('png-link').addEventListener('click', function () {
      mapSvg().then(function (svg) {
        var img = new Image();
        img.onload = function () {
          var c = document.createElement('canvas');
          c.width = 2 * (img.naturalWidth || 800);
          c.height = 2 * (img.naturalHeight || 500);
          var g = c.getContext('2d');
          g.fillStyle = '#fff';
          g.fillRect(0, 0, c.width, c.height);
          g.drawImage(img, 0, 0, c.width, c.height);
          c.toBlob(function (b) { download(mapName('png'), b, 'image/png'); }, 'image/png');
        };
        img.onerror = function () { status('cannot draw the map as PNG'); };
        img.src = 'data:image/svg+xml;charset=utf-8,' + encodeURIComponent(svg);
      }, function (e) { status(e.message); });
    });
    $('fc-clear').addEventListener('click', function () {
      state.fc = '';
      fcRender();
      forecast();
    });
    ['geo', 'tiles', 'counties'].forEach(function (v) {
      $('view-' + v).addEventListener('click', function () { setView(v); });
    });
    setView(state.view);
    /* The map first: the shapes and the election asked for at once (the
     * worker answers in order once tally.wasm runs), the analyses after
     * it is drawn (update). The years come with the page (make web writes
     * them into index.html from `tally years --json`), else, from
     * `tally serve`, from /api/years. */
    years = yearsOfPage();
    if (years.length && !years.some(function (y) { return y.year === state.year; }))
      state.year = years[years.length - 1].year; /* none asked, or none such */
    loadEngine();
    if (state.view !== 'tiles') loadGeo();
    var first = update();
    first.then(function () {
      if (engine && engine.warm) setTimeout(engine.warm, 0);
    });
    if (years.length) {
      yearsReady(first);
    } else {
      call('GET', '/api/years').then(function (ys) {
        years = ys;
        var sel = $('year');
        sel.textContent = '';
        ys.slice().reverse().forEach(function (y) {
          sel.appendChild(el('option', { value: y.year }, y.year));
        });
        yearsReady(first);
      }, function (e) { status('cannot load tally: ' + e.message); });
    }
  }

  /* The years the page came with: the options of the Election select
   * (value, data-census, data-sources), latest first; [] when it has
   * none. */
  function yearsOfPage() {
    var out = [];
    Array.prototype.forEach.call($('year').options, function (o) {
      if (!o.hasAttribute('data-census')) return;
      out.unshift({ year: parseInt(o.value, 10),
        census: parseInt(o.getAttribute('data-census'), 10),
        sources: o.getAttribute('data-sources').split(' ') });
    });
    return out;
  }

  /* The controls that need the list of years: the censuses (those the
   * built-in years name: none hard-coded), the year itself. */
  function yearsReady(first) {
    var censuses = [];
    years.forEach(function (y) { if (censuses.indexOf(y.census) < 0) censuses.push(y.census); });
    censuses.sort().forEach(function (c) {
      $('census').appendChild(el('option', { value: c }, c + ' census'));
    });
    var ok = years.some(function (y) { return y.year === state.year; });
    if (state.year !== null && !ok) {
      state.year = years[years.length - 1].year;
      update();
    } else {
      renderControls();
    }
    return first.then(function () {
      if (state.fc) forecast();
    });
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init);
  else init();
})();
