// A workshop as a room plays it (issue: workshops on phones): a facilitator on a projector
// (1280x720, mouse and keyboard) and four teams on phones (390x844, touch). Each team opens its
// link once -- the same address behind its QR code in every round -- or, for one team, types its
// join code on a bare page (Workshop menu, Join with a code); it reads its briefing and decides by
// taps on the HTML team page; the facilitator types the code each phone shows, the room watches who
// has decided without anyone moving the mouse, and the picture follows the crisis round by round.
// After each round the phones stay open and catch up by typing the round code the facilitator's
// screen shows; a mistyped round code is named and loses nothing. The projected screen never shows a
// private inject. At the end, the debrief's cost for each decision as the team saw it is the one
// the team's phone showed (the same accounting; the debrief adds the cost in hindsight), its chart
// saves as a PNG and the debrief as CSV. Screenshots go to KIZUNA_SCREENSHOT_DIR when it is set.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import {
  launchBrowser, serveSite, openPage, waitUntilRunning, frames, clickControl, pixelStats, closeContextsAfterEach, workshopExercise, phoneContext, screenshotter,
} from './harness.mjs';

let browser;
let site;
before(async () => { site = await serveSite(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await site?.close(); });
closeContextsAfterEach();

const EXERCISE = workshopExercise;
const PHONE = phoneContext;
const screenshot = screenshotter('facilitation');

// What each team taps in each round: a lever and the value to tap. A round a team is not listed in,
// it submits its last values unchanged (it holds its course: a decision that changes nothing). Each
// lever changes once: a standing policy changed again later would replace the earlier decision for
// the whole run, and the debrief rightly finds that the earlier one then changed nothing.
const PLAN = {
  1: { US: [['policy.US.stockpile.re_oxide.targetMonths', 3]], EU: [['policy.EU.stockpile.re_oxide.targetMonths', 2]] },
  2: { US: [['policy.US.investment.re_oxide.capacity', 600]], JP: [['policy.JP.stockpile.re_oxide.targetMonths', 4]] },
};
// Where the room's picture turns when each round opens: the latest public crisis, the good it cuts
// Japan shortest of, from the crisis's start month on.
const CRISIS = { 2: { region: 'JP', good: 're_oxide', from: 6 }, 3: { region: 'JP', good: 're_oxide', from: 12 }, 4: { region: 'JP', good: 're_magnet', from: 18 } };

// Every element of the team page with text of its own fits its box, and nothing leaves the screen.
function clippedText(page) {
  return page.evaluate(() => {
    const root = document.getElementById('team-page');
    const offenders = [];
    if (root.scrollWidth > root.clientWidth) offenders.push(`the page scrolls sideways (${root.scrollWidth} > ${root.clientWidth})`);
    for (const node of root.querySelectorAll('*')) {
      const ownText = [...node.childNodes].some((child) => child.nodeType === Node.TEXT_NODE && child.textContent.trim());
      if (!ownText || node.clientWidth === 0 || node.closest('.visually-hidden')) continue;
      const box = node.getBoundingClientRect();
      if (node.scrollWidth > node.clientWidth + 1) offenders.push(`${node.tagName}.${node.className}: "${node.textContent.slice(0, 40)}" ${node.scrollWidth} > ${node.clientWidth}`);
      else if (box.right > window.innerWidth + 1 || box.left < -1) offenders.push(`${node.tagName}.${node.className} leaves the screen (${box.left}..${box.right})`);
    }
    return offenders;
  });
}

const state = (page) => page.evaluate(() => window.kizuna.workshop.state());
const rectOf = (page, name) => page.evaluate((n) => window.kizuna.uiRect(n), name);

// Scrolls the facilitator's workshop panel with the wheel until `name` is drawn whole inside it.
async function revealInWorkshop(page, name) {
  const box = await page.locator('#canvas').boundingBox();
  for (let step = 0; step < 60; step++) {
    const [rect, panel] = await page.evaluate((n) => [window.kizuna.uiRect(n), window.kizuna.uiRect('workshop-window')], name);
    const top = panel ? panel.y + 30 : 0;
    if (rect && panel && rect.y >= top && rect.y + rect.height <= panel.y + panel.height) return;
    await page.mouse.move(box.x + panel.x + panel.width / 2, box.y + panel.y + panel.height / 2);
    await page.mouse.wheel(0, rect && rect.y < top ? -120 : 120);
    await frames(page, 1);
  }
  throw new Error(`${name} cannot be scrolled into the workshop panel`);
}
async function clickInWorkshop(page, name) {
  await revealInWorkshop(page, name);
  await clickControl(page, name);
}

// The projected view at this round: every public inject of the round is listed, no private one is.
async function assertPresenterSafe(page, exercise, round) {
  await frames(page, 2);
  for (const inject of exercise.injects.filter((i) => i.round <= round)) {
    const drawn = await rectOf(page, `workshop-inject:${inject.id}`);
    if (inject.teams) assert.equal(drawn, null, `the private inject ${inject.id} is not on the projected screen (round ${round})`);
    else if (inject.round === round) assert.ok(drawn, `the public inject ${inject.id} is listed in round ${round}`);
  }
}

// A phone waiting for its next turn stops drawing (the app's main loop paused; CDP's frozen state
// does not stop a visible page's frames): five software-rendered pages drawing at once would starve
// a 2-core machine. Its page and session stay as they were; it draws again for its turn.
async function setFrozen(phone, frozen) {
  await phone.page.evaluate((pause) => (pause ? window.Module.pauseMainLoop() : window.Module.resumeMainLoop()), frozen);
  if (!frozen) await frames(phone.page, 1);
}

// A tap on the app's canvas at a named control's middle (CDP touch events, as a finger).
async function tapControl(phone, name) {
  await phone.page.waitForFunction((n) => window.kizuna.uiRect(n) !== null, name);
  await frames(phone.page, 2);
  const rect = await rectOf(phone.page, name);
  const point = { x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 };
  await phone.cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [point] });
  await phone.cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await frames(phone.page, 3);
}

