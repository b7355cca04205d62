import { OperationHooks, baseUrl, describeProvider, secret, text } from '@oih-suite/kit';
import { DEFAULT_BASE_URL, SocialHubClient } from './client';

/** SocialHub: who it is, its credentials, its client. Every trigger and action is described against it. */
export const socialhub = describeProvider({
  id: 'socialhub',
  title: 'SocialHub',
  description: 'SocialHub.AI customer data and loyalty platform (system OpenAPI): members, consumers, events, orders, points and master data.',
  // The system OpenAPI has no public reference; the vendor's node is what documents its requests.
  docsUrl: 'https://github.com/Socialhub-AI/n8n-nodes-socialhub',
  applicationUid: 'socialhub',
  credentials: {
    appId: text({
      label: 'App ID',
      required: true,
      placeholder: 'your-app-id',
      note: 'The appId of your SocialHub OpenAPI application',
    }),
    appSecret: secret({
      label: 'App secret',
      required: true,
      note: 'The appSecret that goes with the App ID; it is only sent to obtain tokens',
    }),
    baseUrl: baseUrl({
      label: 'Base URL',
      fallback: DEFAULT_BASE_URL,
      note: `Your SocialHub OpenAPI address; default ${DEFAULT_BASE_URL}`,
    }),
  },
  mappingExample: '{ "data": data }',
  client: (ctx) => new SocialHubClient(ctx),
  // Obtaining a token proves the app id, the secret and the base URL in one request.
  verify: (client) => client.login(),
});

/** How every operation of the table is sent: through the client, which unwraps SocialHub's envelope. */
export const sendOperation: OperationHooks<SocialHubClient> = { send: (client, request) => client.send(request) };
