import { baseUrl, describeProvider, now, secret } from '@oih-suite/kit';
import { DEFAULT_BASE_URL, MaestroClient } from './client';
import { dayOf } from './windows';

/** MaestroQA: who it is, its credentials, its client. Every trigger and action is described against it. */
export const maestroqa = describeProvider({
  id: 'maestroqa',
  title: 'MaestroQA',
  description: 'MaestroQA (Rippit) coaching sessions, raw QA exports and agent groups for Open Integration Hub and elastic.io',
  docsUrl: 'https://help.maestroqa.com/en/articles/3209794-maestroqa-api',
  applicationUid: 'maestroqa',
  credentials: {
    apiToken: secret({
      label: 'API token',
      required: true,
      missing: 'create one under Other Settings → API Tokens',
      note: 'Create under Other Settings → API Tokens; sent in the apiToken header. Tokens expire after 90 days by default.',
    }),
    baseUrl: baseUrl({
      label: 'Base URL',
      fallback: DEFAULT_BASE_URL,
      note: 'Default https://app.maestroqa.com/api/v1; Rippit accounts use https://app.rippit.com/api/v1.',
    }),
  },
  mappingExample: '{ "id": data._id }',
  client: (ctx) => new MaestroClient(ctx),
  // One cheap real call: the coaching export of a single day proves the token and the base URL.
  verify: (client) => {
    const today = dayOf(now());
    return client.coachingSessions(today, today, 'createdAt');
  },
});
