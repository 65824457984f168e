// Workshop mode in Chromium: a facilitator and four teams, each in its own browser context (as on
// five laptops), play a bundled exercise to its debrief using only links and decision codes; the
// facilitator's final link, opened in a fresh context, gives the same debrief.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  launchBrowser, serveSite, openPage, waitUntilRunning, frames, clickControl, closeContextsAfterEach, workshopExercise,
} from './harness.mjs';

let browser;
let site;
before(async () => { site = await serveSite(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await site?.close(); });
closeContextsAfterEach();

const EXERCISE = workshopExercise;
const state = (page) => page.evaluate(() => window.kizuna.workshop.state());

test('a facilitator and four teams play an exercise to its debrief with links and codes only', async () => {
  const host = await openPage(browser, site.url);
  const facilitator = host.page;
  await waitUntilRunning(facilitator, 3);
  await facilitator.waitForFunction(() => window.kizuna.uiRect('workshop-menu') !== null);
  await clickControl(facilitator, 'workshop-menu');
  await facilitator.waitForFunction((id) => window.kizuna.uiRect(`workshop-run:${id}`) !== null, EXERCISE);
  await clickControl(facilitator, `workshop-run:${EXERCISE}`);
  await facilitator.waitForFunction(() => window.kizuna.workshop.state().active);
  const started = await state(facilitator);
  assert.equal(started.role, 'facilitator');
  const teamIds = started.teams.map((team) => team.id);
  assert.deepEqual(teamIds, ['US', 'JP', 'AU', 'EU']);

  // Each team has its own browser context (its laptop) and opens the link it is given each round:
  // first its team link, then the facilitator's new session link with its team. A team's page is
  // closed between rounds: six software-rendered pages at once would starve this 2-core machine.
  const teams = await Promise.all(teamIds.map(async (id) => ({ id, context: await browser.newContext({ viewport: { width: 960, height: 600 } }) })));
  async function asTeam(team, link, round, act) {
    const page = await team.context.newPage();
    const errors = [];
    page.on('console', (message) => { if (message.type() === 'error') errors.push(message.text()); });
    page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
    await page.goto(`${site.url}#${link}`, { waitUntil: 'domcontentloaded' });
    await waitUntilRunning(page, 3);
    await page.waitForFunction((r) => window.kizuna.workshop.state().round === r, round);
    const seen = await state(page);
    assert.equal(seen.role, 'team');
    assert.equal(seen.team, team.id);
    const result = await act(page, seen);
    assert.deepEqual(errors, [], team.id);
    await page.close();
    return result;
  }

  // Rounds 1 and 2: every team decides on its own laptop and reads out its code. Rounds 3 and 4:
  // only Australia does (the others keep their last values).
  const everyoneDecides = (round) => round <= 2;
  for (let round = 1; round <= started.rounds; round++) {
    const session = (await state(facilitator)).link;
    for (const [index, team] of teams.entries()) {
      if (!everyoneDecides(round) && team.id !== 'AU') continue;
      const link = round === 1 ? await facilitator.evaluate((id) => window.kizuna.workshop.teamLink(id), team.id) : `${session}.${team.id}`;
      const code = await asTeam(team, link, round, async (page, seen) => {
        if (!seen.teams[index].decides) return null;
        if (round === 1) {
          assert.deepEqual(await page.evaluate((id) => window.kizuna.workshop.setDraft({ [`join.re-club.${id}`]: 1 }), team.id), []);
        }
        const preview = await page.evaluate(() => window.kizuna.workshop.preview());
        assert.ok(Number.isFinite(preview.withDraft.own), `${team.id} sees a preview`);
        return page.evaluate(() => window.kizuna.workshop.submit());
      });
      if (code === null) continue;
      assert.ok(code.length < 20, code);
      if (round === 1 && index === 0) {
        // Typed into the facilitator's code field, as read aloud.
        await clickControl(facilitator, 'workshop-code');
        await facilitator.keyboard.type(code.toLowerCase());
        await frames(facilitator, 2);
        await clickControl(facilitator, 'workshop-enter-code');
        await facilitator.waitForFunction((i) => window.kizuna.workshop.state().teams[i].decided, index);
      } else {
        assert.deepEqual(await facilitator.evaluate((c) => window.kizuna.workshop.enterCode(c), code), [], `${team.id} round ${round}`);
      }
      const again = await facilitator.evaluate((c) => window.kizuna.workshop.enterCode(c), code);
      assert.equal(again.length, 1, 'a code entered twice is refused');
    }
    if (round < started.rounds) assert.deepEqual(await facilitator.evaluate(() => window.kizuna.workshop.advance()), []);
  }
  await Promise.all(teams.map((team) => team.context.close()));

  const debrief = await facilitator.evaluate(() => window.kizuna.workshop.debrief());
  assert.equal(debrief.played.teams.length, 4);
  assert.ok(debrief.timeline.filter((entry) => entry.kind === 'decision').length >= 10, 'four teams twice, then Australia twice');
  const finalLink = (await state(facilitator)).link;
  await facilitator.waitForFunction((link) => location.hash === `#${link}`, finalLink);  // the address bar holds the session

  const replay = await openPage(browser, `${site.url}#${finalLink}`);
  await waitUntilRunning(replay.page, 3);
  await replay.page.waitForFunction(() => window.kizuna.workshop.state().active);
  assert.deepEqual(await replay.page.evaluate(() => window.kizuna.workshop.debrief()), debrief, 'the same debrief from the final link');
  assert.equal(await replay.page.evaluate(() => window.kizuna.workshop.debriefCsv()),
    await facilitator.evaluate(() => window.kizuna.workshop.debriefCsv()));

  for (const context of [host, replay]) {
    assert.deepEqual(context.consoleErrors, []);
    await context.context.close();
  }
});

test('wrong, stale and damaged codes and session links are named and change nothing', async () => {
  const { page, context, consoleErrors } = await openPage(browser, site.url);
  await waitUntilRunning(page, 3);
  assert.deepEqual(await page.evaluate((id) => window.kizuna.workshop.start(id), EXERCISE), []);
  const link = (await state(page)).link;
  const us = await page.evaluate(() => window.kizuna.workshop.teamLink('US'));
  // A stale code: made for round 1, entered after the round closed.
  const team = await openPage(browser, `${site.url}#${us}`);
  await waitUntilRunning(team.page, 3);
  await team.page.waitForFunction(() => window.kizuna.workshop.state().role === 'team');
  const code = await team.page.evaluate(() => window.kizuna.workshop.submit());
  assert.deepEqual(await page.evaluate(() => window.kizuna.workshop.advance()), []);
  // Hot-seat: the facilitator enters Japan's decision on the shared screen.
  await clickControl(page, 'workshop-hotseat:JP');
  await clickControl(page, 'workshop-record');
  await page.waitForFunction(() => window.kizuna.workshop.state().teams[1].decided);
  const before = await state(page);
  // The team catches up by pasting the facilitator's new link into its address bar.
  await team.page.evaluate((l) => { location.hash = `#${l}.US`; }, before.link);
  await team.page.waitForFunction(() => window.kizuna.workshop.state().round === 2);
  assert.equal((await state(team.page)).team, 'US');
  await team.context.close();
  for (const [bad, expected] of [[code, /round/i], ['ZZZZ-ZZZZ', /./], ['hello', /./], [`${code.slice(0, -1)}${code.endsWith('0') ? '1' : '0'}`, /./]]) {
    const problems = await page.evaluate((c) => window.kizuna.workshop.enterCode(c), bad);
    assert.equal(problems.length, 1, bad);
    assert.match(problems[0].message, expected, bad);
  }
  assert.deepEqual(await state(page), before);
  for (const bad of [`${link.slice(0, -3)}`, 'wAAAA', `${link}.XX`]) {
    const problems = await page.evaluate((l) => window.kizuna.workshop.open(l), bad);
    assert.ok(problems.length >= 1, bad);
    assert.match(await page.evaluate(() => window.kizuna.status()), /could not be opened/);
    assert.deepEqual(await state(page), before, `${bad} leaves the session`);
  }
  assert.deepEqual(consoleErrors, []);
  await context.close();
});
