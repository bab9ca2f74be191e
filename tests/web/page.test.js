/*
 * page.test.js -- the tally page in headless Chromium (Debian's
 * /usr/bin/chromium, driven by playwright-core), as issue 7's acceptance
 * says: 2016 reads 306-232 on the elector bar (National Archives, pledged
 * electors); California leaves: 306-177 of 483 (its 55 electors go); the
 * House is reapportioned: the totals of the reapportioned College (as the
 * API computes them, and 435 + 2 x 49 + 3 = 536 electors); back on the
 * unchanged map, Wisconsin (10), Michigan (16) and Pennsylvania (20) flip:
 * Clinton 232 + 46 = 278; a reload from the URL gives the same scenario; a
 * screenshot is saved. Also: keyboard use, no console errors (CSP), the
 * forecast panel.
 * With TALLY_STATIC=1 the page is build/web/ on a static server (make web:
 * the library runs in the page as WebAssembly) and the reference figures
 * come from the CLI (TALLY_BIN); the page must then say it runs the
 * module.
 * Usage: node page.test.js BASE_URL SCREENSHOT.png
 * Prints "ok"/"not ok" lines and ends with "N passed, N failed".
 */
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { chromium } = require('playwright-core');

const base = process.argv[2];
const shot = process.argv[3];
let pass = 0;
let fail = 0;

/* Presses a state on the geographic map with the pointer, at its code's
 * label (over the shape; the label itself takes no pointer events). */
async function pressShape(page, box, code) {
  const label = page.locator(box + ' text[data-for="' + code + '"]');
  await label.scrollIntoViewIfNeeded();
  const r = await label.boundingBox();
  await page.mouse.click(r.x + r.width / 2, r.y + r.height / 2);
}

function check(name, cond, detail) {
  if (cond) {
    pass++;
    console.log('ok - ' + name);
  } else {
    fail++;
    console.log('not ok - ' + name + (detail ? ': ' + detail : ''));
  }
}

async function bar(page) {
  return page.evaluate(() => ({
    d: document.getElementById('ev-d').textContent,
    r: document.getElementById('ev-r').textContent,
    total: document.getElementById('ev-total').textContent,
    majority: document.getElementById('ev-majority').textContent,
    label: document.getElementById('bar').getAttribute('aria-label')
  }));
}

/* Waits until the bar shows what `want` says (fields given as strings). */
async function waitBar(page, want) {
  try {
    await page.waitForFunction((w) => {
      const get = (id) => document.getElementById(id).textContent;
      return (!w.d || get('ev-d') === w.d) && (!w.r || get('ev-r') === w.r) &&
        (!w.total || get('ev-total') === w.total) &&
        !document.body.hasAttribute('aria-busy');
    }, want, { timeout: 60000 }); /* the static page's first answer waits for tally.wasm */
  } catch (e) { /* the checks below report what was seen */ }
  return bar(page);
}

/* The reference figures: the server's API, or for the static page (no
 * server: TALLY_STATIC=1) the CLI's --json, which prints the same bytes. */
async function api(pathname, body) {
  if (process.env.TALLY_STATIC === '1') {
    if (pathname !== '/api/whatif') throw new Error('no CLI twin for ' + pathname);
    const args = ['whatif', String(body.year), '--json'];
    if (body.without) args.push('--without', body.without.join(','));
    if (body.reapportion) args.push('--reapportion');
    const out = require('child_process').execFileSync(process.env.TALLY_BIN, args);
    return JSON.parse(out);
  }
  const r = await fetch(base + pathname, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body)
  });
  return r.json();
}

function pledged(res, party) {
  let best = null;
  for (const c of res.candidates)
    if (c.party.toLowerCase().startsWith(party) && (!best || c.votes > best.votes)) best = c;
  return best ? best.ev_pledged : null;
}

