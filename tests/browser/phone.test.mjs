// Phones and touch screens in Chromium (touch emulated, CDP touch events): a team joins by its link
// on a 390x844 phone and plays from the HTML team page by taps; its code is the one the facilitator
// accepts; nothing on the page is clipped at 390 or 320 px, portrait or landscape, in either
// language. On the canvas a tap acts where it lands, once; a swipe scrolls a panel; a pinch zooms the
// map. Screenshots go to KIZUNA_SCREENSHOT_DIR when it is set (for reading by eye).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import {
  launchBrowser, serveSite, openPage, waitUntilRunning, frames, clickControl, closeContextsAfterEach, workshopExercise, phoneContext, screenshotDir, screenshotter,
} from './harness.mjs';

let browser;
let site;
before(async () => { site = await serveSite(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await site?.close(); });
closeContextsAfterEach();

const EXERCISE = workshopExercise;
const PHONE = phoneContext;
const shots = screenshotDir;
const screenshot = screenshotter('phone');

// Every element of the team page with text of its own fits its box (no text cut or hidden
// sideways), and the page itself does not scroll sideways. Returns the offenders.
function clippedText(page) {
  return page.evaluate(() => {
    const root = document.getElementById('team-page');
    const offenders = [];
    if (root.scrollWidth > root.clientWidth) offenders.push(`the page scrolls sideways (${root.scrollWidth} > ${root.clientWidth})`);
    for (const node of root.querySelectorAll('*')) {
      const ownText = [...node.childNodes].some((child) => child.nodeType === Node.TEXT_NODE && child.textContent.trim());
      if (!ownText || node.clientWidth === 0 || node.closest('.visually-hidden')) continue;  // hidden: for screen readers
      const box = node.getBoundingClientRect();
      if (node.scrollWidth > node.clientWidth + 1) offenders.push(`${node.tagName}.${node.className}: "${node.textContent.slice(0, 40)}" ${node.scrollWidth} > ${node.clientWidth}`);
      else if (box.right > window.innerWidth + 1 || box.left < -1) offenders.push(`${node.tagName}.${node.className} leaves the screen (${box.left}..${box.right})`);
    }
    return offenders;
  });
}

// Controls a thumb can hit: every button of the team page is at least 44 x 44 CSS px.
function smallControls(page) {
  return page.evaluate(() => [...document.querySelectorAll('#team-page button, #team-page input')]
    .map((node) => ({ text: node.textContent || node.placeholder, box: node.getBoundingClientRect() }))
    .filter(({ box }) => box.width < 44 || box.height < 44)
    .map(({ text, box }) => `${text}: ${box.width}x${box.height}`));
}

const teamView = (page) => page.evaluate(() => window.kizuna.workshop.teamView());
const leverValues = (view) => Object.fromEntries(view.levers.map((lever) => [lever.path, lever.value]));

test('a team on a phone joins by its link, reads its briefing, decides by taps, and its code is accepted', async () => {
  const host = await openPage(browser, site.url);
  await waitUntilRunning(host.page, 3);
  assert.deepEqual(await host.page.evaluate((id) => window.kizuna.workshop.start(id), EXERCISE), []);
  // The facilitator's join sheet: a QR code and the full address of each team's link.
  await host.page.locator('#join-toggle').click();
  const card = host.page.locator('#join-sheet .join-team[data-team="US"]');
  await card.locator('img.join-qr').waitFor({ state: 'visible' });
  assert.equal(await host.page.locator('#join-sheet img.join-qr').count(), 4);
  const address = await card.locator('.join-link').getAttribute('href');
  assert.equal(address, await host.page.evaluate(() => `${location.href.split('#')[0]}#${window.kizuna.workshop.teamLink('US')}`));
  assert.match(await card.locator('img.join-qr').getAttribute('src'), /^data:image\/svg\+xml/);
  if (shots) await host.page.screenshot({ path: path.join(shots, 'facilitator-join-sheet.png') });
  await host.page.locator('#join-sheet .join-close').click();

  const phone = await browser.newContext(PHONE);
  const page = await phone.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => { if (message.type() === 'error') errors.push(message.text()); });
  await page.goto(address);
  await waitUntilRunning(page, 3);
  await page.locator('#team-page').waitFor({ state: 'visible' });

  // The briefing is open and readable; the page says who the team plays.
  const view = await teamView(page);
  assert.ok(view.team.briefing.length > 20);
  await page.getByText(view.team.briefing).waitFor({ state: 'visible' });
  assert.match(await page.locator('#team-page h1').textContent(), /United States|US/);
  assert.deepEqual(await clippedText(page), []);
  assert.deepEqual(await smallControls(page), []);
  assert.doesNotMatch(await page.locator('#team-page').innerText(), /\bnull\b|undefined|workshop\./, 'no stray values or catalog keys');

  // Yes/no is a switch: a tap turns it on, and changes that lever only.
  const join = page.locator('[role="switch"][data-lever="join.re-club.US"]');
  assert.equal(await join.getAttribute('aria-checked'), 'false');
  const before = leverValues(await teamView(page));
  await join.tap();
  await page.waitForFunction(() => document.querySelector('[role="switch"][data-lever="join.re-club.US"]').getAttribute('aria-checked') === 'true');
  assert.deepEqual(leverValues(await teamView(page)), { ...before, 'join.re-club.US': 1 });
  // A value from a row of choices.
  const reserve = 'policy.US.stockpile.re_oxide.targetMonths';
  await page.locator(`[data-lever="${reserve}"][data-value="3"]`).tap();
  await page.waitForFunction((p) => document.querySelector(`[data-lever="${p}"][data-value="3"]`).getAttribute('aria-pressed') === 'true', reserve);
  assert.deepEqual(leverValues(await teamView(page)), { ...before, 'join.re-club.US': 1, [reserve]: 3 });
  assert.match(await page.locator('.team-preview').textContent(), /USD/);
  await screenshot(page, '390-en');

  // Submit: the code shown, large and whole, is the code the facilitator's session accepts.
  await page.locator('#team-submit').tap();
  const code = page.locator('#team-code');
  await code.waitFor({ state: 'visible' });
  const shown = (await code.textContent()).trim();
  assert.equal(shown, await page.evaluate(() => window.kizuna.workshop.state().code));
  assert.match(shown, /^[0-9A-Z]{4}(-[0-9A-Z]{1,4})+$/);
  const fit = await code.evaluate((node) => ({ scroll: node.scrollWidth, client: node.clientWidth, font: parseFloat(getComputedStyle(node).fontSize) }));
  assert.ok(fit.scroll <= fit.client, `the code fits its box (${fit.scroll} > ${fit.client})`);
  assert.ok(fit.font >= 24, `the code is large (${fit.font} px)`);
  assert.deepEqual(await host.page.evaluate((c) => window.kizuna.workshop.enterCode(c), shown), []);
  assert.equal((await host.page.evaluate(() => window.kizuna.workshop.state())).teams[0].decided, true);
  assert.deepEqual(await clippedText(page), []);
  assert.doesNotMatch(await page.locator('#team-page').innerText(), /\bnull\b|undefined|workshop\./);
  await screenshot(page, '390-en-code');

  // Japanese, from the page's own language button: the same page in Japanese, nothing clipped.
  await page.locator('.team-language').tap();
  await page.waitForFunction(() => document.querySelector('#team-page h1')?.textContent.includes('担当チーム'));
  assert.deepEqual(await clippedText(page), []);
  await screenshot(page, '390-ja');

  // 320 px wide, then landscape: still one column, nothing clipped, in both languages.
  const pageLanguage = () => page.evaluate(() => document.getElementById('team-page').getAttribute('lang'));
  for (const [size, name] of [[{ width: 320, height: 640 }, '320'], [{ width: 844, height: 390 }, 'landscape']]) {
    await page.setViewportSize(size);
    await page.waitForFunction((w) => document.getElementById('team-page').clientWidth <= w, size.width);
    for (let switched = 0; switched < 2; switched++) {
      const language = await pageLanguage();
      assert.deepEqual(await clippedText(page), [], `${name} ${language}`);
      assert.deepEqual(await smallControls(page), [], `${name} ${language}`);
      await screenshot(page, `${name}-${language}`);
      if (switched === 0) {
        await page.locator('.team-language').tap();
        await page.waitForFunction((before) => document.getElementById('team-page').getAttribute('lang') !== before, language);
      }
    }
  }

  // Catch up: the facilitator opens round 2; the team pastes the new link and plays round 2 as the US.
  assert.deepEqual(await host.page.evaluate(() => window.kizuna.workshop.advance()), []);
  const next = await host.page.evaluate(() => `${location.href.split('#')[0]}#${window.kizuna.workshop.state().link}`);
  await page.locator('#team-catch-up').fill(next);
  await page.locator('[data-focus="catch-up"]').tap();
  await page.waitForFunction(() => window.kizuna.workshop.state().round === 2);
  assert.equal((await page.evaluate(() => window.kizuna.workshop.state())).team, 'US');
  await page.waitForFunction(() => !document.getElementById('team-code'));  // a new round, no code yet

  // One link for every team: the session link without a team asks the phone which team it is.
  const session = await host.page.evaluate(() => window.kizuna.workshop.state().link);
  await page.evaluate((link) => { location.hash = `#${link}`; }, session);
  await page.locator('#team-page [data-team="JP"]').waitFor({ state: 'visible' });
  assert.equal((await page.evaluate(() => window.kizuna.workshop.state())).role, 'facilitator');
  assert.equal(await page.locator('#join-toggle').isVisible(), false, 'the join sheet is the facilitator screen\'s');
  assert.deepEqual(await clippedText(page), []);
  await screenshot(page, 'picker');
  await page.locator('#team-page [data-team="JP"]').tap();
  await page.waitForFunction(() => window.kizuna.workshop.state().team === 'JP');
  await page.locator('#team-page h1').filter({ hasText: /Japan|日本/ }).waitFor();
  assert.deepEqual(errors, []);
  assert.deepEqual(host.consoleErrors, []);
});

