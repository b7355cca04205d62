import { describeProvider, field, secret, text } from '@oih-suite/kit';
import { DEFAULT_BASE_URL, createClient, readBaseUrl } from './client';

/** CleverReach: who it is, its credentials, its client. Every trigger and action is described against it. */
export const cleverreach = describeProvider({
  id: 'cleverreach',
  title: 'CleverReach',
  description:
    'Reads and writes CleverReach receivers (newsletter recipients) as OIH Persons: polling triggers for all groups or one group, upsert, delete and lookup actions.',
  docsUrl: 'https://rest.cleverreach.com/howto/',
  applicationUid: 'cleverreach',
  credentials: {
    client_id: text({
      label: 'Client ID',
      placeholder: 'a1b2c3d4e5',
      note: 'Of an OAuth app in CleverReach (My account > Extras > REST API). With client_secret the component gets its own token (client-credentials grant at /oauth/token.php).',
    }),
    client_secret: secret({ label: 'Client secret', note: "The OAuth app's secret, needed with client_id; never logged or emitted" }),
    accessToken: secret({
      label: 'Access token',
      note: 'An already issued CleverReach access token (e.g. from the OIH secret service). Used instead of client_id/client_secret; it cannot be renewed by the component.',
    }),
    baseUrl: field(
      {
        label: 'Base URL',
        viewClass: 'TextFieldView',
        required: false,
        note: 'The API root without /v3 (default https://rest.cleverreach.com)',
        placeholder: DEFAULT_BASE_URL,
      },
      (cfg) => readBaseUrl(cfg),
    ),
  },
  // An access token, or client_id with client_secret: the client says which is missing (`client_id: set client_id and client_secret, or an accessToken`).
  alternatives: [['accessToken', 'client_id']],
  // CleverReach publishes no rate limit: the kit's adaptive rate, capped by the steps' maxRequestsPerSecond.
  rateLimit: 'adaptive',
  mappingExample: '{ "data": { "email": data.contactData[type=\'email\'].value } }',
  client: (ctx) => createClient(ctx.cfg, ctx.log, ctx.redactor),
  // A token (when client credentials are given), then the group list: the credentials and the API root in one or two requests.
  verify: (client) => client.groups(),
});
