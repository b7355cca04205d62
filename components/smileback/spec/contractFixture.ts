import { timing } from '@oih-suite/kit/engine';
import type { TriggerContractFixture } from '@oih-suite/kit/testing';
import { ReferenceKind, SmilebackSimulator, nowMicros, startSimulator } from '../simulator';

/**
 * Every trigger against the simulator with the real 30 requests/minute limit, its window
 * compressed 1000× on both sides (60 ms), so throttling runs as in production but fast.
 */
const COMPRESS = 0.001;

interface Kind {
  add(sim: SmilebackSimulator, n: number, at?: number): string;
  touch(sim: SmilebackSimulator, id: string): void;
}

let counter = 0;

const kinds: Record<string, Kind> = {
  review: {
    add: (sim, _n, at) => String(sim.store.addReview({ rating: 1 }, at).id),
    touch: (sim, id) => void sim.store.updateReview(Number(id), { comment: `touched ${++counter}` }),
  },
  'nps-response': {
    add: (sim, _n, at) => String(sim.store.addNps({}, at).id),
    // NPS responses are immutable in SmileBack; moving one to "now" is the only change there is.
    touch: (sim, id) => sim.store.restampNps(Number(id)),
  },
  'prj-response': {
    add: (sim, _n, at) => sim.store.addProjectResponse({}, at).response.id,
    touch: (sim, id) => sim.store.updateProjectResponse(id, { comment: `touched ${++counter}` }),
  },
};

const referenceKind = (kind: ReferenceKind): Kind => ({
  add: (sim, n) =>
    String(sim.store.addReference(kind, { id: kind === 'csat-companies' || kind === 'csat-contacts' ? 1000 + n : `r-${n}`, name: `Name ${n}` }).id),
  touch: (sim, id) => sim.store.updateReference(kind, id, { name: `Renamed ${++counter}` }),
});

/** Seed 000's resource names, the trigger of each and the list it reads; the reference lists have no change time. */
export const RESOURCES: { key: string; triggerId: string; path: string; untimed?: boolean }[] = [
  { key: 'review', triggerId: 'getReviewsPolling', path: '/v3/reviews/' },
  { key: 'nps-response', triggerId: 'getNpsResponsesPolling', path: '/v3/nps-responses/' },
  { key: 'prj-response', triggerId: 'getProjectResponsesPolling', path: '/v3/prj-responses/' },
  { key: 'csat-agents', triggerId: 'getCsatAgentsPolling', path: '/v3/csat-agents/', untimed: true },
  { key: 'csat-boards', triggerId: 'getCsatBoardsPolling', path: '/v3/csat-boards/', untimed: true },
  { key: 'csat-companies', triggerId: 'getCsatCompaniesPolling', path: '/v3/csat-companies/', untimed: true },
  { key: 'csat-contacts', triggerId: 'getCsatContactsPolling', path: '/v3/csat-contacts/', untimed: true },
  { key: 'nps-campaigns', triggerId: 'getNpsCampaignsPolling', path: '/v3/nps-campaigns/', untimed: true },
  { key: 'prj-surveys', triggerId: 'getProjectSurveysPolling', path: '/v3/prj-surveys/', untimed: true },
];

export function contractFixture(resourceKey: string, trigger: TriggerContractFixture['trigger']): TriggerContractFixture {
  const resource = RESOURCES.find((r) => r.key === resourceKey)!;
  const kind = kinds[resourceKey] ?? referenceKind(resourceKey as ReferenceKind);
  let sim: SmilebackSimulator;
  let previous = 1;
  let n = 0;
  return {
    trigger,
    async start() {
      previous = timing.intervalScale;
      timing.intervalScale = COMPRESS;
      sim = await startSimulator({ intervalScale: COMPRESS });
      sim.store.clear();
      return { cfg: sim.cfg, sim: sim.server };
    },
    async stop() {
      timing.intervalScale = previous;
      await sim.stop();
    },
    addRecords(count, options) {
      const at = options?.sameTime ? nowMicros() : undefined;
      return Array.from({ length: count }, () => kind.add(sim, ++n, at));
    },
    touchRecords(ids) {
      for (const id of ids) kind.touch(sim, id);
    },
    breakRecordId: (id, value) => sim.store.breakRecordId(resource.key as Parameters<SmilebackSimulator['store']['breakRecordId']>[0], id, value),
    expireTokens: () => sim.expireTokens(),
    isPageRequest: (req) => req.method === 'GET' && req.path.replace(/\/?$/, '/') === `/api${resource.path}`,
    untimed: resource.untimed === true,
  };
}