test('a laptop team keeps the app panel, and the facilitator copies full addresses', async () => {
  const host = await openPage(browser, site.url, { permissions: ['clipboard-read', 'clipboard-write'] });
  await waitUntilRunning(host.page, 3);
  assert.deepEqual(await host.page.evaluate((id) => window.kizuna.workshop.start(id), EXERCISE), []);
  await clickControl(host.page, 'workshop-copy-team-links');
  await host.page.waitForFunction(() => navigator.clipboard.readText().then((text) => text.length > 0));
  const copied = await host.page.evaluate(() => navigator.clipboard.readText());
  const base = site.url.split('#')[0];
  const lines = copied.trim().split('\n');
  assert.equal(lines.length, 4);
  for (const line of lines) assert.match(line, new RegExp(`: ${base.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}#w[A-Za-z0-9_-]+\\.[A-Z]{2}$`), line);
  await clickControl(host.page, 'workshop-copy-link');
  await host.page.waitForFunction(() => navigator.clipboard.readText().then((text) => !text.includes('\n')));
  assert.equal(await host.page.evaluate(() => navigator.clipboard.readText()),
    await host.page.evaluate(() => `${location.href.split('#')[0]}#${window.kizuna.workshop.state().link}`));

  const laptop = await openPage(browser, `${base}#${lines[0].split(': ')[1].split('#')[1]}`);
  await waitUntilRunning(laptop.page, 3);
  await laptop.page.waitForFunction(() => window.kizuna.workshop.state().role === 'team');
  await laptop.page.waitForFunction(() => window.kizuna.uiRect('workshop-submit') !== null);
  assert.equal(await laptop.page.locator('#team-page').isVisible(), false);
});

