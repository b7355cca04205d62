import fs from 'node:fs';
import path from 'node:path';
import { Transformer } from '@oih-suite/kit';
import { diagnose } from '../errors';
import { isTombstoneData } from '../output/messages';
import { count } from '../output/table';
import type { Ui } from '../output/ui';
import { REVIEWS_TO_EVENTS, REVIEW_TO_PERSON } from './mappings';
import { newReport, skip, StepReport } from './report';
import { renderScores } from './scores';
import type { DemoSimulators } from './simulators';
import type { DemoState } from './state';
import { findComponent, findStep, loadStepModule } from '../workspace';
import { FlowMessage, runAction, runTrigger, skippedStep } from './steps';

/** The demo changes records and polls a second later; a flow keeps the 60 s safety lag (README). */
const NO_LAG = { safetyLagSeconds: 0 };

export interface FlowResult {
  reports: StepReport[];
  /** Snapshots to commit when the whole flow succeeded. */
  snapshots: Record<string, unknown>;
  /** Further blocks to print after the table (the scores). */
  extra: string[];
}

const REVIEWS = 'smileback.getReviewsPolling';
const RECEIVERS = 'cleverreach.getReceiversPolling';
const SESSIONS = 'maestroqa.getCoachingSessionsPolling';
const EVENT_BATCH = 100;

/**
 * The demo flow, wired the way an OIH flow is: a trigger's messages go through a transformation
 * step into the next component's action, each message on its own.
 *   1. Smileback getReviewsPolling            (incremental, from the saved snapshot)
 *   2. review → OIH Person                     (a JSONata transformer step)
 *   3. CleverReach upsertReceiver              (tags from the rating)
 *   4. review → SocialHub importConsumerEventData (the step's customMapping turns it into an event)
 *   5. MaestroQA coaching sessions             (incremental; messages written to .state/demo/out)
 *   6. Smileback getScores                      (the scores, printed after the table)
 */