// A team's phone: a page in its own context, opened at `address`, watched for errors.
async function openPhone(context, address) {
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => { if (message.type() === 'error') errors.push(message.text()); });
  await page.goto(address);
  await waitUntilRunning(page, 3);
  return { page, errors, cdp: await context.newCDPSession(page) };
}

// The team types the round code from the facilitator's screen and taps Catch up.
async function typeRoundCode(page, code) {
  await page.locator('#team-catch-up').tap();
  await page.keyboard.press('Control+A');  // replaces what was typed before
  await page.keyboard.type(code);
  await page.locator('[data-focus="catch-up"]').tap();
}

// One team's turn on its phone: read, tap the plan, submit; returns the code shown and what the
// phone said the decision costs.
async function playRound(phone, team, round, taps) {
  const { page } = phone;
  await page.locator('#team-page').waitFor({ state: 'visible' });
  await page.waitForFunction((r) => window.kizuna.workshop.state().round === r, round);
  const seen = await state(page);
  assert.equal(seen.team, team);
  // The briefing: the team's own is open; the exercise's opens with a tap.
  const view = await page.evaluate(() => window.kizuna.workshop.teamView());
  await page.getByText(view.team.briefing).waitFor({ state: 'visible' });
  if (round === 1) {
    const exerciseBriefing = page.locator('#team-page details').nth(1);
    await exerciseBriefing.locator('summary').tap();
    await page.waitForFunction(() => document.querySelectorAll('#team-page details')[1].open);
    await exerciseBriefing.getByText(view.exerciseBriefing).waitFor({ state: 'visible' });
  }
  for (const [lever, value] of taps) {
    const target = value === 'on' ? page.locator(`[role="switch"][data-lever="${lever}"]`) : page.locator(`[data-lever="${lever}"][data-value="${value}"]`);
    await target.tap();
    await page.waitForFunction(([l, v]) => window.kizuna.workshop.teamView().levers.find((x) => x.path === l).value === (v === 'on' ? 1 : v), [lever, value]);
  }
  assert.deepEqual(await clippedText(page), [], `${team} round ${round}: nothing clipped`);
  const preview = (await page.evaluate(() => window.kizuna.workshop.teamView())).preview;
  assert.ok(Number.isFinite(preview.cost), `${team} round ${round}: the phone prices the decision`);
  await page.locator('#team-submit').tap();
  const code = page.locator('#team-code');
  await code.waitFor({ state: 'visible' });
  const shown = (await code.textContent()).trim();
  assert.equal(shown, (await state(page)).code, 'the code shown is the code the team submitted');
  const fit = await code.evaluate((node) => node.scrollWidth <= node.clientWidth);
  assert.ok(fit, `${team}: the code is shown whole`);
  assert.deepEqual(await clippedText(page), [], `${team} round ${round}: nothing clipped with the code`);
  if (round === 1 || team === 'JP') await screenshot(page, `phone-${team}-round-${round}`);
  assert.deepEqual(phone.errors, [], `${team} round ${round}`);
  return { code: shown, cost: preview.cost };
}

