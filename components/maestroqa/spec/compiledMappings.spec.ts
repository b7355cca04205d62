import { expectCompiledLikeJsonata, MappingInput, rawRecords } from '@oih-suite/kit/testing';
import { agentToPerson } from '../lib/mappings/agent';
import { coachingSessionToCoaching } from '../lib/mappings/coachingSession';
import agentGroups from '../lib/triggers/getAgentGroupsPolling';
import coaching from '../lib/triggers/getCoachingSessionsPolling';
import { MaestroSimulator, startSimulator } from '../simulator';

const DAY = 86_400_000;

/** Issue 14: the built-in mappings run compiled; over every simulator record they say what jsonata says. */
describe('MaestroQA built-in mappings compiled: identical to jsonata over every simulator record', function () {
  this.timeout(180_000);
  let sessions: MappingInput[] = [];
  let agents: MappingInput[] = [];

  before(async () => {
    const sim: MaestroSimulator = await startSimulator({ records: 2000, seed: 14, rateLimits: false, intervalScale: 0.001 });
    try {
      sim.addAgents(200);
      const window = { startTime: new Date(Date.now() - 210 * DAY).toISOString(), lookbackDays: 30 };
      sessions = await rawRecords(coaching.process, { ...sim.cfg, ...window });
      agents = await rawRecords(agentGroups.process, sim.cfg);
    } finally {
      await sim.stop();
    }
  });

  it('coaching session → coaching (sessions, points and to-dos): compiled, identical on every record and variants', async () => {
    await expectCompiledLikeJsonata(coachingSessionToCoaching, sessions);
  });

  it('agent → Person: compiled, identical on every record and variants', async () => {
    await expectCompiledLikeJsonata(agentToPerson, agents);
  });
});