export async function runFlow(ui: Ui, sims: DemoSimulators, state: DemoState): Promise<FlowResult> {
  const reports: StepReport[] = [];
  const snapshots: Record<string, unknown> = {};
  const extra: string[] = [];
  const done = (report: StepReport) => {
    reports.push(report);
    const status = report.status === 'ok' ? '✓' : report.status === 'skipped' ? '–' : '✗';
    const why = report.status === 'ok' ? '' : `: ${report.notes.join('; ')}`;
    ui.out(`  ${status} ${report.step}: read ${report.read}, wrote ${report.wrote}, skipped ${report.skipped}${why}`);
  };
  const { smileback, cleverreach, socialhub, maestroqa } = sims.running;

  // 0. CleverReach receivers: what the newsletter list holds (and who unsubscribed) before the flow writes to it.
  if (cleverreach) {
    const t = await runTrigger(
      ui,
      'CleverReach getReceiversPolling',
      'cleverreach',
      'getReceiversPolling',
      { ...cleverreach.cfg, ...NO_LAG },
      state.snapshot(RECEIVERS),
    );
    snapshots[RECEIVERS] = t.snapshot;
    const inactive = t.messages.filter((m) => hasCategory(m, 'status', 'inactive')).length;
    if (inactive) t.report.notes.push(`${inactive} of them unsubscribed or never confirmed (status "inactive")`);
    done(t.report);
  } else done(skippedStep('CleverReach getReceiversPolling', sims.missing.cleverreach ?? 'no simulator'));

  // 1. Smileback reviews
  let reviews: FlowMessage[] = [];
  if (smileback) {
    const t = await runTrigger(
      ui,
      'Smileback getReviewsPolling',
      'smileback',
      'getReviewsPolling',
      { ...smileback.cfg, pageSize: 500, ...NO_LAG },
      state.snapshot(REVIEWS),
    );
    reviews = t.messages;
    snapshots[REVIEWS] = t.snapshot;
    const deleted = reviews.filter((m) => isTombstoneData(m.data)).length;
    if (deleted) t.report.notes.push(`${count(deleted, 'deleted review')} among them (tombstones)`);
    t.report.notes.push('unrated reviews not read (includeUnrated is off)');
    done(t.report);
  } else done(skippedStep('Smileback getReviewsPolling', sims.missing.smileback ?? 'no simulator'));

  // 2. Review → OIH Person
  const persons = newReport('review → OIH Person (JSONata)');
  const people: FlowMessage[] = [];
  if (smileback) {
    const started = Date.now();
    const toPerson = new Transformer(undefined, { customMapping: REVIEW_TO_PERSON });
    const byEmail = new Map<string, FlowMessage>();
    for (const review of reviews) {
      persons.read += 1;
      if (isTombstoneData(review.data)) {
        skip(persons, 'deleted reviews (a receiver is not deleted because one review was)');
        continue;
      }
      try {
        const person = await toPerson.apply(review);
        const data = person.data as Record<string, unknown>;
        const email = (data.contactData as { type?: string; value?: unknown }[] | undefined)?.find((c) => c.type === 'email' && c.value)?.value;
        if (typeof email !== 'string') {
          skip(persons, 'reviews without a contact e-mail');
          continue;
        }
        const key = email.toLowerCase();
        if (byEmail.has(key)) skip(persons, 'older reviews of a contact who has a newer one (the newest rating sets the tags)');
        // recordUid is the *target's* id in OIH; the review's id must not reach CleverReach, which
        // then finds the receiver by e-mail within the group.
        byEmail.delete(key);
        byEmail.set(key, { metadata: {}, data });
      } catch (error) {
        skip(persons, `not mappable: ${diagnose(error).message}`);
      }
    }
    people.push(...byEmail.values());
    persons.wrote = people.length;
    persons.durationMs = Date.now() - started;
    done(persons);
  } else done(skippedStep(persons.step, 'no reviews (Smileback missing)'));

  // 3. CleverReach upsertReceiver
  const upserts = newReport('CleverReach upsertReceiver');
  if (cleverreach && smileback) {
    upserts.read = people.length;
    // As a user configuring the step would: pick the group from the step's select model.
    const groupId = await pickGroup({ ...cleverreach.cfg }, 'Customers').catch(() => undefined);
    if (groupId) {
      upserts.notes.push(`group "Customers" (${groupId}) picked with the select model getGroups`);
      await runAction(ui, upserts, 'cleverreach', 'upsertReceiver', { ...cleverreach.cfg, groupId }, people);
    } else {
      // Without it the action resolves the group from the person's "group" category per message.
      await runAction(ui, upserts, 'cleverreach', 'upsertReceiver', { ...cleverreach.cfg }, people);
    }
    done(upserts);
  } else done(skippedStep(upserts.step, cleverreach ? 'no persons (Smileback missing)' : (sims.missing.cleverreach ?? 'no simulator')));

  // 4. SocialHub importConsumerEventData
  const events = newReport('SocialHub importConsumerEventData');
  if (socialhub && smileback) {
    const live = reviews.filter((m) => !isTombstoneData(m.data));
    events.read = reviews.length;
    if (reviews.length > live.length) skip(events, 'deleted reviews (an event already recorded stays recorded)', reviews.length - live.length);
    // The action takes many events per message; a batching step in front of it (as a flow would
    // use for bulk loads) turns thousands of calls into a few dozen.
    const batches: FlowMessage[] = [];
    for (let i = 0; i < live.length; i += EVENT_BATCH)
      batches.push({ metadata: {}, data: { reviews: live.slice(i, i + EVENT_BATCH).map((m) => m.data) } });
    const cfg = { ...socialhub.cfg, tenantId: 'oih-demo', customMapping: REVIEWS_TO_EVENTS };
    const results = await runAction(ui, events, 'socialhub', 'importConsumerEventData', cfg, batches);
    events.wrote = results.reduce((n, r) => n + Number((r.output?.data as { sent?: number } | undefined)?.sent ?? 0), 0);
    const rejected = results.reduce((n, r) => n + ((r.output?.data as { rejected?: unknown[] } | undefined)?.rejected?.length ?? 0), 0);
    if (rejected) skip(events, 'events SocialHub would not take (see --verbose)', rejected);
    if (batches.length) events.notes.push(`${count(batches.length, 'call')} of up to ${EVENT_BATCH} events`);
    // Read back from the simulator: what SocialHub now holds, not what we think we sent.
    const stored = typeof socialhub.importedEvents === 'function' ? (socialhub.importedEvents as () => unknown[])().length : undefined;
    if (stored !== undefined) events.notes.push(`SocialHub holds ${count(stored, 'event')}`);
    done(events);
  } else done(skippedStep(events.step, socialhub ? 'no reviews (Smileback missing)' : (sims.missing.socialhub ?? 'no simulator')));

  // 5. MaestroQA coaching sessions
  if (maestroqa) {
    const t = await runTrigger(
      ui,
      'MaestroQA getCoachingSessionsPolling',
      'maestroqa',
      'getCoachingSessionsPolling',
      { ...maestroqa.cfg, ...NO_LAG },
      state.snapshot(SESSIONS),
    );
    snapshots[SESSIONS] = t.snapshot;
    const updated = t.messages.filter(
      (m) => !isTombstoneData(m.data) && m.data.updatedAt && m.data.createdAt && m.data.updatedAt !== m.data.createdAt,
    ).length;
    const deleted = t.messages.filter((m) => isTombstoneData(m.data)).length;
    if (updated) t.report.notes.push(`${updated} updated after they were created`);
    if (deleted) t.report.notes.push(`${deleted} deleted (tombstones)`);
    const file = state.outputFile('maestroqa-coaching-sessions.jsonl');
    fs.writeFileSync(file, t.messages.map((m) => JSON.stringify(ui.redactor.value(m))).join('\n') + (t.messages.length ? '\n' : ''));
    t.report.wrote = t.messages.length;
    t.report.notes.push(`messages in ${path.relative(process.cwd(), file)}`);
    done(t.report);
  } else done(skippedStep('MaestroQA getCoachingSessionsPolling', sims.missing.maestroqa ?? 'no simulator'));

  // 6. Smileback getScores: the period is the seeded year so far (the action's `from`/`to` fields).
  const scores = newReport('Smileback getScores');
  if (smileback) {
    const input: FlowMessage = { metadata: {}, data: { from: '2025-01-01T00:00:00Z' } };
    const results = await runAction(ui, scores, 'smileback', 'getScores', { ...smileback.cfg }, [input]);
    scores.read = 1;
    scores.wrote = results[0]?.output ? 1 : 0;
    if (results[0]?.output) extra.push(renderScores(results[0].output.data));
    done(scores);
  } else done(skippedStep(scores.step, sims.missing.smileback ?? 'no simulator'));

  return { reports, snapshots, extra };
}

/** The id of the CleverReach group called `name`, from upsertReceiver's `getGroups` select model. */
async function pickGroup(cfg: Record<string, unknown>, name: string): Promise<string | undefined> {
  const mod = loadStepModule(findStep(findComponent('cleverreach'), 'upsertReceiver'));
  if (typeof mod.getGroups !== 'function') return undefined;
  const groups = (await (mod.getGroups as (c: Record<string, unknown>) => Promise<Record<string, string>>)(cfg)) ?? {};
  return Object.entries(groups).find(([, label]) => label.toLowerCase().startsWith(name.toLowerCase()))?.[0];
}

function hasCategory(message: FlowMessage, name: string, label: string): boolean {
  const categories = message.data.categories;
  return Array.isArray(categories) && categories.some((c: { name?: unknown; label?: unknown }) => c?.name === name && c?.label === label);
}