// A bare page on a phone (no link): the team taps Workshop, Join with a code, and types its code.
async function joinByCode(phone, joinCode) {
  const { page } = phone;
  await page.waitForFunction(() => window.kizuna.uiRect('more-menu') !== null || window.kizuna.uiRect('workshop-menu') !== null);
  if (await rectOf(page, 'more-menu')) await tapControl(phone, 'more-menu');  // the phone's bar gathers its menus in one
  await tapControl(phone, 'workshop-menu');
  // The menu asks for the site's exercises when it first opens: their entries come above the join item.
  await page.waitForFunction((id) => window.kizuna.uiRect(`workshop-run:${id}`) !== null, EXERCISE);
  await tapControl(phone, 'workshop-join');
  await page.locator('#join-code-input').waitFor({ state: 'visible' });
  await page.locator('#join-code-input').tap();
  await page.keyboard.type(joinCode);
  await screenshot(page, 'phone-join-dialog');
  await page.locator('#join-dialog-join').tap();
}

test('a facilitator on a projector and four teams on phones play an exercise to its debrief by taps', async () => {
  const exercise = JSON.parse(await readFile(new URL(`../../assets/exercises/${EXERCISE}.json`, import.meta.url), 'utf8'));
  const host = await openPage(browser, site.url, { viewport: { width: 1280, height: 720 } });
  const facilitator = host.page;
  await waitUntilRunning(facilitator, 3);
  await facilitator.waitForFunction(() => window.kizuna.uiRect('workshop-menu') !== null);
  await clickControl(facilitator, 'workshop-menu');
  await facilitator.waitForFunction((id) => window.kizuna.uiRect(`workshop-run:${id}`) !== null, EXERCISE);
  await clickControl(facilitator, `workshop-run:${EXERCISE}`);
  await facilitator.waitForFunction(() => window.kizuna.workshop.state().active);
  await facilitator.waitForFunction(() => window.kizuna.uiRect('workshop-presenter-view') !== null);
  const teamIds = (await state(facilitator)).teams.map((team) => team.id);
  assert.deepEqual(teamIds, ['US', 'JP', 'AU', 'EU']);
  const contexts = Object.fromEntries(await Promise.all(teamIds.map(async (id) => [id, await browser.newContext(PHONE)])));
  const phones = {};
  const decisions = [];  // { round, team, cost } as each phone showed it
  let stable = null;     // each team's address from the join sheet: the same in every round
  const JOINS_BY_CODE = 'AU';

  for (let round = 1; round <= exercise.rounds.count; round++) {
    await assertPresenterSafe(facilitator, exercise, round);
    if (CRISIS[round]) {
      const { region, good, month } = (await facilitator.evaluate(() => window.kizuna.summary())).selection;
      assert.deepEqual({ region, good }, { region: CRISIS[round].region, good: CRISIS[round].good }, `round ${round}: the picture follows the crisis`);
      assert.ok(month >= CRISIS[round].from, `round ${round}: month ${month}`);
    }
    // The join sheet: the address behind each team's QR code and its join code; once a round has
    // closed, the round code (the facilitator's screen shows it too, large).
    await facilitator.locator('#join-toggle').click();
    await facilitator.locator('#join-sheet .join-team[data-team="EU"] .join-link').waitFor({ state: 'visible' });
    const sheet = {};
    for (const id of teamIds) {
      const card = facilitator.locator(`#join-sheet .join-team[data-team="${id}"]`);
      sheet[id] = { address: await card.locator('.join-link').getAttribute('href'), joinCode: (await card.locator('.join-code-value').textContent()).trim() };
    }
    if (stable) assert.deepEqual(sheet, stable, `round ${round}: every team's link and join code stay the same`);
    stable = sheet;
    let roundCode = null;
    if (round > 1) {
      roundCode = (await facilitator.locator('#join-round-code').textContent()).trim();
      assert.equal(roundCode, (await state(facilitator)).roundCode, 'the sheet shows the round code of the session');
      assert.ok(await rectOf(facilitator, 'workshop-round-code'), 'the screen of the facilitator shows the round code');
      assert.ok(roundCode.length < 24, `a short round code: ${roundCode}`);
    } else {
      assert.equal(await facilitator.locator('#join-round-code').count(), 0, 'no round code before a round has closed');
    }
    if (round <= 2) await screenshot(facilitator, `join-sheet-round-${round}`);
    await facilitator.locator('#join-sheet .join-close').click();

    for (const [index, id] of teamIds.entries()) {
      if (round === 1) {
        phones[id] = await openPhone(contexts[id], id === JOINS_BY_CODE ? site.url : sheet[id].address);
        if (id === JOINS_BY_CODE) await joinByCode(phones[id], sheet[id].joinCode);
      } else {
        await setFrozen(phones[id], false);
        const { page } = phones[id];
        assert.equal((await state(page)).round, round - 1, `${id}: the phone is still at the last round`);
        if (index === 0) {
          // A mistyped round code: named, and nothing is lost (the field keeps it, the page its round and draft).
          const draft = await page.evaluate(() => window.kizuna.workshop.teamView().levers.map((lever) => lever.value));
          const typo = roundCode.slice(0, -2) + (roundCode.at(-2) === 'Z' ? 'Y' : 'Z') + roundCode.at(-1);
          await typeRoundCode(page, typo);
          await page.locator('#team-page .team-problem[role="status"]').waitFor({ state: 'visible' });
          assert.match(await page.locator('#team-page .team-problem[role="status"]').textContent(), /round code is damaged/);
          assert.equal(await page.locator('#team-catch-up').inputValue(), typo, 'the mistyped code stays to be corrected');
          assert.equal((await state(page)).round, round - 1);
          assert.deepEqual(await page.evaluate(() => window.kizuna.workshop.teamView().levers.map((lever) => lever.value)), draft);
          assert.deepEqual(await clippedText(page), [], `${id}: nothing clipped with the message`);
          if (round === 2) await screenshot(page, 'phone-mistyped-round-code');
        }
        await typeRoundCode(page, roundCode);
        await page.waitForFunction((r) => window.kizuna.workshop.state().round === r, round);
        await page.locator('#team-page .team-done[role="status"]').waitFor({ state: 'visible' });
      }
      const { code, cost } = await playRound(phones[id], id, round, (PLAN[round] || {})[id] || []);
      await setFrozen(phones[id], true);
      decisions.push({ round, team: id, cost });
      if (index === 0) {
        // Typed at the facilitator's screen as the team reads it out.
        await clickInWorkshop(facilitator, 'workshop-code');
        await facilitator.keyboard.type(code);
        await frames(facilitator, 2);
        await clickInWorkshop(facilitator, 'workshop-enter-code');
      } else {
        // Entered without touching the mouse: the room's tally must still follow at once.
        assert.deepEqual(await facilitator.evaluate((c) => window.kizuna.workshop.enterCode(c), code), [], `${id} round ${round}`);
      }
      await facilitator.waitForFunction((i) => window.kizuna.workshop.state().teams[i].decided, index);
      await facilitator.waitForFunction((t) => window.kizuna.uiRect(`workshop-decided:${t}`) !== null, id);
      await facilitator.waitForFunction((n) => window.kizuna.uiRect(`workshop-tally:${n}`) !== null, index + 1);
      const refused = await facilitator.evaluate((c) => window.kizuna.workshop.enterCode(c), code);
      assert.equal(refused.length, 1, 'the code accepted once is the one shown: entered again, it is a duplicate');
    }
    await assertPresenterSafe(facilitator, exercise, round);
    if (round === 2) await screenshot(facilitator, 'round-2-all-decided');
    await clickInWorkshop(facilitator, 'workshop-advance');  // the last round's is "Finish: debrief"
    if (round < exercise.rounds.count) await facilitator.waitForFunction((r) => window.kizuna.workshop.state().round === r, round + 1);
  }
  await Promise.all(Object.values(contexts).map((context) => context.close()));

  // The debrief: for every decision, the cost its phone showed when the team decided (one accounting;
  // beside it the debrief gives the cost in hindsight, with every inject and decision known).
  await facilitator.waitForFunction(() => window.kizuna.uiRect('workshop-debrief-chart') !== null);
  const debrief = await facilitator.evaluate(() => window.kizuna.workshop.debrief());
  for (const decision of decisions) {
    const effect = debrief.effects.find((e) => e.round === decision.round && e.team === decision.team);
    const changed = ((PLAN[decision.round] || {})[decision.team] || []).length > 0;
    assert.equal(Boolean(effect), changed, `round ${decision.round}, ${decision.team}: an effect exactly when the decision changed a lever`);
    const seen = effect ? effect.seen.cost : 0;
    assert.equal(seen, decision.cost, `round ${decision.round}, ${decision.team}: the debrief says the team saw ${seen}, the phone showed ${decision.cost}`);
    if (effect) assert.ok(effect.cost > 0, `round ${decision.round}, ${decision.team}: the decision cost something in hindsight too`);
  }
  assert.ok(decisions.some((d) => d.cost > 0), 'some decisions cost something');
  assert.ok(debrief.lessons.length >= 3 && debrief.lessons.length <= 5, `${debrief.lessons.length} prompts to discuss`);
  for (const inject of exercise.injects.filter((i) => i.teams)) {
    assert.equal(await rectOf(facilitator, `workshop-inject:${inject.id}`), null, `${inject.id} never on the projected screen`);
  }
  await screenshot(facilitator, 'debrief');

  // The chart as a PNG: the debrief chart's own rectangle, drawn (not a blank).
  const chartRect = await rectOf(facilitator, 'workshop-debrief-chart');
  const png = Buffer.from(await facilitator.evaluate(() => window.kizuna.exportPng('debrief').then((blob) => blob.arrayBuffer()).then((b) => [...new Uint8Array(b)])));
  const stats = pixelStats(png);
  assert.equal(stats.width, Math.round(chartRect.width));
  assert.equal(stats.height, Math.round(chartRect.height));
  assert.ok(stats.distinctColors > 10 && stats.brightFraction > 0.005, 'bars and their labels are in the picture');
  // The debrief's buttons save the chart and the CSV as files.
  for (const [button, name] of [['workshop-export-debrief-png', `${EXERCISE}-debrief.png`], ['workshop-export-debrief', `${EXERCISE}-debrief.csv`]]) {
    const started = facilitator.waitForEvent('download');
    await clickControl(facilitator, button);
    const file = await started;
    assert.equal(file.suggestedFilename(), name);
    if (name.endsWith('.csv')) assert.equal(await readFile(await file.path(), 'utf8'), await facilitator.evaluate(() => window.kizuna.workshop.debriefCsv()));
  }
  assert.deepEqual(host.consoleErrors, []);
});
