import type { ComponentDescription } from './component';
import type { FieldJson, FieldSet } from './fields';
import { STANDARD_CREDENTIAL_FIELDS, STANDARD_FIELDS, StepShape } from './standardFields';

type Json = Record<string, unknown>;

/** Every component is built the same way on the platform. */
export const BUILD_TYPE = 'docker';
const VIEW_CLASSES = new Set(['TextFieldView', 'TextAreaView', 'PasswordFieldView', 'CheckBoxView', 'SelectView', 'OAuthFieldView']);
const TICK_SCHEMA = './lib/schemas/tick.in.json';

/**
 * The generated files of one component, by path relative to its folder: component.json, the
 * polling tick's in-schema, and the in-schemas of actions that take their fields from the message.
 * The elastic.io conventions are enforced here, in one place: a violation throws, listing every
 * problem of the component.
 */
export function generateDescriptors(component: ComponentDescription): Record<string, Json> {
  const problems: string[] = [];
  const { provider } = component;
  const shape = (kind: StepShape['kind'], extra: Partial<StepShape> = {}): StepShape => ({
    kind,
    provider: provider.title,
    mappingExample: provider.mappingExample,
    applicationUid: provider.applicationUid,
    rateLimit: provider.rateLimit,
    ...extra,
  });
  for (const [key, value] of Object.entries({ id: provider.id, title: provider.title, description: provider.description }))
    if (!value) problems.push(`provider: no ${key}`);
  if (!/^https:\/\/\S+$/.test(provider.docsUrl ?? '')) problems.push('provider: docsUrl must be an https URL');

  const files: Record<string, Json> = {};
  const triggers: Json = {};
  for (const { description: d } of component.triggers) {
    const fields = stepFields(d.id, d.fields, shape('trigger', { changes: d.changes, pageSize: d.pageSize }), problems, d.standardWording);
    triggers[d.id] = {
      title: d.title,
      description: d.description,
      type: 'polling',
      main: `./dist/lib/triggers/${d.id}.js`,
      metadata: { in: TICK_SCHEMA, out: d.out },
      fields,
    };
    checkStep(d.id, d, problems);
  }
  if (component.triggers.length) files['lib/schemas/tick.in.json'] = tickSchema();

  const actions: Json = {};
  for (const { description: d } of component.actions) {
    if (!d.in && !d.fieldsFromMessage) problems.push(`${d.id}: no in-schema (give "in", or fieldsFromMessage to generate it from the fields)`);
    const schema = (given: string | Json | undefined, kind: 'in' | 'out', fallback: () => Json): string => {
      if (typeof given === 'string') return given;
      const path = `lib/schemas/${d.id}.${kind}.json`;
      files[path] = given ?? fallback();
      return `./${path}`;
    };
    actions[d.id] = {
      title: d.title,
      description: d.description,
      main: `./dist/lib/actions/${d.id}.js`,
      metadata: { in: schema(d.in, 'in', () => messageSchema(d.fields)), out: schema(d.out, 'out', () => ({})) },
      fields: stepFields(d.id, d.fields, shape('action'), problems),
    };
    checkStep(d.id, d, problems);
  }

  files['component.json'] = {
    title: provider.title,
    description: provider.description,
    docsUrl: provider.docsUrl,
    buildType: BUILD_TYPE,
    ...(provider.envVars ? { envVars: provider.envVars } : {}),
    credentials: { fields: credentialFields(component, problems), ...(provider.oauth2 ? { oauth2: provider.oauth2 } : {}) },
    ...(component.triggers.length ? { triggers } : {}),
    ...(component.actions.length ? { actions } : {}),
  };
  if (problems.length) throw new Error(`${provider.id}: component.json breaks the conventions:\n- ${problems.join('\n- ')}`);
  return files;
}

function credentialFields(component: ComponentDescription, problems: string[]): Json {
  const { credentials, alternatives = [] } = component.provider;
  const out: Json = {};
  for (const [name, declared] of Object.entries(credentials)) {
    const json: FieldJson = { ...declared.json };
    checkField(`credentials.${name}`, json, problems);
    const pair = alternatives.find((p) => p.includes(name));
    if (pair) {
      const other = pair[0] === name ? pair[1] : pair[0];
      if (json.required) problems.push(`credentials.${name}: one of an alternative pair cannot be required`);
      json.note = `${json.note.replace(/\.$/, '')}. Needed unless ${other} is given.`;
    }
    out[name] = json;
  }
  for (const pair of alternatives) for (const name of pair) if (!(name in credentials)) problems.push(`alternatives: no credential field ${name}`);
  const shape = { title: component.provider.title, credentials: Object.keys(credentials) };
  for (const f of STANDARD_CREDENTIAL_FIELDS.filter((s) => s.appliesTo(shape))) {
    if (f.name in credentials) problems.push(`credentials.${f.name}: a standard credential field of the kit; do not declare it again`);
    const json = f.json(shape);
    checkField(`credentials.${f.name}`, json, problems);
    out[f.name] = json;
  }
  return out;
}

/** The kit's standard fields around the step's own ones, each checked. */
function stepFields(step: string, own: FieldSet, shape: StepShape, problems: string[], wording: Record<string, Partial<FieldJson>> = {}): Json {
  const standard = STANDARD_FIELDS.filter((f) => f.appliesTo(shape));
  for (const name of Object.keys(wording))
    if (!standard.some((f) => f.name === name)) problems.push(`${step}.${name}: standardWording for a field this step does not have`);
  const out: Json = {};
  const add = (name: string, json: FieldJson) => {
    checkField(`${step}.${name}`, json, problems);
    out[name] = json;
  };
  const json = (f: (typeof standard)[number]): FieldJson => ({ ...f.json(shape), ...wording[f.name] });
  for (const f of standard.filter((s) => s.placement === 'first')) add(f.name, json(f));
  for (const [name, declared] of Object.entries(own)) {
    if (STANDARD_FIELDS.some((f) => f.name === name)) problems.push(`${step}.${name}: a standard field of the kit; do not declare it again`);
    add(name, declared.json);
  }
  for (const f of standard.filter((s) => s.placement === 'last')) add(f.name, json(f));
  return out;
}

function checkField(where: string, json: FieldJson, problems: string[]): void {
  if (!json.label) problems.push(`${where}: no label`);
  if (!json.note) problems.push(`${where}: no note`);
  if (!VIEW_CLASSES.has(json.viewClass)) problems.push(`${where}: viewClass ${json.viewClass} is not one elastic.io documents`);
  if ((json.viewClass === 'TextFieldView' || json.viewClass === 'TextAreaView') && !json.placeholder) problems.push(`${where}: no placeholder`);
  if (json.viewClass === 'SelectView' && !json.model) problems.push(`${where}: a select without a model`);
}

function checkStep(id: string, step: { title: string; description: string }, problems: string[]): void {
  if (!/^[a-z][A-Za-z0-9]*$/.test(id)) problems.push(`${id}: step ids are camelCase`);
  if (!step.title) problems.push(`${id}: no title`);
  if (!step.description) problems.push(`${id}: no description`);
}

function tickSchema(): Json {
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'Polling tick',
    description: 'A polling trigger reads no input: the platform sends an empty message on each interval.',
    type: 'object',
    properties: {},
  };
}

/** The in-schema of an action whose message may give its fields (the message's values win). */
function messageSchema(fields: FieldSet): Json {
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    type: 'object',
    properties: Object.fromEntries(Object.entries(fields).map(([name, f]) => [name, { ...f.schema, description: f.json.note }])),
  };
}