// Touch on the canvas, through CDP touch events as a touch screen sends them.
async function touchSession(page) {
  const cdp = await page.context().newCDPSession(page);
  const touch = (type, points) => cdp.send('Input.dispatchTouchEvent', { type, touchPoints: points });
  return {
    async tap(x, y) {
      await touch('touchStart', [{ x, y }]);
      await touch('touchEnd', []);
      await frames(page, 3);
    },
    async swipe(from, to, steps = 6) {
      await touch('touchStart', [from]);
      for (let i = 1; i <= steps; i++) {
        await touch('touchMove', [{ x: from.x + ((to.x - from.x) * i) / steps, y: from.y + ((to.y - from.y) * i) / steps }]);
        await frames(page, 1);
      }
      await touch('touchEnd', []);
      await frames(page, 3);
    },
    async pinch(center, fromGap, toGap, steps = 6) {
      const points = (gap) => [{ x: center.x - gap / 2, y: center.y, id: 0 }, { x: center.x + gap / 2, y: center.y, id: 1 }];
      await touch('touchStart', points(fromGap));
      for (let i = 1; i <= steps; i++) {
        await touch('touchMove', points(fromGap + ((toGap - fromGap) * i) / steps));
        await frames(page, 1);
      }
      await touch('touchEnd', []);
      await frames(page, 3);
    },
  };
}
const middle = (rect) => ({ x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 });
const rectOf = (page, name) => page.evaluate((n) => window.kizuna.uiRect(n), name);