async function main() {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'tally-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic',
      '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
    viewport: { width: 1280, height: 1000 }
  });
  const errors = [];
  try {
    const page = context.pages()[0] || await context.newPage();
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    page.on('pageerror', (e) => errors.push(String(e)));

    /* 1. 2016 as counted: Trump 306, Clinton 232 pledged (National
     * Archives), 270 of 538 to win. */
    await page.goto(base + '/?year=2016', { waitUntil: 'load' });
    let b = await waitBar(page, { d: '232', r: '306', total: '538' });
    check('the page runs on ' + (process.env.TALLY_STATIC === '1' ? 'tally.wasm' : 'the API'),
      (await page.getAttribute('html', 'data-engine')) ===
      (process.env.TALLY_STATIC === '1' ? 'wasm' : null));
    check('2016 bar reads 306-232', b.r === '306' && b.d === '232', JSON.stringify(b));
    check('2016: 270 of 538 to win', b.majority === '270' && b.total === '538',
      JSON.stringify(b));
    check('the bar has a text alternative',
      /Hillary Clinton 232 electors, Donald Trump 306 electors/.test(b.label), b.label);
    /* Issue 10: the popular-vote rows add up to the total (an "N more
     * candidates" row, as in the CLI), and the tipping point is labelled
     * by party as the CLI labels it (tally tipping 2016: WI R+0.76, nation
     * D+2.10, tilt R+2.86). */
    const rows = await page.locator('#popular tbody tr:not(.total)').evaluateAll((trs) =>
      trs.map((tr) => [tr.cells[0].textContent, tr.cells[3].textContent]));
    const shareSum = rows.reduce((s, r) => s + parseFloat(r[1]), 0);
    check('popular vote: a "N more candidates" row',
      rows.some((r) => /^\d+ more candidates?$/.test(r[0])), JSON.stringify(rows));
    check('popular vote: the rows add up to 100 % (rounding aside)',
      Math.abs(shareSum - 100) < 0.05, String(shareSum));
    await page.waitForFunction(() => document.querySelector('#tipping strong'), null,
      { timeout: 15000 }).catch(() => {});
    const tip = await page.textContent('#tipping p');
    check('tipping point labelled by party as in the CLI',
      /R\+0\.76/.test(tip) && /D\+2\.10 nationally/.test(tip) && /tilt R\+2\.86/.test(tip),
      tip);
    check('51 state tiles and 5 district cells',
      await page.locator('#map .tile').count() === 51 &&
      await page.locator('#map button.dist').count() === 5);
    /* Issue 16: the geographic map by default, from the library's shapes
     * (/api/geo): 51 shapes coloured as their tiles, and the small states
     * and the 5 districts as buttons under it; the tile map hidden. */
    await page.waitForSelector('#map-geo svg', { timeout: 15000 }).catch(() => {});
    check('geographic map: 51 state shapes, each a button named as its tile',
      await page.locator('#map-geo g.gu[role=button]').count() === 51 &&
      /^Wisconsin, 10 electors: Donald Trump \(R\), R\+0\.7/.test(
        await page.locator('#map-geo [data-geo="WI"]').getAttribute('aria-label')),
      await page.locator('#map-geo [data-geo="WI"]').getAttribute('aria-label'));
    check('geographic map: Republican states hatched, Democratic not',
      /\bhatched\b/.test(await page.locator('#map-geo [data-geo="TX"]').getAttribute('class')) &&
      !/\bhatched\b/.test(await page.locator('#map-geo [data-geo="CA"]').getAttribute('class')));
    check('geographic map: ME and NE districts and 9 small states as buttons',
      await page.locator('#map-geo .geo-side button').count() === 14 &&
      await page.locator('#map-geo .geo-side [data-side="NE-2"]').count() === 1);
    check('geographic map shown, tiles hidden', await page.locator('#map-geo').isVisible() &&
      !(await page.locator('#map').isVisible()));

    /* 2. California leaves the Union: its 55 electors go. */
    await page.locator('#leave-search').fill('Calif');
    await page.locator('#leave-search').press('Enter');
    b = await waitBar(page, { d: '177', r: '306', total: '483' });
    check('without CA: 306-177 of 483', b.d === '177' && b.r === '306' && b.total === '483',
      JSON.stringify(b));
    check('without CA: 242 to win', b.majority === '242', b.majority);
    check('CA tile shows it left',
      (await page.locator('#map .tile.out').getAttribute('aria-label')) ===
      'California: left the Union');
    check('the URL holds without=CA', new URL(page.url()).searchParams.get('without') === 'CA',
      page.url());

    /* Issue 16: the map-click mode: pressing Texas on the geographic map
     * makes it leave (38 electors: 268-177 of 445), then it comes back. */
    await page.locator('#leave-click').click();
    await pressShape(page, '#map-geo', 'TX');
    b = await waitBar(page, { total: '445' });
    check('leave by map click: without CA and TX, 268-177 of 445',
      b.r === '268' && b.d === '177' && b.total === '445' &&
      new URL(page.url()).searchParams.get('without') === 'CA,TX', JSON.stringify(b));
    await page.locator('#leave-click').click();
    await page.getByRole('button', { name: 'Texas \u00d7: back in the Union' }).click();
    b = await waitBar(page, { total: '483' });
    check('Texas back: 306-177 of 483 again', b.total === '483' && b.r === '306', JSON.stringify(b));

    /* 3. Reapportion the House among the 49 states that remain. */
    await page.locator('#reapportion').check();
    b = await waitBar(page, { total: '536' });
    const want = (await api('/api/whatif', { year: 2016, without: ['CA'], reapportion: true }))
      .whatif;
    check('reapportioned: 435 + 2 x 49 + 3 = 536 electors', b.total === '536' &&
      want.electors === 536, JSON.stringify(b));
    check('reapportioned totals as the API computes them (' + want.candidates[0].name + ' ' +
      pledged(want, 'democrat') + ', ' + pledged(want, 'republican') + ')',
      b.d === String(pledged(want, 'democrat')) && b.r === String(pledged(want, 'republican')) &&
      b.majority === String(want.majority), JSON.stringify(b));
    const changes = await page.locator('#changes li').allTextContents();
    check('reapportioned: the 2016 total changed for some state',
      changes.some((t) => /electors/.test(t) && /→/.test(t)));
    /* Issue 10: the changes are listed in the order of the names shown. */
    const names = changes.map((t) => t.split(':')[0]);
    check('changes sorted by the names shown',
      names.length > 1 && names.every((n, i) => i === 0 || names[i - 1] <= n),
      JSON.stringify(names));

    /* 4. Back on the unchanged 2016 map: flip WI, MI and PA. */
    await page.locator('#reapportion').uncheck();
    await page.getByRole('button', { name: 'California \u00d7: back in the Union' }).click();
    b = await waitBar(page, { d: '232', r: '306', total: '538' });
    check('back to 2016 as counted', b.d === '232' && b.r === '306' && b.total === '538',
      JSON.stringify(b));
    for (const st of ['WI', 'MI', 'PA']) {
      const before = (await bar(page)).d;
      /* Pressed on the geographic map, at the state's label. */
      await pressShape(page, '#map-geo', st);
      await page.waitForFunction((x) => document.getElementById('ev-d').textContent !== x &&
        !document.body.hasAttribute('aria-busy'), before, { timeout: 15000 }).catch(() => {});
    }
    b = await waitBar(page, { d: '278' });
    check('WI, MI, PA flipped: Clinton 278', b.d === '278' && b.r === '260', JSON.stringify(b));
    check('Clinton wins', /Hillary Clinton wins with 278 of 538/.test(
      await page.textContent('#winner')), await page.textContent('#winner'));
    const url = page.url();
    check('the URL holds the flips', new URL(url).searchParams.get('set') === 'MI:D,PA:D,WI:D',
      url);

    /* 5. Reload from the URL: the same scenario. */
    await page.goto(url, { waitUntil: 'load' });
    b = await waitBar(page, { d: '278' });
    check('reloaded from the URL: Clinton 278', b.d === '278' && b.r === '260',
      JSON.stringify(b));
    check('reloaded: WI shown as set',
      /\bset\b/.test(await page.locator('#map button[data-code="WI"]').getAttribute('class')));
    fs.mkdirSync(path.dirname(shot), { recursive: true });
    await page.screenshot({ path: shot, fullPage: true });
    check('screenshot saved', fs.statSync(shot).size > 10000, shot);

    /* 6. Keyboard: Enter on the focused WI shape cycles it (its own
     * party, then as voted). */
    await page.locator('#map-geo [data-geo="WI"]').focus();
    await page.keyboard.press('Enter');
    b = await waitBar(page, { d: '268' });
    check('keyboard: WI set to its own party (R): 268', b.d === '268', JSON.stringify(b));
    check('keyboard: focus stays on WI', await page.evaluate(() =>
      document.activeElement.getAttribute('data-geo')) === 'WI');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => !/WI:/.test(location.search), null, { timeout: 15000 })
      .catch(() => {});
    b = await waitBar(page, { d: '268' });
    check('keyboard: WI back to as voted', !/WI:/.test(page.url()) && b.d === '268',
      page.url());

    /* 6b. The tile map as a choice: shown, in the URL, and pressing a
     * tile works as on the geographic map (no 269-269 tie on the way:
     * the tipping point of a tie is a 400 answer, a console error). */
    await page.locator('#view-tiles').click();
    check('tiles view: the tile map shown, the geographic map hidden',
      await page.locator('#map').isVisible() && !(await page.locator('#map-geo').isVisible()) &&
      new URL(page.url()).searchParams.get('view') === 'tiles', page.url());
    await page.locator('#map button[data-code="WI"]').click();
    b = await waitBar(page, { d: '278' });
    check('tiles view: WI to Clinton: 278', b.d === '278', JSON.stringify(b));
    await page.locator('#view-geo').click();
    check('geographic map again: WI shown set',
      /\bset\b/.test(await page.locator('#map-geo [data-geo="WI"]').getAttribute('class')) &&
      !new URL(page.url()).searchParams.has('view'), page.url());
    /* NE-2's button under the geographic map: Clinton (279), its own
     * party, then as voted (278). */
    for (const d of ['279', '278', '278']) {
      const before = page.url();
      await page.locator('#map-geo [data-side="NE-2"]').click();
      await page.waitForFunction((u) => location.href !== u &&
        !document.body.hasAttribute('aria-busy'), before, { timeout: 15000 }).catch(() => {});
      b = await waitBar(page, { d: d });
      if (d === '279') check('geographic map: NE-2 pressed under the map: 279', b.d === '279', JSON.stringify(b));
    }
    check('geographic map: NE-2 pressed back to as voted: 278',
      b.d === '278' && !/NE-2/.test(decodeURIComponent(page.url())), page.url());

    /* 7. The analysis panels answer for the scenario. */
    await page.waitForFunction(() => document.querySelector('#flip strong') &&
      document.querySelector('#tipping strong'), null, { timeout: 15000 }).catch(() => {});
    check('flip panel filled', await page.locator('#flip strong').count() === 1);
    check('tipping panel filled', await page.locator('#tipping strong').count() === 1);
    await page.waitForSelector('#power table', { timeout: 15000 }).catch(() => {});
    check('power panel: one row per unit (51 states and DC, 2016)',
      await page.locator('#power tbody tr').count() === 51);
    await page.locator('#pindex').selectOption('shapley');
    await page.waitForFunction(() => /pindex=shapley/.test(location.search) &&
      /Shapley/.test(document.getElementById('power').textContent), null, { timeout: 15000 })
      .catch(() => {});
    check('power panel: Shapley-Shubik on request',
      /Shapley-Shubik/.test(await page.textContent('#power')));

    /* 8. The forecast panel: a model from the election's shares. */
    await page.locator('#fc-from').click();
    await page.waitForSelector('#fc-out .fc-p', { timeout: 30000 }).catch(() => {});
    const fc = await page.locator('#fc-out .fc-p dd').allTextContents();
    const sum = fc.slice(0, 3).reduce((s, t) => s + parseFloat(t), 0);
    check('forecast: P(D) + P(R) + P(no majority) = 100 %', fc.length === 4 &&
      Math.abs(sum - 100) < 0.2, JSON.stringify(fc));
    check('forecast: histogram shown with a text alternative',
      /P\(Democrat wins\)/.test(await page.locator('#fc-out img.hist').getAttribute('alt') || ''));
    check('forecast: the URL holds the model', /fc=code/.test(page.url()));
    check('forecast: the probability map shown', await page.locator('#fc-out img.fcmap').count() === 1);
    /* Issue 16: the model is an editable table, not a CSV textarea: one
     * row a unit; an edit changes the model sent and the forecast. */
    check('forecast: the model as a table, one row a unit (56 in 2016)',
      await page.locator('#fc-table tbody tr').count() === 56,
      String(await page.locator('#fc-table tbody tr').count()));
    const pBefore = await page.locator('#fc-out .fc-p dd').first().textContent();
    const flRow = page.locator('#fc-table tbody tr').filter({
      has: page.locator('input[aria-label="code of FL"]') });
    await flRow.locator('input').nth(1).fill('0.9');
    await page.waitForFunction((b) => {
      const d = document.querySelector('#fc-out .fc-p dd');
      return d && d.textContent !== b;
    }, pBefore, { timeout: 30000 }).catch(() => {});
    check('forecast: Florida at 0.9 in the table raises P(D) (' + pBefore + ' -> ' +
      await page.locator('#fc-out .fc-p dd').first().textContent() + ')',
      parseFloat(await page.locator('#fc-out .fc-p dd').first().textContent()) > parseFloat(pBefore) &&
      /\nFL,0\.9,/.test(await page.locator('#fc-model').inputValue()));

    check('no console errors', errors.length === 0, errors.join(' | '));
  } finally {
    await context.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

main().catch((e) => {
  fail++;
  console.log('not ok - the test crashed: ' + (e && e.stack || e));
}).finally(() => {
  console.log(pass + ' passed, ' + fail + ' failed');
  process.exitCode = fail === 0 ? 0 : 1;
});