test('on a touch screen a tap acts where it lands, once; a swipe scrolls; a pinch zooms the map', async () => {
  const context = await browser.newContext({ viewport: { width: 1024, height: 768 }, hasTouch: true, isMobile: true });
  const page = await context.newPage();
  await page.goto(site.url);
  await waitUntilRunning(page, 3);
  await page.waitForFunction(() => window.kizuna.uiRect('language-menu') !== null);
  const touch = await touchSession(page);

  // The language menu, then Japanese in it: the second tap must not first press where the first
  // landed (that closed the menu, so the tap on Japanese hit nothing).
  await touch.tap(...Object.values(middle(await rectOf(page, 'language-menu'))));
  await page.waitForFunction(() => window.kizuna.uiRect('language-ja') !== null);
  await frames(page, 2);
  const ja = middle(await rectOf(page, 'language-ja'));
  await touch.tap(ja.x, ja.y);
  await page.waitForFunction(() => window.kizuna.language() === 'ja');
  await frames(page, 3);
  assert.equal(await rectOf(page, 'language-ja'), null, 'the menu closed after its item');
  assert.deepEqual(await page.evaluate(() => window.kizuna.changedLevers()), [], 'no lever moved');

  // A swipe up that starts on a slider of the levers panel (short enough to scroll) scrolls the
  // panel and moves no lever.
  await page.setViewportSize({ width: 1024, height: 400 });
  await page.waitForFunction(() => document.getElementById('canvas').height === 400 * window.devicePixelRatio);
  await frames(page, 3);
  const lever = await rectOf(page, 'lever:event.cn-halt-japan-2010.fraction');
  assert.ok(lever, 'the lever is drawn');
  const start = middle(lever);
  await touch.swipe(start, { x: start.x, y: start.y - 150 });
  const after = await rectOf(page, 'lever:event.cn-halt-japan-2010.fraction');
  assert.ok(after === null || after.y < lever.y - 20, `the panel scrolled (${lever.y} -> ${after && after.y})`);
  assert.deepEqual(await page.evaluate(() => window.kizuna.changedLevers()), [], 'a swipe is not a tap');
  assert.equal(await page.evaluate(() => window.kizuna.language()), 'ja', 'nor a tap on what was tapped before');

  // A pinch apart over the map zooms in: two places on the map move apart.
  await page.setViewportSize({ width: 1024, height: 768 });
  await frames(page, 3);
  const gap = () => page.evaluate(() => {
    const a = window.kizuna.mapPoint(130, 35);
    const b = window.kizuna.mapPoint(140, 35);
    return Math.hypot(a.x - b.x, a.y - b.y);
  });
  const wide = await gap();
  const centre = await page.evaluate(() => window.kizuna.mapPoint(135, 35));
  await touch.pinch(centre, 60, 260);
  await page.waitForFunction((g) => {
    const a = window.kizuna.mapPoint(130, 35);
    const b = window.kizuna.mapPoint(140, 35);
    return Math.hypot(a.x - b.x, a.y - b.y) > g * 1.3;
  }, wide);
  assert.deepEqual(await page.evaluate(() => window.kizuna.changedLevers()), [], 'a pinch changes no lever');
  await context.close();
});

test('uiRect is in CSS pixels at devicePixelRatio 2: a click at its middle hits the control', async () => {
  const { page, context } = await openPage(browser, site.url, { viewport: { width: 1024, height: 640 }, deviceScaleFactor: 2 });
  await waitUntilRunning(page, 3);
  await page.waitForFunction(() => window.kizuna.uiRect('language-menu') !== null);
  const rect = await rectOf(page, 'language-menu');
  assert.ok(rect.x + rect.width <= 1024 && rect.y + rect.height <= 640, JSON.stringify(rect));
  assert.ok(rect.height >= 10 && rect.height <= 40, `a menu title's height in CSS pixels: ${rect.height}`);
  await clickControl(page, 'language-menu');
  await page.waitForFunction(() => window.kizuna.uiRect('language-ja') !== null);
  await clickControl(page, 'language-ja');
  await page.waitForFunction(() => window.kizuna.language() === 'ja');
  await context.close();
});
